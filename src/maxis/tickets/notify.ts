/**
 * What Maxis tells people outside the interaction: the staff channel about tickets (a post per ticket,
 * edited after every change), members by DM when staff answer or close. Everything here runs after
 * the interaction is answered (waitUntil) with the bot token; a failure is logged and never turns a
 * ticket action that succeeded into an error. A DM Discord refuses is recorded on the ticket (shown on
 * the dashboard and the staff post) and reported to whoever acted, through `onUndelivered`.
 * The staff post reads the server's language (stored with the post); a member's DMs read the language
 * the member had when they opened the ticket (stored on it), whoever acts and from wherever.
 */
import type { APIChannel, APIMessage } from "discord-api-types/v10";
import { type MessageData, messageBody } from "../../shared/discord/responses";
import { DiscordApiError, type DiscordRest } from "../../shared/discord/rest";
import { type Locale, translatorFor } from "../../shared/i18n";
import { botRest } from "../bot-rest";
import { serverSettings } from "../servers/settings-store";
import type { SupabaseBindings } from "../supabase/client";
import { audienceOf, categoryAudienceOf, categoryNamesOf } from "./category-names";
import { supabaseAsNotifier } from "./notifier-client";
import { staffReplyDm, ticketClosedDm } from "./render/dm";
import { categoryNamer } from "./render/labels";
import { staffPost } from "./render/staff-post";
import {
  type DmFailureReason,
  recordDmOutcome,
  recordStaffPost,
  staffPostTicket,
  type TicketMessage,
  type TicketSummary,
  type TicketWithDescription,
} from "./rpc";
import { supportChannelFor } from "./threads/support-channel";
import { closeThread, postAsAuthor, reopenThread } from "./threads/thread-posts";
import { type TicketThread, threadOf } from "./threads/thread-rpc";

export type NotifyEnv = Pick<
  MaxisEnv,
  | "DISCORD_API_BASE"
  | "DISCORD_BOT_TOKEN"
  | "TICKET_STAFF_CHANNEL_ID"
  | "DISCORD_SUPPORT_CHANNEL_ID"
  | "DISCORD_GUILD_ID"
  | "STAFF_ROLE_ID"
  | "SUPABASE_URL"
  | "SUPABASE_PUBLISHABLE_KEY"
  | "SUPABASE_JWT_SIGNING_KEY"
> &
  Pick<SupabaseBindings, "SUPABASE_JWT_SECRET">;

export interface Notifier {
  env: NotifyEnv;
  waitUntil(promise: Promise<unknown>): void;
}

/** A notifier that also knows the server's language, for the staff channel everyone there shares. */
export interface StaffChannelNotifier extends Notifier {
  locale: Locale;
}

export function inBackground(notifier: Notifier, what: string, work: () => Promise<unknown>): void {
  notifier.waitUntil(
    work().catch((error: unknown) => {
      console.error(`ticket notification failed: ${what}`, error);
    }),
  );
}

/** How a refused DM is recorded: 403 (code 50007, the member's DMs are closed) or anything else. */
export function dmFailureReason(error: unknown): DmFailureReason {
  return error instanceof DiscordApiError && error.status === 403 ? "dms_closed" : "discord_error";
}

/** Opens (or reuses: Discord returns the same channel) the DM channel with a member, then writes in it. */
async function sendDm(rest: DiscordRest, userId: string, message: MessageData): Promise<void> {
  const channel = await rest.request<APIChannel>("POST", "/users/@me/channels", {
    body: { recipient_id: userId },
  });
  await rest.request("POST", `/channels/${channel.id}/messages`, { body: messageBody(message) });
}

/**
 * Redraws a ticket's staff-channel post from the ticket (no post: nothing), its category named as
 * the server's settings name it (read in the background, cached).
 */
export async function editStaffPost(
  env: NotifyEnv,
  rest: DiscordRest,
  ticket: TicketWithDescription,
): Promise<void> {
  const post = ticket.staffPost;
  if (!post) return;
  const names = await categoryNamesOf(env, ticket.guildId, post.locale);
  // The ticket carries its description: the card escapes it (member text).
  const audience = await categoryAudienceOf(env, ticket.guildId);
  const message = staffPost(translatorFor(post.locale), ticket, undefined, names, audience);
  await rest.request("PATCH", `/channels/${post.channelId}/messages/${post.messageId}`, {
    body: messageBody(message),
  });
}

/**
 * A new ticket in its server's staff channel (its settings; none set: no post), in the server's
 * language, with Assign-to-me and Close; the post is remembered.
 */
export function announceNewTicket(notifier: StaffChannelNotifier, ticket: TicketWithDescription): void {
  inBackground(notifier, `staff post for #${ticket.number}`, async () => {
    const settings = await serverSettings(notifier.env, ticket.guildId, notifier.locale);
    const channelId = settings.staffChannelId;
    if (!channelId) return;
    const locale = settings.defaultLocale;
    const t = translatorFor(locale);
    const message = await botRest(notifier.env).request<APIMessage>(
      "POST",
      `/channels/${channelId}/messages`,
      {
        body: messageBody(
          staffPost(
            t,
            ticket,
            undefined,
            categoryNamer(locale, settings.categories),
            audienceOf(settings.categories),
          ),
        ),
      },
    );
    const recorded = await recordStaffPost(
      await supabaseAsNotifier(notifier.env),
      ticket.guildId,
      ticket.number,
      { channelId, messageId: message.id, locale },
    );
    if (!recorded.ok) throw new Error(`could not record the staff post: ${recorded.error.code}`);
  });
}

