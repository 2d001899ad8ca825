/**
 * Helpers for the ticket tests: a fresh server and fresh people per test (so tests never share ticket
 * numbers, open-ticket limits or Discord calls), `/ticket …` as a given person, and reading what Maxis
 * sent to the Discord stand-in.
 */

import { exports } from "cloudflare:workers";
import {
  type APIActionRowComponent,
  type APIComponentInMessageActionRow,
  type APIEmbed,
  type APIInteraction,
  type APIInteractionResponse,
  InteractionResponseType,
  MessageFlags,
} from "discord-api-types/v10";
import { beforeAll, expect, inject, vi } from "vitest";
import {
  type Actor,
  buttonInteraction,
  commandInteraction,
  modalSubmitInteraction,
  parseCommandLine,
} from "../../../scripts/lib/interaction-builder";
import {
  LOCAL_GUILD_ID,
  LOCAL_STAFF_CHANNEL_ID,
  LOCAL_STAFF_ROLE_ID,
} from "../../../scripts/lib/local-identities";
import type { RecordedRequest } from "../../../scripts/local-discord/server";
import { maxisHandlers } from "../../../src/maxis/commands";
import { pollUntil } from "../../support/poll";
import { sendInteraction } from "../support/discord";

export const definitions = maxisHandlers.commands.map((command) => command.data);
const local = inject("discordLocalUrl");

import { snowflake } from "../../support/snowflake";

export { snowflake };

export interface Cast {
  guildId: string;
  memberA: Actor;
  memberB: Actor;
  staff: Actor;
  /** A second staff member, through Manage Server (admin) rather than the role. */
  admin: Actor;
}

/** Two fresh members and two fresh staff in `guildId`. */
function castIn(guildId: string, locale: string): Cast {
  return {
    guildId,
    memberA: { userId: snowflake(), guildId, locale },
    memberB: { userId: snowflake(), guildId, locale },
    staff: { userId: snowflake(), guildId, roles: [LOCAL_STAFF_ROLE_ID], locale },
    admin: { userId: snowflake(), guildId, administrator: true, locale },
  };
}

/** A new server with two members and two staff, English unless told otherwise. */
export const freshCast = (locale = "en-US"): Cast => castIn(snowflake(), locale);

/**
 * Fresh people in the server the staff channel belongs to (DISCORD_GUILD_ID in the tests' bindings):
 * the only server whose tickets are posted there. Its ticket numbers are shared with every test that
 * uses it, so read each ticket's number from its answer (`createdNumber`).
 */
export const homeCast = (locale = "en-US"): Cast => castIn(LOCAL_GUILD_ID, locale);

/** The number of the ticket a `/ticket create` answer announces. */
export function createdNumber(response: APIInteractionResponse): number {
  const match = /\*\*#(\d+)\*\*/.exec(messageOf(response).content ?? "");
  if (!match?.[1]) throw new Error("not a ticket-created answer");
  return Number(match[1]);
}

export const inLocale = (actor: Actor, locale: string): Actor => ({ ...actor, locale });

/** Runs `/ticket …` (or any command line) as `actor`. */
export async function run(actor: Actor, line: string): Promise<APIInteractionResponse> {
  return (
    await sendInteraction(exports.default, commandInteraction(actor, parseCommandLine(line, definitions)))
  ).response;
}

/** The same, keeping the interaction (its token names the deferred follow-ups). */
export async function runKeeping(actor: Actor, line: string) {
  const interaction = commandInteraction(actor, parseCommandLine(line, definitions)) as APIInteraction & {
    token: string;
  };
  const { response } = await sendInteraction(exports.default, interaction);
  return { interaction, response };
}

export async function autocomplete(
  actor: Actor,
  line: string,
  option = "ticket",
): Promise<APIInteractionResponse> {
  const parsed = parseCommandLine(line, definitions, option);
  return (await sendInteraction(exports.default, commandInteraction(actor, parsed, true))).response;
}

