/**
 * The automation's SQL functions as the Worker calls them (created by 20261202010000_ticket_automation.sql;
 * ARCHITECTURE.md's index names the migration that holds each one's current body): the
 * scheduler's claim and outcome (as Maxis's automation identity), and what staff and owners do (as
 * themselves, under the checks each function makes). One call, one transaction.
 */
import type { AutomationSettings, Satisfaction } from "../../../shared/contracts/automation";
import type { Locale } from "../../../shared/i18n";
import { err, ok, type Result } from "../../../shared/result";
import { type RpcClient, type SupabaseBindings, supabaseWithClaims } from "../../supabase/client";
import { codeRefusal, rpcCaller, rpcOrThrow } from "../../supabase/rpc-result";
import type { TicketSummary } from "../rpc";

/**
 * Who Maxis is in Postgres when its scheduler claims due work: `role` = service_role, `sub` =
 * `maxis:automation` (what the audit rows of automatic actions name). Built from nothing a member sends.
 */
export function supabaseAsAutomation(env: SupabaseBindings): RpcClient {
  return supabaseWithClaims(env, { sub: "maxis:automation", role: "service_role" });
}

export const AUTOMATION_JOB_KINDS = [
  "inactivity_warning",
  "inactivity_close",
  "close_request_prompt",
  "close_request_timeout",
  "rating_prompt",
] as const;
export type AutomationJobKind = (typeof AUTOMATION_JOB_KINDS)[number];

/** A claimed job: its database half is done; what is left is telling Discord. */
export interface AutomationJob {
  id: number;
  kind: AutomationJobKind;
  attempt: number;
  /** Discord's message nonce base: `<nonce>-<step>` for each message the job sends. */
  nonce: string;
  ticket: TicketSummary;
  threadId: string | null;
  /** The server lets Maxis DM members (its settings): the fallback when there is no thread. */
  dmAllowed: boolean;
  locale: Locale;
  requestedBy: string | null;
  /** The warning's lead time or the close request's delay, in hours. */
  hours: number | null;
}

/**
 * How a job's Discord half ended, as `automation_finish` reads it (`id`, `ok`, and on failure `error`,
 * kept as the job's `last_error` until its next try).
 */
export type JobOutcome = { readonly id: number } & Result<null, string>;
export const jobDone = (id: number): JobOutcome => ({ id, ...ok(null) });
export const jobFailed = (id: number, error: string): JobOutcome => ({ id, ...err(error) });

/** What the automation functions refuse with (besides the ticket functions' codes). */
export const AUTOMATION_ERROR_CODES = [
  "not_authenticated",
  "guild_required",
  "staff_only",
  "admin_only",
  "ticket_not_found",
  "invalid_ticket_number",
  "ticket_already_closed",
  "close_request_not_pending",
  "rating_not_asked",
  "rating_missing",
  "already_rated",
  "already_commented",
  "invalid_score",
  "comment_empty",
  "comment_too_long",
  "invalid_days",
  "invalid_settings",
  "invalid_inactivity_hours",
  "invalid_warning_hours",
  "invalid_close_request_hours",
  "server_not_set_up",
] as const;
export type AutomationErrorCode = (typeof AUTOMATION_ERROR_CODES)[number];
export type AutomationResult<T> = Result<T, { code: AutomationErrorCode }>;

const call = rpcCaller(codeRefusal(AUTOMATION_ERROR_CODES));

export const claimJobs = (client: RpcClient, limit: number, guildId?: string) =>
  rpcOrThrow<AutomationJob[]>(client, "automation_claim", { p_limit: limit, p_guild_id: guildId ?? null });

/** Reports the jobs' outcomes in one call; returns how many failed for good (after their last try). */
export async function finishJobs(client: RpcClient, outcomes: readonly JobOutcome[]): Promise<number> {
  if (outcomes.length === 0) return 0;
  const result = await rpcOrThrow<{ failed: number }>(client, "automation_finish", { p_outcomes: outcomes });
  return result.failed;
}

export const requestClose = (client: RpcClient, ticket: number) =>
  call<{ ticket: TicketSummary; hours: number }>(client, "ticket_close_request", {
    p_ticket: String(ticket),
  });

export const answerCloseRequest = (client: RpcClient, ticket: number, accept: boolean) =>
  call<TicketSummary>(client, "ticket_close_request_answer", { p_number: ticket, p_accept: accept });

export const rateTicket = (client: RpcClient, ticket: number, score: number) =>
  call<{ number: number; score: number }>(client, "ticket_rate", { p_number: ticket, p_score: score });

export const commentRating = (client: RpcClient, ticket: number, comment: string) =>
  call<{ number: number; score: number }>(client, "ticket_rate_comment", {
    p_number: ticket,
    p_comment: comment,
  });

export const satisfaction = (client: RpcClient, days: number) =>
  call<Satisfaction>(client, "ticket_satisfaction", { p_days: days });

export const automationSettings = (client: RpcClient) =>
  call<AutomationSettings>(client, "server_automation_view", {});

export const updateAutomationSettings = (client: RpcClient, changes: Partial<AutomationSettings>) =>
  call<AutomationSettings>(client, "server_automation_update", { p_changes: changes });