/** Who is told by DM about a change: the owner, of a staff reply or of their ticket being closed (kinds, not a result). */
export type OwnerDm =
  | { kind: "reply"; actorId: string; message: TicketMessage }
  | { kind: "closed"; actorId: string };

export interface TicketChange {
  /** Tell the owner (skipped when they acted themselves, for notes, and for a ticket not closed). */
  dm?: OwnerDm;
  /** Discord refused the DM: e.g. correct the acting staff member's answer. */
  onUndelivered?(reason: DmFailureReason): Promise<void>;
  /** The interaction's own answer already redrew the staff post (its buttons). */
  postRedrawn?: boolean;
  /**
   * What the ticket's Discord thread should show, when it has one: a public message said through
   * Maxis (command or dashboard), the close (note, archive, lock) or the reopening (unlock, note).
   * A ticket with a thread is told there, and its owner gets no DM: DMs are the fallback.
   */
  thread?: ThreadChange;
}

/** What a ticket's thread is told: kinds of change, not a result. */
export type ThreadChange =
  | { kind: "said"; message: TicketMessage }
  | { kind: "closed" }
  | { kind: "reopened" };

/** Applies a change to the thread; false when Discord refused it (the DM fallback then applies). */
async function tellThread(
  notifier: Notifier,
  thread: TicketThread,
  ticket: TicketSummary,
  change: ThreadChange,
): Promise<boolean> {
  const rest = botRest(notifier.env);
  try {
    if (change.kind === "said") {
      await postAsAuthor(notifier.env, rest, thread, ticket, change.message, (p) => notifier.waitUntil(p));
    } else if (change.kind === "closed") {
      await closeThread(rest, thread, ticket);
    } else {
      await reopenThread(rest, thread, ticket);
    }
    return true;
  } catch (error) {
    console.error(`could not update the thread of #${ticket.number} (${change.kind})`, error);
    return false;
  }
}

function dmFor(ticket: TicketSummary, dm: OwnerDm | undefined): MessageData | null {
  if (!dm || dm.actorId === ticket.ownerId) return null;
  const t = translatorFor(ticket.ownerLocale);
  if (dm.kind === "reply") return dm.message.isInternal ? null : staffReplyDm(t, ticket, dm.message);
  return ticket.status === "closed" ? ticketClosedDm(t, ticket) : null;
}

/**
 * After any action on a ticket, in this order: the owner's DM (if any), its outcome recorded on the
 * ticket (a refusal, or a delivery after a refusal), then the staff post redrawn from the ticket as
 * the database has it now. Nothing is scheduled when there is nothing to do.
 */
export function afterTicketChange(
  notifier: Notifier,
  ticket: TicketSummary,
  change: TicketChange = {},
): void {
  const threadChange =
    change.thread?.kind === "said" && change.thread.message.isInternal ? undefined : change.thread;
  const wantedDm = dmFor(ticket, change.dm);
  const redrawPost = ticket.staffPost !== null && !change.postRedrawn;
  if (!wantedDm && !redrawPost && !threadChange) return;
  inBackground(notifier, `after a change to #${ticket.number}`, async () => {
    const rest = botRest(notifier.env);
    // The server's admins may have turned DMs off (/setup).
    let dm =
      wantedDm && (await serverSettings(notifier.env, ticket.guildId)).dmNotifications ? wantedDm : null;
    let current: TicketWithDescription | null = null;
    let postChanged = redrawPost;
    // Only a server with a support channel has ticket threads: the others cost no lookup.
    if ((threadChange || dm) && (await supportChannelFor(notifier.env, ticket.guildId))) {
      const thread = await threadOf(await supabaseAsNotifier(notifier.env), ticket.guildId, ticket.number);
      // Told in the thread: no DM. Without a thread, or when Discord refused the thread, the DM.
      if (thread && (!threadChange || (await tellThread(notifier, thread, ticket, threadChange)))) dm = null;
    }
    if (dm) {
      let failure: DmFailureReason | null = null;
      try {
        await sendDm(rest, ticket.ownerId, dm);
      } catch (error) {
        failure = dmFailureReason(error);
        console.error(`DM to the owner of #${ticket.number} refused (${failure})`, error);
      }
      if (failure !== null || ticket.dmFailure !== null) {
        const recorded = await recordDmOutcome(
          await supabaseAsNotifier(notifier.env),
          ticket.guildId,
          ticket.number,
          failure,
        );
        if (recorded.ok) {
          current = recorded.value.ticket;
          postChanged ||= recorded.value.changed;
        }
      }
      if (failure !== null) {
        await change.onUndelivered?.(failure).catch((error: unknown) => {
          console.error(`could not report the refused DM for #${ticket.number}`, error);
        });
      }
    }
    if (!postChanged) return;
    if (!current) {
      if (ticket.staffPost === null) return;
      const read = await staffPostTicket(
        await supabaseAsNotifier(notifier.env),
        ticket.guildId,
        ticket.number,
      );
      if (!read.ok)
        throw new Error(`could not read #${ticket.number} for its staff post: ${read.error.code}`);
      current = read.value;
    }
    await editStaffPost(notifier.env, rest, current);
  });
}
