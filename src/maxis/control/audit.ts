/**
 * The audit trail of the control API in Postgres, plus one structured log line per call.
 *
 * - A verified call is one row in `control_audit`, written BEFORE its action runs (`beginAudit`):
 *   when that write fails the call is refused, so nothing ever runs without a row. Its result is
 *   recorded on the same row afterwards (`finishAudit`); a row left `pending` means the action
 *   started and its result could not be recorded.
 * - A refused call (signature, timestamp, nonce, query) is counted in `control_audit_refusals`, per
 *   minute and reason (`recordRefusal`): anyone can send those, so they must not grow the trail by a
 *   row each nor crowd real calls out of the report. Only Maxis's own code and a configured key id
 *   are kept, never text from the request.
 */
import type { SupabaseBindings } from "../supabase/client";
import { supabaseAsControl } from "./system-client";

export type AuditOutcome = "pending" | "accepted" | "rejected" | "refused" | "failed";

export interface AuditEntry {
  /** The key that verified the signature. */
  keyId: string;
  nonce: string;
  method: string;
  /** A known action, or `unknown`. */
  action: string;
  operatorId: string | null;
  operatorName: string | null;
  outcome: "pending" | "rejected";
  code: string;
  /** The verified request's arguments, checked to be storable; null when the body was refused. */
  request: Record<string, unknown> | null;
}

/** A recorded call as `control_audit_recent` returns it. */
export interface AuditRecord {
  at: string;
  keyId: string | null;
  /** Rows written before refusals were counted apart kept what the request claimed here. */
  claimedKeyId: string | null;
  operatorId: string | null;
  operatorName: string | null;
  action: string;
  outcome: AuditOutcome;
  code: string;
}

/** Refused calls of one reason (and configured key id, if any) over the report's period. */
export interface RefusalSummary {
  code: string;
  keyId: string | null;
  count: number;
  lastAt: string;
}

/**
 * One call to an audit function as the control identity (of `keyId`, if any). The trail must never
 * make a call fail by itself: any failure is logged ("control audit: could not <what>") and is null.
 */
async function auditCall<T>(
  env: SupabaseBindings,
  keyId: string | null,
  fn: string,
  args: Record<string, unknown>,
  what: string,
): Promise<T | null> {
  try {
    const supabase = await supabaseAsControl(env, keyId);
    const { data, error } = await supabase.rpc(fn, args);
    if (!error) return data as T;
    console.error(`control audit: could not ${what}`, error);
  } catch (error) {
    console.error(`control audit: could not ${what}`, error);
  }
  return null;
}

/** Writes the row of a verified call; its id, or null when it could not be written. */
export async function beginAudit(env: SupabaseBindings, entry: AuditEntry): Promise<number | null> {
  console.log("control call", { ...entry, request: entry.request === null ? null : "(recorded)" });
  const id = await auditCall<unknown>(
    env,
    entry.keyId,
    "control_audit_begin",
    {
      p_key_id: entry.keyId,
      p_nonce: entry.nonce,
      p_method: entry.method,
      p_action: entry.action,
      p_outcome: entry.outcome,
      p_code: entry.code,
      p_operator_id: entry.operatorId,
      p_operator_name: entry.operatorName,
      p_request: entry.request,
    },
    "record the call, refusing it",
  );
  if (typeof id === "number") return id;
  if (id !== null) console.error("control audit: could not record the call, refusing it", id);
  return null;
}

/**
 * A result code as the trail stores it (`^[a-z][a-z0-9_]{0,63}$`): actions pass on codes of other
 * layers (a Postgres SQLSTATE such as `22023`, a Discord error), which must not make the write fail.
 */
export function auditCode(code: string): string {
  const plain = code.toLowerCase().replace(/[^a-z0-9_]/g, "_");
  return (/^[a-z]/.test(plain) ? plain : `e_${plain}`).slice(0, 64) || "unknown";
}

/** Records how a pending call ended. Its row exists already, so a failure here is logged only. */
export async function finishAudit(
  env: SupabaseBindings,
  keyId: string,
  id: number,
  outcome: "accepted" | "rejected" | "failed",
  code: string,
): Promise<void> {
  console.log("control call finished", { id, outcome, code });
  await auditCall(
    env,
    keyId,
    "control_audit_finish",
    { p_id: id, p_outcome: outcome, p_code: auditCode(code) },
    "record the result, the row stays pending",
  );
}

/** Counts one refused call. `knownKeyId` is the claimed key id only when it is configured here. */
export async function recordRefusal(
  env: SupabaseBindings,
  code: string,
  knownKeyId: string | null,
): Promise<void> {
  console.warn("control call refused", { code, keyId: knownKeyId });
  await auditCall(
    env,
    null,
    "control_audit_refused",
    { p_code: code, p_key_id: knownKeyId },
    "count the refused call",
  );
}

export async function recentAudit(
  env: SupabaseBindings,
  keyId: string,
  limit = 10,
): Promise<AuditRecord[] | null> {
  return auditCall<AuditRecord[]>(env, keyId, "control_audit_recent", { p_limit: limit }, "read the trail");
}

export async function refusalsSince(
  env: SupabaseBindings,
  keyId: string,
  since: string,
): Promise<RefusalSummary[] | null> {
  return auditCall<RefusalSummary[]>(
    env,
    keyId,
    "control_audit_refusals_summary",
    { p_since: since },
    "read the refused calls",
  );
}
