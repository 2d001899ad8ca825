/** What `npm run interact` asks the local Discord stand-in: its settings, `say`/`thread`, recorded requests. */

import { LOCAL_MEMBER_ID, LOCAL_STAFF_ID } from "../lib/local-identities";
import { describeThread, say } from "../lib/say";
import type { RecordedRequest } from "../local-discord/server";
import { fail, type InteractOptions, USAGE } from "./arguments";

/**
 * `permissions <json>` and `channel <json>`: what the Discord stand-in says about a server's roles,
 * Maxis's roles, a channel's overwrites (scripts/local-discord/permissions.ts), or a new channel.
 */
export async function standInSetting(
  discordApi: string,
  command: "permissions" | "channel",
  json: string | undefined,
): Promise<never> {
  if (!json) fail(USAGE);
  const res = await fetch(`${discordApi}/__local/${command === "channel" ? "channels" : "permissions"}`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: json,
  }).catch((error: Error) => fail(`Cannot reach the Discord stand-in (${error.message}).`, 1));
  if (!res.ok) fail(`The Discord stand-in refused it: HTTP ${res.status} ${await res.text()}`, 1);
  console.log("The Discord stand-in now says so.");
  process.exit(0);
}

/** `say <channel> "text"` and `thread <thread id>`, against the Discord stand-in; exits when done. */
export async function standInCommand(
  discordApi: string,
  command: "say" | "thread",
  [target, text]: readonly (string | undefined)[],
  values: Pick<InteractOptions, "user" | "staff">,
): Promise<never> {
  if (!target || (command === "say" && text === undefined)) fail(USAGE);
  try {
    if (command === "say") {
      const userId = values.user ?? (values.staff ? LOCAL_STAFF_ID : LOCAL_MEMBER_ID);
      console.log(await say(discordApi, target, text ?? "", { userId, staff: values.staff }));
    } else {
      console.log(await describeThread(discordApi, target));
    }
  } catch (error) {
    fail((error as Error).message, 1);
  }
  process.exit(0);
}

async function recordedRequests(discordApi: string, query: string): Promise<RecordedRequest[] | null> {
  const res = await fetch(`${discordApi}/__local/requests${query}`).catch(() => null);
  return res?.ok ? ((await res.json()) as RecordedRequest[]) : null;
}

/** The stand-in's last request number before we send, so only what this interaction causes is shown. */
export async function lastRecordedSeq(discordApi: string): Promise<number> {
  return (await recordedRequests(discordApi, ""))?.at(-1)?.seq ?? 0;
}

/**
 * Work after the response (follow-ups, edits, staff-channel posts, DMs) runs in the background:
 * collect what the Worker sends until it has been quiet a moment.
 */
export async function collectRequests(
  discordApi: string,
  since: number,
  waitSeconds: number,
): Promise<RecordedRequest[]> {
  const deadline = Date.now() + waitSeconds * 1000;
  let seen: RecordedRequest[] = [];
  let quietSince = Date.now();
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 150));
    const requests = await recordedRequests(discordApi, `?since=${since}`);
    if (!requests) return seen;
    if (requests.length > seen.length) {
      seen = requests;
      quietSince = Date.now();
    } else if (seen.length > 0 && Date.now() - quietSince > 600) {
      break;
    }
  }
  return seen;
}
