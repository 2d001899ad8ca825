/**
 * What Maxis tells people outside the interaction: the staff channel about new tickets, members by DM
 * when staff answer or close. Everything here runs after the interaction is answered (waitUntil) with
 * the bot token; a failure is logged and never turns a ticket action that succeeded into an error.
 * The staff channel reads the server's language; a member's DMs read the language the member had when
 * they opened the ticket (stored on it), whoever acts and from wherever (Discord or the dashboard).
 */
import type { APIChannel, APIMessage } from "discord-api-types/v10";
import { type MessageData, messageBody } from "../../shared/discord/responses";
import { DiscordRest } from "../../shared/discord/rest";
import { type Locale, translatorFor } from "../../shared/i18n";
import { staffReplyDm, ticketClosedDm } from "./render/dm";
import { staffPost } from "./render/staff-post";
import type { TicketMessage, TicketSummary, TicketWithDescription } from "./rpc";

type NotifyEnv = Pick<MaxisEnv, "DISCORD_API_BASE" | "DISCORD_BOT_TOKEN" | "TICKET_STAFF_CHANNEL_ID">;

export interface Notifier {
  env: NotifyEnv;
  waitUntil(promise: Promise<unknown>): void;
}

/** A notifier that also knows the server's language, for the staff channel everyone there shares. */
export interface StaffChannelNotifier extends Notifier {
  locale: Locale;
}

/**
 * One client per isolate (and API base and token), kept across requests: the rate-limit buckets and
 * global limit it learns from one notification then hold back the next, instead of being forgotten.
 */
const botClients = new Map<string, DiscordRest>();
function botRest(env: NotifyEnv): DiscordRest {
  const key = `${env.DISCORD_API_BASE}\n${env.DISCORD_BOT_TOKEN}`;
  let rest = botClients.get(key);
  if (!rest) {
    rest = new DiscordRest({ baseUrl: env.DISCORD_API_BASE, botToken: env.DISCORD_BOT_TOKEN });
    botClients.set(key, rest);
  }
  return rest;
}

function inBackground(notifier: Notifier, what: string, work: () => Promise<unknown>): void {
  notifier.waitUntil(
    work().catch((error: unknown) => {
      console.error(`ticket notification failed: ${what}`, error);
    }),
  );
}

async function postToChannel(
  rest: DiscordRest,
  channelId: string,
  message: MessageData,
): Promise<APIMessage> {
  return rest.request<APIMessage>("POST", `/channels/${channelId}/messages`, { body: messageBody(message) });
}

/** Opens (or reuses: Discord returns the same channel) the DM channel with a member, then writes in it. */
async function sendDm(rest: DiscordRest, userId: string, message: MessageData): Promise<void> {
  const channel = await rest.request<APIChannel>("POST", "/users/@me/channels", {
    body: { recipient_id: userId },
  });
  await postToChannel(rest, channel.id, message);
}

/** A new ticket in the staff channel, with Assign-to-me and Close. Nothing when no channel is set. */
export function announceNewTicket(notifier: StaffChannelNotifier, ticket: TicketWithDescription): void {
  const channelId = notifier.env.TICKET_STAFF_CHANNEL_ID;
  if (!channelId) return;
  const t = translatorFor(notifier.locale);
  inBackground(notifier, `staff post for #${ticket.number}`, () =>
    postToChannel(botRest(notifier.env), channelId, staffPost(t, ticket, undefined)),
  );
}

/** Staff answered: the member gets the reply by DM, in their language (not when staff answer their own ticket). */
export function dmStaffReply(
  notifier: Notifier,
  actorId: string,
  ticket: TicketSummary,
  message: TicketMessage,
): void {
  if (ticket.ownerId === actorId || message.isInternal) return;
  const t = translatorFor(ticket.ownerLocale);
  inBackground(notifier, `reply DM for #${ticket.number}`, () =>
    sendDm(botRest(notifier.env), ticket.ownerId, staffReplyDm(t, ticket, message)),
  );
}

/** Staff closed the ticket: the member is told, with the reason, in their language. */
export function dmTicketClosed(notifier: Notifier, actorId: string, ticket: TicketSummary): void {
  if (ticket.ownerId === actorId || ticket.status !== "closed") return;
  const t = translatorFor(ticket.ownerLocale);
  inBackground(notifier, `close DM for #${ticket.number}`, () =>
    sendDm(botRest(notifier.env), ticket.ownerId, ticketClosedDm(t, ticket)),
  );
}
