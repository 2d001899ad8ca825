/**
 * Shared by the ticket notification tests: the DM to a member as the Discord stand-in recorded it,
 * staff-channel posts, and waiting for the ticket's Discord bookkeeping (it runs after the answer).
 */
import { expect } from "vitest";
import { LOCAL_STAFF_CHANNEL_ID } from "../../../scripts/lib/local-identities";
import type { RecordedRequest } from "../../../scripts/local-discord/server";
import type { TicketSummary } from "../../../src/maxis/tickets/rpc";
import { pollUntil } from "../../support/poll";
import { api } from "./api-support";
import { dmsTo, waitForRequests } from "./tickets-support";

export const BOT = "Bot local-bot-token";

/**
 * Waits for the DM to a member whose text contains `marker`; checks that Maxis opened the DM channel
 * with that member just before, with the bot token, and wrote in the channel Discord gave back.
 */
export async function dm(userId: string, marker: string) {
  const isMessage = (r: RecordedRequest) => r.path !== "/users/@me/channels";
  const found = await waitForRequests((all) => dmsTo(userId, marker)(all).filter(isMessage));
  const message = found[0];
  const before = (await waitForRequests(dmsTo(userId, marker))).filter(
    (r) => !isMessage(r) && r.seq < (message?.seq ?? 0),
  );
  const opened = before.at(-1);
  expect(opened).toMatchObject({
    method: "POST",
    path: "/users/@me/channels",
    body: { recipient_id: userId },
    authorization: BOT,
  });
  const channelId = (opened?.response as { id?: string } | undefined)?.id;
  expect(channelId).toMatch(/^\d+$/);
  expect(message).toMatchObject({
    method: "POST",
    path: `/channels/${channelId}/messages`,
    authorization: BOT,
  });
  return { message };
}

export const postsContaining = (text: string) => (requests: RecordedRequest[]) =>
  requests.filter(
    (r) => r.path === `/channels/${LOCAL_STAFF_CHANNEL_ID}/messages` && JSON.stringify(r.body).includes(text),
  );

/** Reads the ticket through the dashboard's API until `done` holds (Discord bookkeeping runs after the answer). */
export async function waitForTicket(
  token: string,
  number: number,
  done: (ticket: TicketSummary) => boolean,
): Promise<TicketSummary> {
  return pollUntil(async () => {
    const view = await api(`/tickets/${number}`, { token });
    return (view.json as { ticket: TicketSummary }).ticket;
  }, done);
}
