/**
 * The dashboard's only door to Maxis: its REST API (/api/v1) and sign-in routes (/auth), called with
 * the session cookie (credentials: "include"). Mutations are JSON POSTs, which browsers never send
 * cross-site without a CORS preflight; Maxis also checks their Origin.
 */

import type { SalesSummary } from "../../src/maxis/sales/rpc";
import type { GuildChannel, GuildRole } from "../../src/maxis/servers/directory-types";
import type { TicketCategory as CategorySettings, ServerSettings } from "../../src/maxis/servers/settings";
import type { BacklogSeries, SlaSettings, SlaStats } from "../../src/maxis/sla/rpc";
import type { Snippet, SnippetInput } from "../../src/maxis/snippets/rpc";
import type { AutomationSettings, Satisfaction } from "../../src/maxis/tickets/automation/automation-rpc";
import { type AssigneeList, MAX_PEOPLE_PER_REQUEST, type Person } from "../../src/shared/contracts/people";
import type { GrantableRole, Plan, PlanChange, PlanInput } from "../../src/shared/contracts/plans";
import type {
  TicketCategory,
  TicketList,
  TicketPriority,
  TicketStats,
  TicketStatus,
  TicketSummary,
  TicketView,
  TicketWithMessage,
} from "../../src/shared/contracts/tickets";
import type { Locale } from "./i18n";

export type { SalesSummary } from "../../src/maxis/sales/rpc";
export { SALES_PERIODS } from "../../src/maxis/sales/rpc";
export type { BotServer, GuildChannel, GuildRole } from "../../src/maxis/servers/directory-types";
export type {
  CategoryQuestion,
  ServerSettings,
  TicketCategory as CategorySettings,
} from "../../src/maxis/servers/settings";
export type {
  BacklogSeries,
  ComplianceCounts,
  SlaSettings,
  SlaStats,
  SlaTargets,
  WeeklySpan,
} from "../../src/maxis/sla/rpc";
export type { Snippet, SnippetInput } from "../../src/maxis/snippets/rpc";
export { SNIPPET_LIMITS } from "../../src/maxis/snippets/rpc";
export type { AutomationSettings, Satisfaction } from "../../src/maxis/tickets/automation/automation-rpc";
export type {
  GrantableRole,
  Plan,
  PlanChange,
  PlanDuration,
  PlanInput,
} from "../../src/shared/contracts/plans";
export { PLAN_CURRENCIES, PLAN_DURATIONS, PLAN_LIMITS } from "../../src/shared/contracts/plans";

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

export { type AssigneeList, MAX_PEOPLE_PER_REQUEST, type Person };

export interface SessionInfo {
  user: { id: string; name: string; avatarUrl: string | null };
  appRole: "agent" | "admin";
  /** The server this session is for (one at a time; the switcher opens a session for another). */
  guildId: string;
  expiresAt: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

export interface InboxQuery {
  status?: TicketStatus;
  category?: TicketCategory;
  priority?: TicketPriority;
  /** A Discord user id, or "none". */
  assignee?: string;
  mine?: boolean;
  search?: string;
  sort?: InboxSort;
}

/**
 * By ticket number (the API lists newest first, and "oldest" reads its pages from the end), or by
 * time left on the ticket's response-time target ("due", ordered by the API).
 */
export type InboxSort = "newest" | "oldest" | "due";

/** What a conditional GET gave: fresh data with its validator, or "not modified". */
export type Conditional<T> = { changed: true; data: T; etag: string | null } | { changed: false };

export function inboxSearchParams(query: InboxQuery, limit: number, offset: number): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of ["status", "category", "priority", "assignee"] as const) {
    const value = query[key];
    if (value) params.set(key, value);
  }
  if (query.mine) params.set("mine", "true");
  const search = query.search?.trim();
  if (search) params.set("search", search);
  if (query.sort === "due") params.set("sort", "due");
  params.set("limit", String(limit));
  params.set("offset", String(offset));
  return params;
}

/** A call Maxis has not answered within this long is reported as slow rather than left spinning. */
export const REQUEST_TIMEOUT_MS = 15_000;

/**
 * `language` is the dashboard's current language: sent as Accept-Language, so Maxis writes its error
 * messages in the language the reader chose here, whatever their browser's settings.
 */
