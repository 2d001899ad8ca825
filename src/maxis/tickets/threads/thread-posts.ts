/**
 * What Maxis writes in a ticket's thread: the thread itself with its member and card (at creation),
 * replies said through Maxis (a slash command or the dashboard) under the author's name and avatar
 * through a channel webhook, and the closing and reopening notes with the archive and lock.
 * Every message pings no one (allowed_mentions empty); member text is posted as that person wrote it.
 */
import type { APIChannel, APIMessage, APIWebhook } from "discord-api-types/v10";
import { messageBody } from "../../../shared/discord/responses";
import type { DiscordRest } from "../../../shared/discord/rest";
import { translatorFor } from "../../../shared/i18n";
import { cutAt } from "../../../shared/markdown";
import { lookUpPeople } from "../../people/directory";
import { safeText } from "../render/escape";
import type { CategoryName } from "../render/labels";
import { threadCard } from "../render/thread-card";
import type { TicketMessage, TicketSummary, TicketWithDescription } from "../rpc";
import { threadName } from "./thread-name";
import type { TicketThread } from "./thread-rpc";

const PRIVATE_THREAD = 12;
/** A week: Discord's longest auto-archive; closing archives it sooner. */
const AUTO_ARCHIVE_MINUTES = 10_080;
const WEBHOOK_NAME = "Maxis tickets";

/** The two database steps of opening a ticket's thread, around Maxis's Discord calls. */
export interface ThreadSetupSteps {
  /** Records the thread on the ticket; null when the ticket was closed first (nothing recorded). */
  record(thread: TicketThread): Promise<TicketThread | null>;
  /** Read once the card is posted: whether the ticket was closed while the thread was being set up. */
  closedSince(): Promise<boolean>;
}

/**
 * Opens the private thread in `parentChannelId`, has it recorded (before anything else can fail, so
 * the ticket never loses its thread), adds the member and posts the card. A ticket closed in the
 * meantime never keeps an open thread: closed before the record, nobody has seen the thread yet (its
 * closer told the member by DM), so it is deleted; closed after, its closer has written the closing
 * note there, and the card, which reopened it, is followed by archiving and locking it again.
 * Returns null when the thread was deleted.
 */
export async function createTicketThread(
  rest: DiscordRest,
  parentChannelId: string,
  ticket: TicketWithDescription,
  /** How the server names the ticket's category, in the owner's language. */
  categoryName: CategoryName,
  steps: ThreadSetupSteps,
): Promise<TicketThread | null> {
  const thread = await rest.request<APIChannel>("POST", `/channels/${parentChannelId}/threads`, {
    body: {
      name: threadName(ticket.number, ticket.subject),
      type: PRIVATE_THREAD,
      // Only moderators (Manage Threads) add people: a member cannot invite others into their ticket.
      invitable: false,
      auto_archive_duration: AUTO_ARCHIVE_MINUTES,
    },
  });
  if (!(await steps.record({ threadId: thread.id, parentChannelId }))) {
    await rest.request("DELETE", `/channels/${thread.id}`);
    return null;
  }
  await rest.request("PUT", `/channels/${thread.id}/thread-members/${ticket.ownerId}`);
  await rest.request<APIMessage>("POST", `/channels/${thread.id}/messages`, {
    body: messageBody(threadCard(translatorFor(ticket.ownerLocale), ticket, categoryName)),
  });
  if (await steps.closedSince()) {
    await rest.request("PATCH", `/channels/${thread.id}`, { body: { archived: true, locked: true } });
  }
  return { threadId: thread.id, parentChannelId };
}

/**
 * One webhook per support channel, found or made once per isolate. The found webhook is kept, never
 * the search in flight: a request awaiting another request's Discord call is cancelled by workerd.
 * Two requests (or isolates) may both find none and both make one: each then lists the channel's
 * webhooks again and keeps the oldest, and the one that made a newer webhook deletes it.
 */
