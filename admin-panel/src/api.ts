/**
 * The dashboard's only door to Maxis: its REST API (/api/v1) and sign-in routes (/auth), one module
 * per resource under api/, over one transport (api/transport.ts). The types are the contracts Maxis
 * shares with the dashboard (src/shared/contracts), re-exported here so pages import from one place.
 */

import { plansApi } from "./api/plans";
import { sessionApi } from "./api/session";
import { settingsApi } from "./api/settings";
import { statsApi } from "./api/stats";
import { ticketsApi } from "./api/tickets";
import { createTransport } from "./api/transport";
import type { Locale } from "./i18n";

export type { AutomationSettings, Satisfaction } from "../../src/shared/contracts/automation";
export type { BotServer, GuildChannel, GuildRole } from "../../src/shared/contracts/discord-directory";
export {
  type AssigneeList,
  type AssigneeListGap,
  MAX_PEOPLE_PER_REQUEST,
  type Person,
} from "../../src/shared/contracts/people";
export type {
  GrantableRole,
  Plan,
  PlanChange,
  PlanDuration,
  PlanInput,
} from "../../src/shared/contracts/plans";
export { PLAN_CURRENCIES, PLAN_DURATIONS, PLAN_LIMITS } from "../../src/shared/contracts/plans";
export { SALES_PERIODS, type SalesDay, type SalesSummary } from "../../src/shared/contracts/sales";
export type {
  CategoryChanges,
  CategoryQuestion,
  ServerSettings,
  SettingsChanges,
  TicketCategory as CategorySettings,
} from "../../src/shared/contracts/settings";
export type {
  BacklogSeries,
  ComplianceCounts,
  SlaReport,
  SlaSettings,
  SlaStats,
  SlaTargets,
  WeeklySpan,
} from "../../src/shared/contracts/sla";
export { SNIPPET_LIMITS, type Snippet, type SnippetInput } from "../../src/shared/contracts/snippets";
export type { TicketStatsSeries as StatsSeries } from "../../src/shared/contracts/stats";
export type {
  AgentStats,
  TicketAuditEntry,
  TicketCategory,
  TicketList,
  TicketListItem,
  TicketMessage,
  TicketPriority,
  TicketSla,
  TicketStats,
  TicketStatsWindow,
  TicketStatus,
  TicketSummary,
  TicketView,
} from "../../src/shared/contracts/tickets";
export {
  CATEGORY_KEY_PATTERN,
  isDefaultCategory,
  TICKET_CATEGORIES,
  TICKET_LIMITS,
  TICKET_PRIORITIES,
  TICKET_STATUSES,
} from "../../src/shared/contracts/tickets";
export type { SessionInfo } from "./api/session";
export type { NewCategory } from "./api/settings";
export type { InboxQuery, InboxSort } from "./api/tickets";
export { inboxSearchParams } from "./api/tickets";
export { ApiError, type Conditional, REQUEST_TIMEOUT_MS } from "./api/transport";

export function createApi(base: string, onUnauthorized: () => void, language: () => Locale = () => "en") {
  const transport = createTransport(base, onUnauthorized, language);
  return {
    base,
    ...sessionApi(transport),
    ...ticketsApi(transport),
    ...statsApi(transport),
    ...plansApi(transport),
    ...settingsApi(transport),
  };
}

export type Api = ReturnType<typeof createApi>;