export function createApi(base: string, onUnauthorized: () => void, language: () => Locale = () => "en") {
  async function request<T>(
    method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE",
    path: string,
    body?: unknown,
    etag?: string | null,
  ): Promise<Conditional<T>> {
    const headers: Record<string, string> = { Accept: "application/json", "Accept-Language": language() };
    if (body !== undefined) headers["Content-Type"] = "application/json";
    if (etag) headers["If-None-Match"] = etag;
    let res: Response;
    try {
      res = await fetch(`${base}${path}`, {
        method,
        headers,
        credentials: "include",
        cache: "no-store",
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
    } catch (error) {
      const slow = error instanceof DOMException && error.name === "TimeoutError";
      throw new ApiError(0, slow ? "timeout" : "network", "");
    }
    if (res.status === 304) return { changed: false };
    const text = await res.text();
    let json: unknown = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      // A proxy's or a crashing Worker's HTML page: no message to show, the reader gets ours.
    }
    if (!res.ok) {
      const error = (json as { error?: { code?: string; message?: string } } | null)?.error;
      if (res.status === 401) onUnauthorized();
      // An empty message makes the page fall back to its own, localized one.
      throw new ApiError(res.status, error?.code ?? "http_error", error?.message ?? "");
    }
    return { changed: true, data: json as T, etag: res.headers.get("ETag") };
  }
  const get = async <T>(path: string) => {
    const result = await request<T>("GET", path);
    if (!result.changed) throw new ApiError(304, "not_modified", "not modified");
    return result.data;
  };
  const write = async <T>(
    path: string,
    body: unknown = {},
    method: "POST" | "PATCH" | "PUT" | "DELETE" = "POST",
  ) => {
    const result = await request<T>(method, path, body);
    if (!result.changed) throw new ApiError(304, "not_modified", "not modified");
    return result.data;
  };
  const ticketPath = (n: number) => `/api/v1/tickets/${n}`;

  return {
    base,
    loginUrl: (returnTo: string) => `${base}/auth/discord/login?return_to=${encodeURIComponent(returnTo)}`,
    session: () => get<SessionInfo>("/auth/session"),
    logout: () => request<unknown>("POST", "/auth/logout", {}),
    listTickets: (query: InboxQuery, limit: number, offset: number, etag?: string | null) =>
      request<TicketList>(
        "GET",
        `/api/v1/tickets?${inboxSearchParams(query, limit, offset)}`,
        undefined,
        etag,
      ),
    /** The transcript page (Maxis serves it; the session cookie opens it), optionally as a file. */
    transcriptUrl: (n: number, options: { notes: boolean; download: boolean }) =>
      `${base}${ticketPath(n)}/transcript?notes=${options.notes}${options.download ? "&download=1" : ""}`,
    viewTicket: (n: number, etag?: string | null) =>
      request<TicketView>("GET", ticketPath(n), undefined, etag),
    reply: (n: number, body: string) => write<TicketWithMessage>(`${ticketPath(n)}/replies`, { body }),
    note: (n: number, body: string) => write<TicketWithMessage>(`${ticketPath(n)}/notes`, { body }),
    assign: (n: number, assigneeId: string | null) =>
      write<TicketSummary>(`${ticketPath(n)}/assignee`, { assigneeId }, "PATCH"),
    setStatus: (n: number, status: TicketStatus) =>
      write<TicketSummary>(`${ticketPath(n)}/status`, { status }, "PATCH"),
    setPriority: (n: number, priority: TicketPriority) =>
      write<TicketSummary>(`${ticketPath(n)}/priority`, { priority }, "PATCH"),
    close: (n: number, reason: string) =>
      write<TicketSummary>(`${ticketPath(n)}/close`, reason ? { reason } : {}),
    /** Leaving "closed" reopens. */
    reopen: (n: number) => write<TicketSummary>(`${ticketPath(n)}/status`, { status: "open" }, "PATCH"),
    stats: () => get<TicketStats>("/api/v1/stats"),
    statsSeries: (days: number) => get<StatsSeries>(`/api/v1/stats/series?days=${days}`),
    /** The server's plans (admins only), one with its history, and the admins' edits. */
    plans: () => get<Plan[]>("/api/v1/plans"),
    plan: (id: string) =>
      get<{ plan: Plan; history: PlanChange[] }>(`/api/v1/plans/${encodeURIComponent(id)}`),
    createPlan: (input: PlanInput) => write<Plan>("/api/v1/plans", input),
    updatePlan: (id: string, expectedUpdatedAt: string, input: PlanInput) =>
      write<Plan>(`/api/v1/plans/${encodeURIComponent(id)}`, { ...input, expectedUpdatedAt }, "PATCH"),
    archivePlan: (id: string) => write<Plan>(`/api/v1/plans/${encodeURIComponent(id)}/archive`),
    /** The server's sales over the last `days` days (admins only). */
    sales: (days: number) => get<SalesSummary>(`/api/v1/sales?days=${days}`),
    /** The roles a plan may grant in this server, from Discord (admins only). */
    roles: () => get<{ roles: GrantableRole[] }>("/api/v1/roles"),
    setPlanDiscord: (
      id: string,
      expectedUpdatedAt: string,
      discord: { roleId: string | null; skuId: string | null },
    ) =>
      write<Plan>(
        `/api/v1/plans/${encodeURIComponent(id)}/discord`,
        { ...discord, expectedUpdatedAt },
        "PATCH",
      ),
    /** Response-time targets: read by staff, changed by admins. */
    sla: () => get<SlaSettings>("/api/v1/sla"),
    updateSla: (changes: Partial<SlaSettings>) => write<SlaSettings>("/api/v1/sla", changes, "PATCH"),
    slaReport: (days: number) => get<SlaReport>(`/api/v1/stats/sla?days=${days}`),
    /** A CSV export (tickets or per-agent figures over `days`) as a file to save. */
    exportCsv: async (kind: "tickets" | "agents", days: number): Promise<Blob> => {
      let res: Response;
      try {
        res = await fetch(`${base}/api/v1/export/${kind}.csv?days=${days}`, {
          headers: { Accept: "text/csv", "Accept-Language": language() },
          credentials: "include",
          cache: "no-store",
          signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
        });
      } catch {
        throw new ApiError(0, "network", "");
      }
      if (res.status === 401) onUnauthorized();
      if (!res.ok) throw new ApiError(res.status, "http_error", "");
      return res.blob();
    },
    /** The server's settings and categories (staff), and the admins' changes. */
    settings: () => get<ServerSettings>("/api/v1/settings"),
    updateSettings: (changes: SettingsChanges) => write<ServerSettings>("/api/v1/settings", changes, "PATCH"),
    updateCategory: (key: string, changes: CategoryChanges) =>
      write<CategorySettings>(`/api/v1/settings/categories/${encodeURIComponent(key)}`, changes, "PATCH"),
    addCategory: (category: NewCategory) => write<CategorySettings>("/api/v1/settings/categories", category),
    /** Every key of the server, first to last. */
    reorderCategories: (keys: readonly string[]) =>
      write<CategorySettings[]>("/api/v1/settings/categories/order", { keys }, "PUT"),
    /** The server's roles and channels as Discord gives them to Maxis, for the pickers. */
    discordDirectory: () => get<{ roles: GuildRole[]; channels: GuildChannel[] }>("/api/v1/settings/discord"),
    snippets: () => get<Snippet[]>("/api/v1/snippets"),
    createSnippet: (input: SnippetInput) => write<Snippet>("/api/v1/snippets", input),
    updateSnippet: (id: number, input: SnippetInput) =>
      write<Snippet>(`/api/v1/snippets/${id}`, input, "PATCH"),
    deleteSnippet: (id: number) => write<Snippet>(`/api/v1/snippets/${id}`, {}, "DELETE"),
    /** The servers the person and Maxis share; switching opens a session there if Discord says staff. */
    servers: () => get<{ servers: { id: string; name: string; current: boolean }[] }>("/auth/servers"),
    switchServer: (guildId: string) =>
      write<{ guildId: string; appRole: "agent" | "admin" }>("/auth/switch", { guildId }),
    /** Automation (issue 13): settings (staff read, admins change), close requests, satisfaction. */
    automation: () => get<AutomationSettings>("/api/v1/automation"),
    updateAutomation: (changes: Partial<AutomationSettings>) =>
      write<AutomationSettings>("/api/v1/automation", changes, "PATCH"),
    askToClose: (n: number) => write<{ hours: number }>(`${ticketPath(n)}/close-request`),
    satisfaction: (days: number) => get<Satisfaction>(`/api/v1/stats/satisfaction?days=${days}`),
    /** Everyone who may take ticket `n` (staff-role holders and admins), `q` narrowing by name. */
    assignees: (n: number, q = "") =>
      get<AssigneeList>(`${ticketPath(n)}/assignees${q ? `?q=${encodeURIComponent(q)}` : ""}`),
    people: (ids: readonly string[]) =>
      get<{ people: Person[] }>(`/api/v1/people?ids=${ids.slice(0, MAX_PEOPLE_PER_REQUEST).join(",")}`),
  };
}

export type Api = ReturnType<typeof createApi>;

/** GET /api/v1/stats/sla: compliance with the response-time targets and the backlog per day. */
export interface SlaReport {
  days: number;
  compliance: SlaStats;
  backlog: BacklogSeries["daily"];
}
/** What PATCH /api/v1/settings takes: only the fields that change. */
export type SettingsChanges = Partial<
  Pick<
    ServerSettings,
    | "staffRoleIds"
    | "supportChannelId"
    | "staffChannelId"
    | "openTicketLimit"
    | "dmNotifications"
    | "defaultLocale"
    | "panelTitle"
    | "panelText"
  >
>;

/** What PATCH /api/v1/settings/categories/:key takes. */
export type CategoryChanges = Partial<
  Pick<
    CategorySettings,
    "labelEn" | "labelFr" | "emoji" | "staffRoleIds" | "questions" | "enabled" | "position"
  >
>;

/** What POST /api/v1/settings/categories takes: no key, and the server makes one from labelEn. */
export type NewCategory = Pick<CategorySettings, "labelEn" | "labelFr"> &
  Partial<Pick<CategorySettings, "key" | "emoji" | "staffRoleIds" | "questions" | "enabled">>;

/** The charts' data (GET /api/v1/stats/series). */
export interface StatsSeries {
  days: number;
  /** One entry per day, oldest first (UTC dates). */
  daily: { date: string; opened: number; closed: number }[];
  /** Histograms: bucket upper bounds in seconds (the last is open-ended, null). */
  firstResponseBuckets: { upToSeconds: number | null; count: number }[];
  resolutionBuckets: { upToSeconds: number | null; count: number }[];
}
