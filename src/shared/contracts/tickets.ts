/**
 * The tickets' shapes as Maxis's REST API and the dashboard both see them: the values the SQL
 * functions accept and the JSON they return. Types and constants only, so the dashboard can import
 * them without pulling any Worker code.
 */
import type { Locale } from "../i18n";

/** The six categories every server starts with; a server's admins may add their own beside them. */
export const TICKET_CATEGORIES = ["general", "billing", "technical", "bug", "account", "suggestion"] as const;
export const TICKET_PRIORITIES = ["critical", "high", "medium", "low"] as const;
export const TICKET_STATUSES = ["open", "in_progress", "waiting_for_member", "closed"] as const;

export type DefaultTicketCategory = (typeof TICKET_CATEGORIES)[number];
/** A category key: one of the six, or one a server added (a slug, CATEGORY_KEY_PATTERN). */
export type TicketCategory = string;
/** What the database accepts as a category key (20261203030000_custom_ticket_categories.sql). */
export const CATEGORY_KEY_PATTERN = /^[a-z0-9][a-z0-9-]{0,31}$/;
export const isDefaultCategory = (key: string): key is DefaultTicketCategory =>
  (TICKET_CATEGORIES as readonly string[]).includes(key);
export type TicketPriority = (typeof TICKET_PRIORITIES)[number];
export type TicketStatus = (typeof TICKET_STATUSES)[number];

/** Limits the SQL functions enforce (in characters), exported so forms can say them up front. */
export const TICKET_LIMITS = {
  subject: 100,
  description: 4000,
  message: 2000,
  reason: 500,
  search: 100,
  openTicketsPerMember: 5,
  pageSize: 50,
  autocomplete: 25,
} as const;

/** Every code the ticket functions raise (`raise exception using errcode = 'P0001', message = <code>`). */
export const TICKET_ERROR_CODES = [
  "not_authenticated",
  "guild_required",
  "staff_only",
  "ticket_not_found",
  "invalid_ticket_number",
  "subject_empty",
  "subject_too_long",
  "description_empty",
  "description_too_long",
  "message_empty",
  "message_too_long",
  "reason_too_long",
  "search_too_long",
  "invalid_category",
  "invalid_priority",
  "invalid_status",
  "invalid_locale",
  "invalid_assignee",
  "assignee_not_staff",
  "invalid_page",
  "invalid_days",
  "invalid_sort",
  "too_many_open_tickets",
  "category_disabled",
  "ticket_closed",
  "ticket_already_closed",
  "ticket_not_closed",
  "ticket_status_unchanged",
] as const;
export type TicketErrorCode = (typeof TICKET_ERROR_CODES)[number];

export interface TicketError {
  code: TicketErrorCode;
  /** English detail for logs; users see a localized text chosen from `code`. */
  detail: string | null;
}

/** Ticket numbers as members type them: 42, "42" or "#42" (the SQL side parses and validates). */
export type TicketRef = number | string;

export interface TicketSummary {
  /** Per-guild number, shown as #42. */
  number: number;
  guildId: string;
  subject: string;
  category: TicketCategory;
  priority: TicketPriority;
  status: TicketStatus;
  ownerId: string;
  /** The owner's language when they opened the ticket: the language of the DMs they get about it. */
  ownerLocale: Locale;
  assigneeId: string | null;
  createdAt: string;
  updatedAt: string;
  lastActivityAt: string;
  firstStaffResponseAt: string | null;
  closedAt: string | null;
  /** null when closed by the system (stale tickets). */
  closedBy: string | null;
  closeReason: string | null;
  /** Its post in the staff channel, edited on every change; null when it was never posted. */
  staffPost: StaffPostRef | null;
  /** The last DM to the owner that Discord refused; null once one gets through. */
  dmFailure: DmFailure | null;
}

export interface StaffPostRef {
  channelId: string;
  messageId: string;
  /** The server's language when it was posted: every later edit keeps it. */
  locale: Locale;
}