/** Clicks a button under a message showing `embeds` and the action rows `components`. */
export async function click(
  actor: Actor,
  customId: string,
  embeds: APIEmbed[] = [],
  components: APIActionRowComponent<APIComponentInMessageActionRow>[] = [],
) {
  const interaction = buttonInteraction(actor, customId) as APIInteraction & {
    message: { embeds: APIEmbed[]; components: APIActionRowComponent<APIComponentInMessageActionRow>[] };
  };
  interaction.message.embeds = embeds;
  interaction.message.components = components;
  return (await sendInteraction(exports.default, interaction)).response;
}

export async function submitModal(actor: Actor, customId: string, fields: Record<string, string>) {
  return (await sendInteraction(exports.default, modalSubmitInteraction(actor, customId, fields))).response;
}

type MessageResponse = Extract<
  APIInteractionResponse,
  { type: InteractionResponseType.ChannelMessageWithSource | InteractionResponseType.UpdateMessage }
>;

/** The message of an immediate answer; fails the test for any other kind of answer. */
export function messageOf(response: APIInteractionResponse): NonNullable<MessageResponse["data"]> {
  if (
    response.type !== InteractionResponseType.ChannelMessageWithSource &&
    response.type !== InteractionResponseType.UpdateMessage
  ) {
    throw new Error(`expected a message, got response type ${response.type}`);
  }
  return response.data ?? {};
}

/** A private answer's text, checking that it is private and pings nobody. */
export function privateText(response: APIInteractionResponse): string {
  const data = messageOf(response);
  expect(data.flags ?? 0).toBe(MessageFlags.Ephemeral);
  expect(data.allowed_mentions).toEqual({ parse: [] });
  return data.content ?? "";
}

/** Everything visible in a message: content, embeds (title, description, fields, footer). */
export function visibleText(
  response: APIInteractionResponse | { content?: string; embeds?: APIEmbed[] },
): string {
  const data = "type" in response ? messageOf(response) : response;
  const parts = [data.content ?? ""];
  for (const embed of data.embeds ?? []) {
    parts.push(embed.title ?? "", embed.description ?? "", embed.footer?.text ?? "");
    for (const field of embed.fields ?? []) parts.push(field.name, field.value);
  }
  return parts.join("\n");
}

/** The buttons of a message's first row. */
export function buttonsOf(message: {
  components?: unknown[] | undefined;
}): { custom_id?: string; disabled?: boolean }[] {
  const row = message.components?.[0] as
    | { components?: { custom_id?: string; disabled?: boolean }[] }
    | undefined;
  return row?.components ?? [];
}

export async function allDiscordRequests(): Promise<RecordedRequest[]> {
  return (await (await fetch(`${local}/__local/requests`)).json()) as RecordedRequest[];
}

/** Polls the stand-in until `pick` finds at least `count` requests (work after the answer runs in waitUntil). */
export async function waitForRequests(
  pick: (requests: RecordedRequest[]) => RecordedRequest[],
  count = 1,
  timeoutMs = 5_000,
): Promise<RecordedRequest[]> {
  return pollUntil(
    async () => pick(await allDiscordRequests()),
    (found) => found.length >= count,
    { timeoutMs, intervalMs: 25 },
  );
}

/** Posts to the staff channel that mention this ticket owner (ids are unique per test). */
export const staffPostsFor = (ownerId: string) => (requests: RecordedRequest[]) =>
  requests.filter(
    (r) =>
      r.path === `/channels/${LOCAL_STAFF_CHANNEL_ID}/messages` &&
      String((r.body as { content?: string } | null)?.content).includes(`<@${ownerId}>`),
  );

/** The card Maxis posts first in the private thread of ticket #number (once it is recorded). */
export const threadCardsFor = (number: number) => (requests: RecordedRequest[]) =>
  requests.filter(
    (r) =>
      r.method === "POST" &&
      /^\/channels\/\d+\/messages$/.test(r.path) &&
      String((r.body as { content?: string } | null)?.content).startsWith(`Ticket **#${number}**:`),
  );

