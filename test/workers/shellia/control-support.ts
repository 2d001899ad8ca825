/**
 * Helpers for the control-API tests: run `/maxis …` in Shellia and read the edit it sends to Discord,
 * sign control requests by hand (to attack Maxis through the real binding), and read Maxis's audit
 * trail through the Supabase REST stand-in as the control system identity.
 */

import { env, exports } from "cloudflare:workers";
import { type APIInteractionResponse, InteractionResponseType } from "discord-api-types/v10";
import { inject } from "vitest";
import { type Actor, commandInteraction, parseCommandLine } from "../../../scripts/lib/interaction-builder";
import { LOCAL_ADMIN_ID } from "../../../scripts/lib/local-identities";
import type { RecordedRequest } from "../../../scripts/local-discord/server";
import type { AuditRecord } from "../../../src/maxis/control/audit";
import { type ControlAction, controlPath } from "../../../src/shared/control/protocol";
import { signControlRequest } from "../../../src/shared/control/sign";
import { shelliaHandlers } from "../../../src/shellia/commands";
import { pollUntil } from "../../support/poll";
import { rpcAs } from "../../support/postgrest";
import { sendInteraction, waitForDiscordRequests } from "../support/discord";

export const definitions = shelliaHandlers.commands.map((command) => command.data);

/** The seed's second server, with its own plan under the key `pro`. */
export const OTHER_GUILD_ID = "1300000000000000920";

/**
 * Sends `/maxis …` to Shellia as `actor` (the local admin unless said), or, with `focused`, the
 * autocomplete of that option; returns the interaction and Shellia's immediate answer.
 */
export async function sendMaxis(
  line: string,
  { actor = { userId: LOCAL_ADMIN_ID }, focused }: { actor?: Actor; focused?: string } = {},
) {
  const interaction = commandInteraction(
    actor,
    parseCommandLine(line, definitions, focused),
    focused !== undefined,
  );
  return { interaction, ...(await sendInteraction(exports.default, interaction)) };
}

/** What Shellia suggests while the operator types `option` (autocomplete), asked of Maxis. */
export async function suggestions(line: string, option: string) {
  const { response } = await sendMaxis(line, { focused: option });
  if (response.type !== InteractionResponseType.ApplicationCommandAutocompleteResult)
    throw new Error(`not autocomplete choices: ${JSON.stringify(response)}`);
  return (response as { data: { choices: { name: string; value: string }[] } }).data.choices;
}

/** Every request the Discord stand-in recorded that `predicate` keeps, with bodies and attached files. */
export async function discordRequests(predicate: (r: { method: string; path: string }) => boolean) {
  const res = await fetch(`${inject("discordLocalUrl")}/__local/requests`);
  return (
    (await res.json()) as {
      method: string;
      path: string;
      body: unknown;
      files: { name: string; content: string }[];
    }[]
  ).filter(predicate);
}

interface TargetEntry {
  name: string;
  binding?: string;
  keyId: string;
  secret: string;
}

export function targetEntry(name: string): TargetEntry {
  const entry = (JSON.parse(env.MAXIS_TARGETS) as TargetEntry[]).find((target) => target.name === name);
  if (!entry) throw new Error(`no test target ${name}`);
  return entry;
}

export function bindingOf(name: "maxis" | "maxis-b"): Fetcher {
  return name === "maxis" ? env.MAXIS : (Reflect.get(env, "MAXIS_B") as Fetcher);
}

export interface MaxisRun {
  response: APIInteractionResponse;
  /** The PATCH that replaced "thinking…", if the command deferred. */
  edit: RecordedRequest | undefined;
  content: string;
}

/** Runs a `/maxis …` command line as an operator (or `userId`) and waits for the deferred edit. */
export async function runMaxis(
  line: string,
  actor: { userId?: string; locale?: string } = {},
  waitMs = 8_000,
): Promise<MaxisRun> {
  const interaction = commandInteraction(
    {
      userId: actor.userId ?? LOCAL_ADMIN_ID,
      administrator: true,
      ...(actor.locale ? { locale: actor.locale } : {}),
    },
    parseCommandLine(line, definitions),
  );
  const { response } = await sendInteraction(exports.default, interaction);
  const [edit] = await waitForDiscordRequests(interaction.token, 1, waitMs);
  const body = edit?.body as { content?: string } | undefined;
  return { response, edit, content: body?.content ?? "" };
}

export interface SignedCallOptions {
  keyId?: string;
  secret?: string;
  /** Seconds added to the clock when signing (a stale or future timestamp), read at call time. */
  timestampOffset?: number;
  nonce?: string;
  /** Signed over this path, sent to `action`'s path (a tampered path when they differ). */
  signedPath?: string;
  /** Signed over this body, sends `body` (a tampered body when they differ). */
  signedBody?: string;
  signature?: string;
  omitHeaders?: boolean;
  /** Sent after the path (`?x=1`), outside what the signature covers. */
  query?: string;
}

