/**
 * The Maxis bots this Shellia steers, from the MAXIS_TARGETS secret: a JSON list where each entry has
 * a name, either a service binding (same account) or a URL (another account), and its own control
 * key. Entries that are not valid are skipped and logged, never half-used.
 */
import type { MaxisTarget } from "./control-client";

export type { MaxisTarget } from "./control-client";

export interface TargetsConfig {
  targets: MaxisTarget[];
  /** Why entries were skipped, for the logs. */
  problems: string[];
}

const NAME = /^[a-z0-9][a-z0-9-]{0,31}$/;
const KEY_ID = /^[A-Za-z0-9._-]{1,64}$/;

function isFetcher(value: unknown): value is Fetcher {
  return typeof value === "object" && value !== null && typeof Reflect.get(value, "fetch") === "function";
}

/** Reads the list; `binding(name)` looks a service binding up by name in the Worker's env. */
export function parseMaxisTargets(
  json: string | undefined,
  binding: (name: string) => unknown,
): TargetsConfig {
  const targets: MaxisTarget[] = [];
  const problems: string[] = [];
  let entries: unknown;
  try {
    entries = JSON.parse(json ?? "[]");
  } catch {
    return { targets, problems: ["MAXIS_TARGETS is not valid JSON"] };
  }
  if (!Array.isArray(entries)) return { targets, problems: ["MAXIS_TARGETS must be a JSON list"] };

  entries.forEach((entry: unknown, index) => {
    const target = readTarget(entry, binding, targets);
    if (typeof target === "string") problems.push(`MAXIS_TARGETS[${index}]: ${target}`);
    else targets.push(target);
  });
  return { targets, problems };
}

/** One entry, or why it cannot be used. */
function readTarget(
  entry: unknown,
  binding: (name: string) => unknown,
  known: MaxisTarget[],
): MaxisTarget | string {
  const field = (name: string) =>
    typeof entry === "object" && entry !== null ? Reflect.get(entry, name) : undefined;
  const name = field("name");
  const keyId = field("keyId");
  const secret = field("secret");
  if (typeof name !== "string" || !NAME.test(name)) return `name must match ${NAME}`;
  if (known.some((target) => target.name === name)) return `${name} is listed twice`;
  if (typeof keyId !== "string" || !KEY_ID.test(keyId)) return "keyId is not valid";
  if (typeof secret !== "string" || secret.length < 16) return "secret must be at least 16 characters";
  const key = { keyId, secret };
  const bindingName = field("binding");
  const url = field("url");
  if (typeof bindingName === "string") {
    const fetcher = binding(bindingName);
    if (!isFetcher(fetcher)) return `no service binding named ${bindingName}`;
    return { name, key, origin: "https://maxis.internal", send: (request) => fetcher.fetch(request) };
  }
  if (typeof url === "string" && URL.canParse(url)) {
    const parsed = new URL(url);
    if (parsed.protocol === "https:" || (parsed.protocol === "http:" && isLocalHost(parsed.hostname))) {
      return { name, key, origin: parsed.origin, send: (request) => fetch(request) };
    }
  }
  return 'needs a "binding" or an https "url"';
}

/** Plain HTTP only for a Maxis on this machine (local development and tests). */
function isLocalHost(hostname: string): boolean {
  return hostname === "127.0.0.1" || hostname === "localhost" || hostname === "[::1]";
}

export function maxisTargets(env: ShelliaEnv): MaxisTarget[] {
  const { targets, problems } = parseMaxisTargets(env.MAXIS_TARGETS, (name) => Reflect.get(env, name));
  for (const problem of problems) console.error(`maxis targets: ${problem}`);
  return targets;
}