/** Why Discord refused a DM: the member does not accept DMs from the server (403), or anything else. */
export type DmFailureReason = "dms_closed" | "discord_error";

export interface DmFailure {
  reason: DmFailureReason;
  at: string;
}

/** The response-time target a ticket waits on (staff only; null without a running target). */
export interface TicketSla {
  target: "first_response" | "resolution";
  dueAt: string;
}

/** A ticket as lists show it: staff also get its time left. */
export interface TicketListItem extends TicketSummary {
  sla?: TicketSla | null;
}

export interface TicketWithDescription extends TicketSummary {
  description: string;
}

export interface TicketMessage {
  id: number;
  authorId: string;
  body: string;
  /** Internal notes are only ever returned to staff. */
  isInternal: boolean;
  /** The author was staff (agent/admin) when writing it. */
  fromStaff: boolean;
  createdAt: string;
  /** Typed in the ticket's Discord thread (issue 12): its Discord id, attachments and later changes. */
  discordMessageId?: string | null;
  attachments?: { name: string; url: string }[];
  editedAt?: string | null;
  deletedAt?: string | null;
}

export type TicketAuditAction =
  | "created"
  | "updated"
  | "status_changed"
  | "closed"
  | "reopened"
  | "assigned"
  | "unassigned"
  | "priority_changed"
  | "first_response"
  | "message_added"
  | "note_added"
  | "message_edited"
  | "message_deleted"
  | "sla_escalated";

export interface TicketAuditEntry {
  id: number;
  action: TicketAuditAction;
  /** Discord user id; null for the system (service role). */
  actorId: string | null;
  /** member | agent | admin | service_role | the database role for maintenance. */
  actorRole: string;
  /** Changed fields only (snake_case column names); null on creation. */
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  at: string;
}

export interface TicketView {
  ticket: TicketWithDescription;
  /** Oldest first; internal notes only for staff. */
  messages: TicketMessage[];
  /** Staff only; null for members. */
  audit: TicketAuditEntry[] | null;
}

export interface TicketList {
  /** All matching tickets, not just this page. */
  total: number;
  limit: number;
  offset: number;
  /** Most recently active first. */
  items: TicketListItem[];
}

export interface TicketWithMessage {
  ticket: TicketSummary;
  message: TicketMessage;
}

export interface DurationStats {
  count: number;
  meanSeconds: number | null;
  medianSeconds: number | null;
}

export interface AgentStats {
  agentId: string;
  /** Tickets in the window currently assigned to this agent. */
  assigned: number;
  /** Tickets in the window this agent closed. */
  closed: number;
  /** Over tickets where this agent gave the first staff response. */
  medianFirstResponseSeconds: number | null;
  /** Over tickets this agent closed. */
  medianResolutionSeconds: number | null;
}

/** Over the tickets created in the window. */
export interface TicketStatsWindow {
  total: number;
  byStatus: Record<TicketStatus, number>;
  byCategory: Record<TicketCategory, number>;
  byPriority: Record<TicketPriority, number>;
  firstResponse: DurationStats;
  resolution: DurationStats;
  /** Busiest first (assigned + closed), then by id. */
  agents: AgentStats[];
}

export interface TicketStats {
  generatedAt: string;
  last7Days: TicketStatsWindow;
  last30Days: TicketStatsWindow;
  allTime: TicketStatsWindow;
}

export interface TicketTranscript {
  ticket: TicketWithDescription;
  messages: TicketMessage[];
  includesInternal: boolean;
}

export interface TicketChoice {
  number: number;
  subject: string;
  status: TicketStatus;
}

export interface GuildOpenCounts {
  guildId: string;
  open: number;
  inProgress: number;
  waitingForMember: number;
  /** All not closed. */
  total: number;
}

export interface OpenTicketCounts {
  total: number;
  guilds: GuildOpenCounts[];
}

export interface CloseStaleResult {
  closed: number;
  byGuild: Record<string, number>;
}
