import type { APIInteraction, APIInteractionResponse } from "discord-api-types/v10";
import { inject } from "vitest";
import { discordSignatureHeaders } from "../../../scripts/lib/ed25519";
import type { RecordedRequest } from "../../../scripts/local-discord/server";
import { pollUntil } from "../../support/poll";

export interface SentInteraction {
  status: number;
  response: APIInteractionResponse;
}

/** Sends an interaction signed like Discord signs it, to a Worker's `/interactions`. */
export async function sendInteraction(
  worker: Fetcher,
  interaction: APIInteraction,
): Promise<SentInteraction> {
  const body = JSON.stringify(interaction);
  const headers = await discordSignatureHeaders(inject("discordPrivateKey"), body);
  const res = await worker.fetch("https://worker.test/interactions", {
    method: "POST",
    headers: { "Content-Type": "application/json", ...headers },
    body,
  });
  if (res.status !== 200) throw new Error(`Interaction answered HTTP ${res.status}: ${await res.text()}`);
  return { status: res.status, response: (await res.json()) as APIInteractionResponse };
}

/** What the Worker sent to Discord's REST API for this interaction token (follow-ups, edits). */
export async function discordRequestsFor(token: string): Promise<RecordedRequest[]> {
  const res = await fetch(`${inject("discordLocalUrl")}/__local/requests?token=${encodeURIComponent(token)}`);
  return (await res.json()) as RecordedRequest[];
}

/** Waits until the Worker has sent at least `count` requests for this token (deferred work runs after the response). */
export async function waitForDiscordRequests(
  token: string,
  count = 1,
  timeoutMs = 5_000,
): Promise<RecordedRequest[]> {
  return pollUntil(
    () => discordRequestsFor(token),
    (requests) => requests.length >= count,
    { timeoutMs, intervalMs: 25 },
  );
}

/** Makes a channel of `guildId` known to the Discord stand-in, as a text channel the bot can see. */
export async function addLocalChannel(id: string, guildId: string): Promise<void> {
  const res = await fetch(`${inject("discordLocalUrl")}/__local/channels`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ id, guild_id: guildId }),
  });
  if (!res.ok) throw new Error(`the Discord stand-in refused the channel ${id}: HTTP ${res.status}`);
}
