/**
 * The trail of every `/ask`, one structured line per step in Shellia's Workers Logs (observability is
 * on in wrangler.shellia.toml), keyed by the `/ask` interaction id: the request, how it was
 * understood (parser, or model and its id), the proposed `/maxis` lines, the question or refusal,
 * confirm / cancel / refused presses, and each result. What actually runs on a Maxis is also one row
 * in that Maxis's `control_audit`, whose signed body carries the same id and words (`via`).
 *
 * Shellia holds no database credential, and giving it one to audit would hand a controller that
 * reaches every Maxis a key to their data: the least privilege is its own logs plus the row each
 * Maxis already writes for what runs there.
 */

export type AskStep =
  | "understood"
  | "question"
  | "refused"
  | "proposed"
  | "ran"
  | "confirmed"
  | "cancelled"
  | "press_refused"
  | "not_operator";

export interface AskAuditEntry {
  askId: string;
  step: AskStep;
  operatorId: string;
  request?: string;
  engine?: "parser" | "model";
  model?: string;
  /** The `/maxis` lines proposed or run. */
  commands?: string[];
  /** A question's field, a refusal's reason, a refused press's reason. */
  detail?: string;
  /** Per call: ok, rejected, refused, unreachable… */
  outcomes?: string[];
}

export function auditAsk(entry: AskAuditEntry): void {
  // One JSON object per line: Workers Logs indexes its fields.
  console.log(JSON.stringify({ audit: "ask", at: new Date().toISOString(), ...entry }));
}
