/**
 * Whether Maxis's application has the Server Members privileged intent, which Discord requires before
 * it answers the member list (GET /guilds/{id}/members) that the dashboard's assignee list reads.
 * Without it Discord refuses the list and the picker falls back to the people Postgres already knows,
 * so `/setup` tells the admin. Discord says it in the application's flags (GET /applications/@me):
 * GATEWAY_GUILD_MEMBERS (verified apps) or GATEWAY_GUILD_MEMBERS_LIMITED (unverified ones).
 */
import { ApplicationFlags } from "discord-api-types/payloads/v10";
import type { APIApplication } from "discord-api-types/v10";
import { registerIsolateCache } from "../isolate-caches";
import { directoryRest } from "./discord-directory";

/** The flag changes only when someone flips it in the Developer Portal: asked again after this long. */
export const INTENT_TTL_MS = 10 * 60_000;
/** After Discord failed to answer: asked again sooner, so one bad moment is not remembered for long. */
const FAILURE_TTL_MS = 60_000;
/** /setup answers within Discord's three seconds: a slower answer is left to the next /setup. */
const ANSWER_WITHIN_MS = 1_500;

const INTENT_FLAGS = ApplicationFlags.GatewayGuildMembers | ApplicationFlags.GatewayGuildMembersLimited;

/** Pure: the intent is on when either flag is set. */
export const hasMembersIntent = (flags: number) => (flags & INTENT_FLAGS) !== 0;

type IntentEnv = Pick<MaxisEnv, "DISCORD_API_BASE" | "DISCORD_BOT_TOKEN">;

const cache = new Map<string, { answer: Promise<boolean | null>; until: number }>();

/**
 * True or false as Discord says, kept per isolate for INTENT_TTL_MS; null when Discord could not be
 * asked or did not answer within ANSWER_WITHIN_MS (an error is logged, never thrown: /setup answers
 * without the line rather than fail or be late).
 */
export function membersIntentEnabled(env: IntentEnv): Promise<boolean | null> {
  const key = `${env.DISCORD_API_BASE}\n${env.DISCORD_BOT_TOKEN}`;
  let entry = cache.get(key);
  if (!entry || entry.until <= Date.now()) {
    const fresh = { answer: ask(env), until: Date.now() + INTENT_TTL_MS };
    fresh.answer.then((answer) => {
      if (answer === null) fresh.until = Date.now() + FAILURE_TTL_MS;
    });
    cache.set(key, fresh);
    entry = fresh;
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), ANSWER_WITHIN_MS);
  });
  return Promise.race([entry.answer, late]).finally(() => clearTimeout(timer));
}

async function ask(env: IntentEnv): Promise<boolean | null> {
  try {
    const app = await directoryRest(env).request<Pick<APIApplication, "flags">>("GET", "/applications/@me");
    return hasMembersIntent(Number(app.flags ?? 0));
  } catch (error) {
    console.warn("setup: could not read the application's flags", String(error));
    return null;
  }
}

export function forgetMembersIntent(): void {
  cache.clear();
}
registerIsolateCache("members-intent", forgetMembersIntent);