const webhooks = new Map<string, { id: string; token: string }>();
async function webhookOf(rest: DiscordRest, channelId: string): Promise<{ id: string; token: string }> {
  const known = webhooks.get(channelId);
  if (known) return known;
  const list = () => rest.request<APIWebhook[]>("GET", `/channels/${channelId}/webhooks`);
  let webhook = oldestOurs(await list());
  if (!webhook) {
    const made = await rest.request<APIWebhook>("POST", `/channels/${channelId}/webhooks`, {
      body: { name: WEBHOOK_NAME },
    });
    webhook = oldestOurs(await list()) ?? made;
    if (webhook.id !== made.id) await rest.request("DELETE", `/webhooks/${made.id}`);
  }
  if (!webhook.token) throw new Error(`the webhook of channel ${channelId} has no token`);
  const found = { id: webhook.id, token: webhook.token };
  webhooks.set(channelId, found);
  return found;
}

/** Maxis's webhook in a channel's list (named so, with a token: made by this application), the oldest. */
function oldestOurs(list: APIWebhook[]): APIWebhook | undefined {
  return list
    .filter((w) => w.name === WEBHOOK_NAME && w.token)
    .sort((a, b) => (BigInt(a.id) < BigInt(b.id) ? -1 : 1))[0];
}

/** A public message said through Maxis, in the thread under its author's server name and avatar. */
export async function postAsAuthor(
  env: Pick<MaxisEnv, "DISCORD_API_BASE" | "DISCORD_BOT_TOKEN">,
  rest: DiscordRest,
  thread: TicketThread,
  ticket: Pick<TicketSummary, "guildId">,
  message: TicketMessage,
  waitUntil: (promise: Promise<unknown>) => void,
): Promise<APIMessage> {
  const [person] = await lookUpPeople({ env, guildId: ticket.guildId, ids: [message.authorId], waitUntil });
  const webhook = await webhookOf(rest, thread.parentChannelId);
  return rest.request<APIMessage>(
    "POST",
    `/webhooks/${webhook.id}/${webhook.token}?wait=true&thread_id=${thread.threadId}`,
    {
      body: {
        ...messageBody(message.body),
        // Discord refuses a webhook name containing "discord"; the id stands in when there is no name.
        username: cutAt((person?.name ?? message.authorId).replace(/discord/gi, "d1scord"), 80),
        ...(person?.avatarUrl ? { avatar_url: person.avatarUrl } : {}),
      },
    },
  );
}

/** Closing: who and why, then archived and locked (the note first: writing would unarchive it). */
export async function closeThread(
  rest: DiscordRest,
  thread: TicketThread,
  ticket: TicketSummary,
): Promise<void> {
  const t = translatorFor(ticket.ownerLocale);
  const lines = [
    ticket.closedBy
      ? t("ticket.discord_thread.closed", { number: ticket.number, actor: ticket.closedBy })
      : t("ticket.discord_thread.closed_by_system", { number: ticket.number }),
  ];
  if (ticket.closeReason) {
    lines.push(t("ticket.discord_thread.reason", { reason: safeText(ticket.closeReason, 500) }));
  }
  await rest.request("POST", `/channels/${thread.threadId}/messages`, {
    body: messageBody(lines.join("\n")),
  });
  await rest.request("PATCH", `/channels/${thread.threadId}`, { body: { archived: true, locked: true } });
}

/** Reopening: unlocked and unarchived, then a note saying so. */
export async function reopenThread(
  rest: DiscordRest,
  thread: TicketThread,
  ticket: TicketSummary,
): Promise<void> {
  await rest.request("PATCH", `/channels/${thread.threadId}`, { body: { archived: false, locked: false } });
  const t = translatorFor(ticket.ownerLocale);
  await rest.request("POST", `/channels/${thread.threadId}/messages`, {
    body: messageBody(t("ticket.discord_thread.reopened", { number: ticket.number })),
  });
}
