/**
 * Typed wrappers around the ticket SQL functions (ARCHITECTURE.md lists the migration that holds each
 * one's current definition).
 * One wrapper per user action, each making exactly one `.rpc()` call: one call, one transaction.
 * The client must come from `supabaseAs(env, identity)`, so RLS sees the acting Discord user.
 *
 * Business refusals (bad input, not found, staff only, ...) come back as `{ ok: false, error }` with a
 * code from `TicketErrorCode`; anything else (network, a bug) throws `TicketRpcError`
 * (supabase/rpc-result.ts), which the router turns into its generic error.
 */
import {
  type CloseStaleResult,
  type DmFailureReason,
  type OpenTicketCounts,
  type StaffPostRef,
  TICKET_ERROR_CODES,
  type TicketCategory,
  type TicketChoice,
  type TicketError,
  type TicketErrorCode,
  type TicketList,
  type TicketPriority,
  type TicketRef,
  type TicketStats,
  type TicketStatus,
  type TicketSummary,
  type TicketTranscript,
  type TicketView,
  type TicketWithDescription,
  type TicketWithMessage,
} from "../../shared/contracts/tickets";
import type { Locale } from "../../shared/i18n";
import type { Result } from "../../shared/result";
import type { RpcClient } from "../supabase/client";
import { type Refusal, rpcCaller } from "../supabase/rpc-result";

/** The shapes the dashboard shares live in the contracts module; Maxis code keeps importing them from here. */
export * from "../../shared/contracts/tickets";

export type TicketResult<T> = Result<T, TicketError>;

/** A failure that is not a business refusal: the router logs it and answers with its generic error. */
export { RpcError as TicketRpcError } from "../supabase/rpc-result";

const knownCodes: ReadonlySet<string> = new Set(TICKET_ERROR_CODES);

export function isTicketErrorCode(value: string): value is TicketErrorCode {
  return knownCodes.has(value);
}

/** A ticket function's refusal: a known code it raised, with the detail it gave (a limit, a name). */
export const ticketRefusal: Refusal<TicketError> = (error) =>
  error.code === "P0001" && isTicketErrorCode(error.message)
    ? { code: error.message, detail: error.details || null }
    : null;

/** The one `.rpc()` call every wrapper makes, with the error split described at the top. */
const call = rpcCaller(ticketRefusal);

const ref = (ticket: TicketRef) => String(ticket);

export interface CreateTicketInput {
  subject: string;
  description: string;
  category?: TicketCategory;
  priority?: TicketPriority;
  /** The member's language, kept on the ticket for the DMs they will get (default English). */
  locale?: Locale;
}

/** Opens a ticket in the caller's guild (at most 5 not closed per member). */
export function createTicket(client: RpcClient, input: CreateTicketInput) {
  return call<TicketWithDescription>(client, "ticket_create", {
    p_subject: input.subject,
    p_description: input.description,
    p_category: input.category ?? "general",
    p_priority: input.priority ?? "medium",
    p_locale: input.locale ?? "en",
  });
}

/** One answer of a category's form (ticket panels), kept with the ticket. */
export interface FormAnswer {
  question: string;
  answer: string;
}

/** Opens a ticket from a category's form: ticket_create's checks, and the answers in the same call. */
export function createTicketWithAnswers(
  client: RpcClient,
  input: Required<Omit<CreateTicketInput, "priority">> & { answers: FormAnswer[] },
) {
  return call<TicketWithDescription & { answers: FormAnswer[] }>(client, "ticket_create_with_answers", {
    p_subject: input.subject,
    p_description: input.description,
    p_category: input.category,
    p_answers: input.answers,
    p_locale: input.locale,
  });
}

export interface ListTicketsInput {
  status?: TicketStatus;
  category?: TicketCategory;
  priority?: TicketPriority;
  /** A Discord user id, or "none" for unassigned tickets. */
  assigneeId?: string;
  /** Staff: only tickets assigned to the caller. Members only ever see their own tickets anyway. */
  mine?: boolean;
  /** Case-insensitive substring of the subject. */
  search?: string;
  /** 1..50, default 10. */
  limit?: number;
  /** Default 0. */
  offset?: number;
  /** number (newest first, default) or due (least time left first). */
  sort?: "number" | "due";
}

export function listTickets(client: RpcClient, input: ListTicketsInput = {}) {
  return call<TicketList>(client, "ticket_list", {
    p_status: input.status ?? null,
    p_category: input.category ?? null,
    p_priority: input.priority ?? null,
    p_assignee_id: input.assigneeId ?? null,
    p_mine: input.mine ?? false,
    p_search: input.search ?? null,
    p_limit: input.limit ?? 10,
    p_offset: input.offset ?? 0,
    ...(input.sort ? { p_sort: input.sort } : {}),
  });
}

/** The ticket, its thread, and (staff) its audit history. */
export function viewTicket(client: RpcClient, ticket: TicketRef) {
  return call<TicketView>(client, "ticket_view", { p_ticket: ref(ticket) });
}

export interface ReplyInput {
  body: string;
  /** Staff only: move the ticket to this status with the reply (not "closed": use closeTicket). */
  status?: Exclude<TicketStatus, "closed">;
}

