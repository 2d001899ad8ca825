/**
 * Response-time targets as the API (`/api/v1/sla`, `/api/v1/stats/sla`) and the dashboard see them:
 * the settings the SLA functions take and return, and their compliance figures
 * (supabase/migrations/20261202020000_ticket_sla.sql). Types only.
 */
import type { TicketPriority } from "./tickets";

export interface WeeklySpan {
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  day: number;
  from: string;
  to: string;
}
export interface SlaTargets {
  firstResponse: number | null;
  resolution: number | null;
}
export interface SlaSettings {
  enabled: boolean;
  timeZone: string;
  /** null: 24/7. */
  weeklyHours: WeeklySpan[] | null;
  holidays: string[];
  targets: Record<TicketPriority, SlaTargets>;
  warnPercent: number;
  onCallRoleId: string | null;
}

export interface ComplianceCounts {
  met: number;
  breached: number;
  running: number;
}
export interface SlaStats {
  days: number;
  firstResponse: ComplianceCounts;
  resolution: ComplianceCounts;
  byPriority: Record<
    TicketPriority,
    { firstResponse: ComplianceCounts | null; resolution: ComplianceCounts | null }
  >;
}
export interface BacklogSeries {
  days: number;
  daily: { date: string; opened: number; closed: number; backlog: number }[];
}

/** GET /api/v1/stats/sla: compliance with the response-time targets and the backlog per day. */
export interface SlaReport {
  days: number;
  compliance: SlaStats;
  backlog: BacklogSeries["daily"];
}
