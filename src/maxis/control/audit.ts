/**
 * The audit trail of the control API: one row per call, accepted or refused, in Postgres
 * (`control_audit`, append-only), and one structured log line, which stays even if the database is
 * down. Recording never changes what the caller gets.
 */
import type { SupabaseBindings } from "../supabase/client";
import { supabaseAsControl } from "./system-client";

export type AuditOutcome = "accepted" | "rejected" | "refused" | "failed";

export interface AuditEntry {
  keyId: string | null;
  claimedKeyId: string | null;
  operatorId: string | null;
  operatorName: string | null;
  action: string;
  outcome: AuditOutcome;
  code: string;
  /** The verified request's arguments; never set for refused calls. */
  request: Record<string, unknown> | null;
}

/** A recorded call as `control_audit_recent` returns it: the entry without its arguments, and when. */
export type AuditRecord = Omit<AuditEntry, "request"> & { at: string };

export async function recordAudit(env: SupabaseBindings, entry: AuditEntry): Promise<void> {
  const log = entry.outcome === "refused" ? console.warn : console.log;
  log("control call", entry);
  try {
    const supabase = await supabaseAsControl(env, entry.keyId);
    const { error } = await supabase.rpc("control_audit_record", {
      p_key_id: entry.keyId,
      p_claimed_key_id: entry.claimedKeyId,
      p_operator_id: entry.operatorId,
      p_operator_name: entry.operatorName,
      p_action: entry.action,
      p_outcome: entry.outcome,
      p_code: entry.code,
      p_request: entry.request,
    });
    if (error) console.error("control audit: could not record the call", error);
  } catch (error) {
    console.error("control audit: could not record the call", error);
  }
}

export async function recentAudit(
  env: SupabaseBindings,
  keyId: string,
  limit = 10,
): Promise<AuditRecord[] | null> {
  const supabase = await supabaseAsControl(env, keyId);
  const { data, error } = await supabase.rpc("control_audit_recent", { p_limit: limit });
  if (error) {
    console.error("control audit: could not read the trail", error);
    return null;
  }
  return data as AuditRecord[];
}