/** Edits of one staff-channel post (`PATCH /channels/<staff channel>/messages/<id>`), oldest first. */
export const staffPostEdits = (messageId: string) => (requests: RecordedRequest[]) =>
  requests.filter(
    (r) => r.method === "PATCH" && r.path === `/channels/${LOCAL_STAFF_CHANNEL_ID}/messages/${messageId}`,
  );

/** Scripts the Discord stand-in's next matching request to fail; `bodyIncludes` keeps it to one test. */
export async function scriptFailure(failure: {
  method: string;
  pathPattern: string;
  bodyIncludes: string;
  status: number;
  body: unknown;
  headers?: Record<string, string>;
  times: number;
}): Promise<void> {
  await fetch(`${local}/__local/failures`, { method: "POST", body: JSON.stringify(failure) });
}

/** Each `POST /users/@me/channels` Maxis made to open a DM with this member. */
export const dmChannelsOpenedFor = (userId: string) => (requests: RecordedRequest[]) =>
  requests.filter(
    (r) =>
      r.path === "/users/@me/channels" &&
      (r.body as { recipient_id?: string } | null)?.recipient_id === userId,
  );

/**
 * The DMs sent to a member: each `POST /users/@me/channels` for them, and the message posted in a DM
 * channel (any channel but the staff channel) whose text contains `marker`.
 */
export const dmsTo = (userId: string, marker: string) => (requests: RecordedRequest[]) =>
  requests.filter(
    (r) =>
      (r.path === "/users/@me/channels" &&
        (r.body as { recipient_id?: string } | null)?.recipient_id === userId) ||
      (r.method === "POST" &&
        /^\/channels\/\d+\/messages$/.test(r.path) &&
        r.path !== `/channels/${LOCAL_STAFF_CHANNEL_ID}/messages` &&
        JSON.stringify(r.body).includes(marker)),
  );

/** The `sub` of the JWT a Supabase call was made with (who it was made for). */
function callerOf(input: RequestInfo | URL, init: RequestInit | undefined): string {
  const headers = new Headers(init?.headers ?? (input instanceof Request ? input.headers : undefined));
  const token = /^Bearer (.+)$/.exec(headers.get("Authorization") ?? "")?.[1] ?? "";
  try {
    const payload = token.split(".")[1] ?? "";
    return String(JSON.parse(atob(payload.replace(/-/g, "+").replace(/_/g, "/"))).sub ?? "");
  } catch {
    return "";
  }
}

/**
 * Counts the Supabase calls Maxis makes for the people acting while `work` runs: the Worker runs in
 * this isolate, so its `fetch` is this `fetch`. The spy only watches; every request still goes to the
 * real stand-in. Maxis's own identities (`maxis:notify`, `maxis:settings`…) are left out: they work
 * after an answer, and an earlier test's background work (a ticket's thread being set up) may still
 * be running during this one.
 */
export async function countSupabaseCalls(work: () => Promise<unknown>): Promise<string[]> {
  const spy = vi.spyOn(globalThis, "fetch");
  try {
    await work();
    return (
      spy.mock.calls
        .filter(([input, init]) => !callerOf(input, init).startsWith("maxis:"))
        .map(([input]) => (input instanceof Request ? input.url : String(input)))
        .filter((url) => url.includes("/rest/v1/"))
        .map((url) => new URL(url).pathname.replace("/rest/v1/rpc/", ""))
        // The server's settings (who is staff there) are read once per server and isolate for
        // SETTINGS_TTL_MS (src/maxis/servers/settings-store.ts), not per ticket action.
        .filter((name) => name !== "server_settings_ensure")
    );
  } finally {
    spy.mockRestore();
  }
}

/**
 * Loads Maxis's module graph before the file's first test: on a busy machine that takes seconds,
 * which would otherwise come out of the first test's 5-second budget.
 */
export function loadMaxisFirst() {
  beforeAll(() => exports.default.fetch("https://maxis.test/health"), 60_000);
}