/**
 * A public reply. A staff reply sets the first staff response time once; a member's reply to a ticket
 * waiting for them moves it back to in_progress (assigned) or open.
 */
export function replyToTicket(client: RpcClient, ticket: TicketRef, input: ReplyInput) {
  return call<TicketWithMessage>(client, "ticket_reply", {
    p_ticket: ref(ticket),
    p_body: input.body,
    p_status: input.status ?? null,
  });
}

export function closeTicket(client: RpcClient, ticket: TicketRef, reason?: string) {
  return call<TicketSummary>(client, "ticket_close", { p_ticket: ref(ticket), p_reason: reason ?? null });
}

/** Back to open; a member reopening counts against the open-ticket limit. */
export function reopenTicket(client: RpcClient, ticket: TicketRef) {
  return call<TicketSummary>(client, "ticket_reopen", { p_ticket: ref(ticket) });
}

/**
 * Staff only. `assigneeId` must be the caller or someone who has acted as staff in this guild
 * (the guild's staff directory); null unassigns. The audit row records who assigned.
 */
export function assignTicket(client: RpcClient, ticket: TicketRef, assigneeId: string | null) {
  return call<TicketSummary>(client, "ticket_assign", { p_ticket: ref(ticket), p_assignee_id: assigneeId });
}

/** Staff only: an internal note the member never sees. */
/** Everyone the caller may give the ticket to (ticket_assign's rule), [{ id, name }] by name. */
export function ticketAssigneePool(client: RpcClient, ticket: TicketRef) {
  return call<{ id: string; name: string | null }[]>(client, "ticket_assignee_pool", {
    p_ticket: ref(ticket),
  });
}

export function addInternalNote(client: RpcClient, ticket: TicketRef, body: string) {
  return call<TicketWithMessage>(client, "ticket_note", { p_ticket: ref(ticket), p_body: body });
}

/** A status change, with the status it moved from (a move out of "closed" is a reopening). */
export interface StatusChange {
  ticket: TicketSummary;
  previousStatus: TicketStatus;
}

/**
 * Staff only. "closed" closes (as closeTicket without a reason); leaving "closed" reopens. The status
 * the ticket already has is refused (ticket_already_closed, ticket_status_unchanged).
 */
export function setTicketStatus(client: RpcClient, ticket: TicketRef, status: TicketStatus) {
  return call<StatusChange>(client, "ticket_set_status", { p_ticket: ref(ticket), p_status: status });
}

export function setTicketPriority(client: RpcClient, ticket: TicketRef, priority: TicketPriority) {
  return call<TicketSummary>(client, "ticket_set_priority", { p_ticket: ref(ticket), p_priority: priority });
}

/** Staff only: the caller's guild over the last 7 and 30 days and all time. */
export function ticketStats(client: RpcClient) {
  return call<TicketStats>(client, "ticket_stats", {});
}

/** The public thread; staff may include internal notes (members asking for them get staff_only). */
export function ticketTranscript(client: RpcClient, ticket: TicketRef, includeInternal = false) {
  return call<TicketTranscript>(client, "ticket_transcript", {
    p_ticket: ref(ticket),
    p_include_internal: includeInternal,
  });
}

/** Up to 25 of the caller's visible tickets whose number starts with, or subject contains, `query`. */
export function autocompleteTickets(client: RpcClient, query: string) {
  return call<TicketChoice[]>(client, "ticket_autocomplete", { p_query: query });
}

/** Notifier (service_role client only): remembers the ticket's post in the staff channel. */
export function recordStaffPost(client: RpcClient, guildId: string, ticket: number, post: StaffPostRef) {
  return call<TicketWithDescription>(client, "ticket_record_staff_post", {
    p_guild_id: guildId,
    p_number: ticket,
    p_channel_id: post.channelId,
    p_message_id: post.messageId,
    p_locale: post.locale,
  });
}

/** Notifier (service_role client only): the last DM to the owner was delivered (null) or refused. */
export function recordDmOutcome(
  client: RpcClient,
  guildId: string,
  ticket: number,
  failure: DmFailureReason | null,
) {
  return call<{ ticket: TicketWithDescription; changed: boolean }>(client, "ticket_record_dm", {
    p_guild_id: guildId,
    p_number: ticket,
    p_failure: failure,
  });
}

/** Notifier (service_role client only): the ticket as its staff post shows it, description included. */
export function staffPostTicket(client: RpcClient, guildId: string, ticket: number) {
  return call<TicketWithDescription>(client, "ticket_staff_post", { p_guild_id: guildId, p_number: ticket });
}

/** Control API (service_role client only): not-closed tickets per guild. */
export function openTicketCounts(client: RpcClient) {
  return call<OpenTicketCounts>(client, "ticket_open_counts", {});
}

/** Control API (service_role client only): closes not-closed tickets idle for `days` (1..365). */
export function closeStaleTickets(client: RpcClient, days: number, guildId?: string) {
  return call<CloseStaleResult>(client, "ticket_close_stale", { p_days: days, p_guild_id: guildId ?? null });
}