/** A control call made by hand, as Shellia would make it unless an option says otherwise. */
export async function signedCall(
  binding: Fetcher,
  target: TargetEntry,
  action: ControlAction,
  payload: Record<string, unknown>,
  options: SignedCallOptions = {},
): Promise<{ status: number; json: unknown; headers: Record<string, string> }> {
  const body = JSON.stringify({
    operator: { id: LOCAL_ADMIN_ID, name: "operator" },
    locale: "en",
    ...payload,
  });
  const path = controlPath(action);
  const headers = options.omitHeaders
    ? {}
    : await signControlRequest(
        { keyId: options.keyId ?? target.keyId, secret: options.secret ?? target.secret },
        {
          method: "POST",
          path: options.signedPath ?? path,
          body: options.signedBody ?? body,
          ...(options.timestampOffset === undefined
            ? {}
            : { timestamp: Math.floor(Date.now() / 1000) + options.timestampOffset }),
          ...(options.nonce === undefined ? {} : { nonce: options.nonce }),
        },
      );
  if (options.signature) headers["X-Control-Signature"] = options.signature;
  const response = await binding.fetch(`https://maxis.internal${path}${options.query ?? ""}`, {
    method: "POST",
    headers: { ...headers, "Content-Type": "application/json" },
    body,
  });
  return { status: response.status, json: await response.json(), headers };
}

/** A row of `control_audit_recent`: what Maxis's report reads, and the nonce and method it was sent with. */
export interface AuditRow extends AuditRecord {
  nonce: string | null;
  method: string | null;
}

/** A control request made by hand with any method, path and query, signed over `signedPath`. */
export async function rawSignedCall(
  binding: Fetcher,
  target: TargetEntry,
  request: {
    method: string;
    path: string;
    signedPath?: string;
    query?: string;
    body?: string;
    nonce?: string;
  },
): Promise<{ status: number; json: unknown; nonce: string }> {
  const body = request.body ?? "";
  const headers = await signControlRequest(
    { keyId: target.keyId, secret: target.secret },
    {
      method: request.method,
      path: request.signedPath ?? request.path,
      body,
      ...(request.nonce === undefined ? {} : { nonce: request.nonce }),
    },
  );
  const response = await binding.fetch(`https://maxis.internal${request.path}${request.query ?? ""}`, {
    method: request.method,
    headers: { ...headers, "Content-Type": "application/json" },
    ...(request.method === "GET" || request.method === "HEAD" ? {} : { body }),
  });
  const text = await response.text();
  return {
    status: response.status,
    json: text ? (JSON.parse(text) as unknown) : null,
    nonce: headers["X-Control-Nonce"] ?? "",
  };
}

async function controlRpc(fn: string, args: Record<string, unknown>): Promise<unknown> {
  const { status, json } = await rpcAs(
    inject("supabase"),
    { sub: "control:test", role: "service_role" },
    fn,
    args,
  );
  if (status >= 300) throw new Error(`${fn}: HTTP ${status} ${JSON.stringify(json)}`);
  return json;
}

/** How many refused calls of this reason (and configured key id, or none) were counted lately. */
export async function refusedCount(code: string, keyId: string | null = null): Promise<number> {
  const since = new Date(Date.now() - 10 * 60_000).toISOString();
  const rows = (await controlRpc("control_audit_refusals_summary", { p_since: since })) as {
    code: string;
    keyId: string | null;
    count: number;
  }[];
  return rows.filter((r) => r.code === code && r.keyId === keyId).reduce((sum, r) => sum + r.count, 0);
}

/** Waits until the refused calls of `code` have grown by at least `by` (counted after the response). */
export async function waitForRefusals(
  code: string,
  before: number,
  by = 1,
  keyId: string | null = null,
  timeoutMs = 10_000,
): Promise<number> {
  return pollUntil(
    () => refusedCount(code, keyId),
    (now) => now - before >= by,
    { timeoutMs },
  );
}

/**
 * The newest control calls recorded in Postgres. Every test file and both test Maxis bots share the
 * database, so the window is wide enough to still hold this file's call while others keep calling.
 */
export async function recentAudit(limit = 200): Promise<AuditRow[]> {
  return (await controlRpc("control_audit_recent", { p_limit: limit })) as AuditRow[];
}

/** Waits until an audit row matching `match` appears (audit writes finish after the response). */
export async function waitForAudit(
  match: (row: AuditRow) => boolean,
  timeoutMs = 10_000,
): Promise<AuditRow | undefined> {
  return pollUntil(
    async () => (await recentAudit()).find(match),
    (found) => found !== undefined,
    { timeoutMs },
  );
}
