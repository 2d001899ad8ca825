/**
 * Telling Discord what a claimed job did, in the ticket's thread (or the owner's DMs when it has no
 * thread and the server allows DMs). Every message goes out with the job's nonce and
 * `enforce_nonce`: a job handed out again (its pass died after Discord accepted the message, or the
 * outcome was lost) re-sends the same nonce within Discord's dedupe window, and Discord answers with
 * the message it already made instead of a second one. The other calls (archive, staff post) are
 * idempotent edits. What Discord refuses for good (the thread is gone, the member's DMs are closed)
 * is reported as undeliverable, not retried.
 */
import type { APIChannel } from "discord-api-types/v10";
import { type MessageData, messageBody } from "../../../shared/discord/responses";
import { DiscordApiError, type DiscordRest } from "../../../shared/discord/rest";
import { translatorFor } from "../../../shared/i18n";
import type { SettingsEnv } from "../../servers/settings-store";
import { categoryAudienceOf, categoryNamesOf } from "../category-names";
import { supabaseAsNotifier } from "../notifier-client";
import { automaticClose, closeRequestPrompt, inactivityWarning, ratingPrompt } from "../render/automation";
import { staffPost } from "../render/staff-post";
import { staffPostTicket } from "../rpc";
import type { AutomationJob } from "./automation-rpc";

export type Delivery = "delivered" | "undeliverable";

/** What delivering needs: Discord's API with the bot token, and Supabase for the staff post. */
export type DeliveryEnv = SettingsEnv & { DISCORD_API_BASE: string; DISCORD_BOT_TOKEN: string };

/** Discord said no for good: retrying the same request cannot succeed. */
export function isPermanent(error: unknown): boolean {
  return error instanceof DiscordApiError && [400, 403, 404].includes(error.status);
}

interface Target {
  channelId: string;
  inThread: boolean;
}

async function targetOf(rest: DiscordRest, job: AutomationJob): Promise<Target | null> {
  if (job.threadId) return { channelId: job.threadId, inThread: true };
  if (!job.dmAllowed) return null;
  const channel = await rest.request<APIChannel>("POST", "/users/@me/channels", {
    body: { recipient_id: job.ticket.ownerId },
  });
  return { channelId: channel.id, inThread: false };
}

const post = (rest: DiscordRest, job: AutomationJob, target: Target, step: number, message: MessageData) =>
  rest.request("POST", `/channels/${target.channelId}/messages`, {
    body: { ...messageBody(message), nonce: `${job.nonce}-${step}`, enforce_nonce: true },
  });

const archive = (rest: DiscordRest, target: Target) =>
  rest.request("PATCH", `/channels/${target.channelId}`, { body: { archived: true, locked: true } });

/** The staff channel's post, redrawn as closed, in the language it was posted in (as notify.ts does). */
async function redrawStaffPost(env: DeliveryEnv, rest: DiscordRest, job: AutomationJob): Promise<void> {
  if (!job.ticket.staffPost) return;
  const read = await staffPostTicket(await supabaseAsNotifier(env), job.ticket.guildId, job.ticket.number);
  const post = read.ok ? read.value.staffPost : null;
  if (!read.ok || !post) return;
  const names = await categoryNamesOf(env, job.ticket.guildId, post.locale);
  await rest.request("PATCH", `/channels/${post.channelId}/messages/${post.messageId}`, {
    body: messageBody(
      staffPost(
        translatorFor(post.locale),
        read.value,
        undefined,
        names,
        await categoryAudienceOf(env, job.ticket.guildId),
      ),
    ),
  });
}

export async function deliverJob(env: DeliveryEnv, rest: DiscordRest, job: AutomationJob): Promise<Delivery> {
  const target = await targetOf(rest, job);
  const t = translatorFor(job.locale);
  const { ticket } = job;
  if (job.kind === "inactivity_close" || job.kind === "close_request_timeout") {
    // The staff post says "closed automatically" even when the member cannot be told.
    await redrawStaffPost(env, rest, job);
  }
  if (!target) return "undeliverable";
  switch (job.kind) {
    case "inactivity_warning":
      await post(
        rest,
        job,
        target,
        0,
        inactivityWarning(t, job.locale, ticket, job.hours ?? 24, target.inThread),
      );
      break;
    case "close_request_prompt":
      await post(
        rest,
        job,
        target,
        0,
        closeRequestPrompt(t, job.locale, ticket, job.hours ?? 24, job.requestedBy, target.inThread),
      );
      break;
    case "inactivity_close":
    case "close_request_timeout": {
      const reason = job.kind === "inactivity_close" ? "inactivity" : "no_answer";
      await post(rest, job, target, 0, automaticClose(t, ticket, reason, target.inThread));
      if (target.inThread) await archive(rest, target);
      break;
    }
    case "rating_prompt":
      // automation_claim hands out a rating prompt only while its ticket is closed.
      await post(rest, job, target, 0, ratingPrompt(t, ticket, target.inThread));
      // Writing in the closed thread reopened it on Discord: archived and locked again.
      if (target.inThread) await archive(rest, target);
      break;
  }
  return "delivered";
}
