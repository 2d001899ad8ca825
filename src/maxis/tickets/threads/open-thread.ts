import { botRest } from "../../bot-rest";
import { categoryNamesOf } from "../category-names";
import { supabaseAsNotifier } from "../notifier-client";
import { inBackground, type Notifier } from "../notify";
import { staffPostTicket, type TicketWithDescription } from "../rpc";
import { supportChannelFor } from "./support-channel";
import { createTicketThread } from "./thread-posts";
import { recordThread } from "./thread-rpc";

/**
 * After a ticket is created (command, form or panel): its private thread in the server's support
 * channel, with the member added and the card first, remembered on the ticket. Nothing when the
 * server has no support channel (DMs stay the way staff reach the member). A ticket closed while
 * this runs ends without an open thread (createTicketThread).
 */
export function openTicketThread(notifier: Notifier, ticket: TicketWithDescription): void {
  inBackground(notifier, `thread for #${ticket.number}`, async () => {
    const parent = await supportChannelFor(notifier.env, ticket.guildId);
    if (!parent) return;
    // The same settings supportChannelFor just read (cached).
    const names = await categoryNamesOf(notifier.env, ticket.guildId, ticket.ownerLocale);
    const client = await supabaseAsNotifier(notifier.env);
    await createTicketThread(botRest(notifier.env), parent, ticket, names, {
      record: (thread) => recordThread(client, ticket.guildId, ticket.number, thread),
      closedSince: async () => {
        const now = await staffPostTicket(client, ticket.guildId, ticket.number);
        return now.ok && now.value.status === "closed";
      },
    });
  });
}
