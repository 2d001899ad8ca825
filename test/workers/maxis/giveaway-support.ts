/** Driving giveaways through Maxis's `/interactions` as Discord would, and reading what reached Discord. */

import { runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { env, exports } from "cloudflare:workers";
import {
  type APIInteraction,
  type APIInteractionResponse,
  ChannelType,
  InteractionResponseType,
  MessageFlags,
} from "discord-api-types/v10";
import { expect, inject } from "vitest";
import {
  type Actor,
  buttonInteraction,
  commandInteraction,
  parseCommandLine,
} from "../../../scripts/lib/interaction-builder";
import { LOCAL_GUILD_ID, LOCAL_STAFF_ID, LOCAL_STAFF_ROLE_ID } from "../../../scripts/lib/local-identities";
import type { RecordedRequest } from "../../../scripts/local-discord/server";
import { maxisHandlers } from "../../../src/maxis/commands";
import { giveawayStub } from "../../../src/maxis/giveaways/service";
import { pollUntil } from "../../support/poll";
import { addLocalChannel, sendInteraction, waitForDiscordRequests } from "../support/discord";

const definitions = maxisHandlers.commands.map((command) => command.data);

export const staff: Actor = { userId: LOCAL_STAFF_ID, roles: [LOCAL_STAFF_ROLE_ID] };

import { snowflake } from "../../support/snowflake";

export { snowflake };

export type TokenInteraction = APIInteraction & { token: string; id: string };

export const commandFor = (actor: Actor, line: string) =>
  commandInteraction(actor, parseCommandLine(line, definitions)) as TokenInteraction;

/** What Maxis sent to Discord about one channel: the giveaway message, its edits, announcements. */
export async function channelRequests(channelId: string): Promise<RecordedRequest[]> {
  const res = await fetch(`${inject("discordLocalUrl")}/__local/requests`);
  return ((await res.json()) as RecordedRequest[]).filter((r) =>
    r.path.startsWith(`/channels/${channelId}/`),
  );
}

export const contentOf = (response: APIInteractionResponse) =>
  response.type === InteractionResponseType.ChannelMessageWithSource ||
  response.type === InteractionResponseType.UpdateMessage
    ? (response.data?.content ?? "")
    : "";

/** Sends a command whose answer is deferred; resolves with the text of its follow-up. */
export async function deferredAnswer(interaction: TokenInteraction): Promise<string> {
  const { response } = await sendInteraction(exports.default, interaction);
  if (response.type !== InteractionResponseType.DeferredChannelMessageWithSource) return contentOf(response);
  const [followup] = await waitForDiscordRequests(interaction.token);
  return String((followup?.body as { content?: string } | undefined)?.content);
}

/**
 * Starts a giveaway with /giveaway-staff start as staff (answered with a private deferral, then a
 * follow-up naming it); returns its id, that follow-up and its Durable Object.
 */
export async function startByCommand(channelId: string, options = "", prize = "Nitro Classic") {
  await addLocalChannel(channelId, LOCAL_GUILD_ID);
  const interaction = commandFor(
    staff,
    `/giveaway-staff start prize:${prize} duration:1h channel:${channelId} ${options}`,
  );
  const { response } = await sendInteraction(exports.default, interaction);
  expect(response).toEqual({
    type: InteractionResponseType.DeferredChannelMessageWithSource,
    data: { flags: MessageFlags.Ephemeral },
  });
  const [followup] = await waitForDiscordRequests(interaction.token);
  const content = String((followup?.body as { content?: string } | undefined)?.content);
  const id = /\*\*([0-9a-z]{8})\*\*/.exec(content)?.[1];
  if (!id) throw new Error(`no giveaway id in ${content}`);
  return { id, content, stub: giveawayStub(env, id) };
}

/** Runs a command as `actor` and returns Maxis's immediate answer. */
export const command = (actor: Actor, line: string) =>
  sendInteraction(exports.default, commandFor(actor, line));

/**
 * Runs the pending count refresh now, unless the real alarm already did (it fires by itself
 * REFRESH_DELAY_MS after the first entry, which a slow machine may reach).
 */
export async function runRefresh(stub: ReturnType<typeof giveawayStub>): Promise<void> {
  const due = () =>
    runInDurableObject(
      stub,
      (_, state) =>
        state.storage.sql.exec<{ due: number | null }>("SELECT refresh_due_at AS due FROM giveaway").one()
          .due,
    );
  if ((await due()) === null) return;
  // False when the real alarm started between the read and this call: then wait for it to finish.
  await runDurableObjectAlarm(stub);
  await pollUntil(due, (pending) => pending === null, { timeoutMs: 10_000, intervalMs: 25 });
}

export const click = (actor: Actor, customId: string) =>
  sendInteraction(exports.default, buttonInteraction(actor, customId));

/** The same click arriving from a DM: no server, no member, the user at the top level. */
export function dmClick(userId: string, customId: string, locale = "en-US") {
  const inGuild = buttonInteraction({ userId, locale }, customId) as APIInteraction & {
    member?: { user: unknown };
  };
  const { guild_id: _guild, member, ...rest } = inGuild as typeof inGuild & { guild_id?: string };
  return sendInteraction(exports.default, {
    ...rest,
    user: member?.user,
    channel: { id: "1500000000000000099", type: ChannelType.DM },
    context: 1,
  } as unknown as APIInteraction);
}

/** Rewrites the stored end time, as if it had passed while the alarm that draws is still to run. */
export async function moveEndTime(stub: ReturnType<typeof giveawayStub>, endsAt: number): Promise<void> {
  await runInDurableObject(stub, (_, state) => {
    state.storage.sql.exec("UPDATE giveaway SET config = json_set(config, '$.endsAt', ?)", endsAt);
  });
}

/** Announcements posted for a giveaway, by their nonce (`gw-<id>-<round>`). */
export async function announcementsOf(channelId: string, id: string) {
  return (await channelRequests(channelId)).filter(
    (r) => r.method === "POST" && (r.body as { nonce?: string }).nonce?.startsWith(`gw-${id}-`),
  );
}

export async function drawCount(stub: ReturnType<typeof giveawayStub>): Promise<number> {
  const row = await runInDurableObject(stub, (_, state) =>
    state.storage.sql.exec<{ n: number }>("SELECT count(*) AS n FROM draws").one(),
  );
  return row.n;
}

export function expectEntrants(stub: ReturnType<typeof giveawayStub>, count: number) {
  return expect(stub.summary().then((s) => s?.entrants)).resolves.toBe(count);
}

/** The first embed of a message Maxis posted or edited. */
export function embedOf(request: RecordedRequest | undefined): { title: string; description: string } {
  const embeds = (request?.body as { embeds?: { title: string; description: string }[] } | undefined)?.embeds;
  return embeds?.[0] ?? { title: "", description: "" };
}
