/**
 * The response-time target functions (created by supabase/migrations/20261202020000_ticket_sla.sql;
 * the claim and finish are now 20261203070000_work_queue_claim.sql's, `server_sla_update`
 * 20261203070100_admin_settings_update.sql's: ARCHITECTURE.md's index says where each is), one
 * `.rpc()` each: the staff's settings, stats and exports (as the signed-in staff member), and the
 * scheduler's claim and finish (as Maxis's `maxis:sla` identity). Refusals come back as
 * `{ ok: false, error: { code } }`; anything else throws.
 */

import type { BacklogSeries, SlaSettings, SlaStats } from "../../shared/contracts/sla";
import type { Result } from "../../shared/result";
import type { RpcClient } from "../supabase/client";
import { codeRefusal, rpcCaller, rpcOrThrow } from "../supabase/rpc-result";
import type { TicketPriority } from "../tickets/rpc";

export const SLA_STAGES = [
  "first_response_approaching",
  "first_response_breached",
  "resolution_approaching",
  "resolution_breached",
] as const;
export type SlaStage = (typeof SLA_STAGES)[number];

export const SLA_ERROR_CODES = [
  "not_authenticated",
  "guild_required",
  "staff_only",
  "admin_only",
  "server_not_set_up",
  "invalid_settings",
  "invalid_time_zone",
  "invalid_weekly_hours",
  "invalid_holidays",
  "invalid_targets",
  "invalid_warn_percent",
  "invalid_on_call_role",
  "invalid_days",
] as const;
export type SlaErrorCode = (typeof SLA_ERROR_CODES)[number];

export type SlaResult<T> = Result<T, { code: SlaErrorCode }>;

export interface ExportedTicket {
  number: number;
  subject: string;
  category: string;
  priority: string;
  status: string;
  ownerId: string;
  assigneeId: string | null;
  createdAt: string;
  firstStaffResponseAt: string | null;
  closedAt: string | null;
  firstResponseDueAt: string | null;
  resolutionDueAt: string | null;
}
export interface ExportedAgent {
  agentId: string;
  assigned: number;
  closed: number;
  medianFirstResponseSeconds: number | null;
  medianResolutionSeconds: number | null;
}
export interface ExportData {
  tickets: ExportedTicket[];
  agents: ExportedAgent[];
}

/** One escalation the scheduler leased, with what its post needs. */
export interface ClaimedEscalation {
  id: number;
  stage: SlaStage;
  dueAt: string;
  attempts: number;
  guildId: string;
  number: number;
  subject: string;
  priority: TicketPriority;
  category: string;
  status: string;
  assigneeId: string | null;
  channelId: string;
  locale: string;
  roleIds: string[];
}

const call = rpcCaller(codeRefusal(SLA_ERROR_CODES));

export const viewSla = (client: RpcClient) => call<SlaSettings>(client, "server_sla_view", {});
export const updateSla = (client: RpcClient, changes: Partial<SlaSettings>) =>
  call<SlaSettings>(client, "server_sla_update", { p_changes: changes });
export const slaStats = (client: RpcClient, days: number) =>
  call<SlaStats>(client, "ticket_sla_stats", { p_days: days });
export const backlogSeries = (client: RpcClient, days: number) =>
  call<BacklogSeries>(client, "ticket_backlog_series", { p_days: days });
export const exportData = (client: RpcClient, days: number) =>
  call<ExportData>(client, "ticket_export", { p_days: days });

export const claimEscalations = (client: RpcClient, limit: number) =>
  rpcOrThrow<ClaimedEscalation[]>(client, "sla_claim_escalations", { p_limit: limit });
export const finishEscalation = (
  client: RpcClient,
  id: number,
  /** The posted message's id, or why posting failed. */
  outcome: Result<string, string>,
) =>
  rpcOrThrow<{ posted: boolean; failed: boolean }>(client, "sla_finish_escalation", {
    p_id: id,
    p_ok: outcome.ok,
    p_message_id: outcome.ok ? outcome.value : null,
    p_error: outcome.ok ? null : outcome.error,
  });
