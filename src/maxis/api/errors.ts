import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { ticketErrorMessage } from "../tickets/errors";
import type { TicketErrorCode, TicketResult } from "../tickets/rpc";
import type { ApiContext } from "./context";

/** Every API error has this one shape: `{"error":{"code","message"}}`, the message in the reader's language. */
export function apiError(c: Context, status: ContentfulStatusCode, code: string, message: string) {
  return c.json({ error: { code, message } }, status);
}

/** HTTP statuses of the ticket functions' refusals. Someone else's ticket is a 404 like a missing one. */
export const TICKET_ERROR_STATUS: Record<TicketErrorCode, ContentfulStatusCode> = {
  not_authenticated: 401,
  guild_required: 400,
  staff_only: 403,
  ticket_not_found: 404,
  invalid_ticket_number: 400,
  subject_empty: 400,
  subject_too_long: 400,
  description_empty: 400,
  description_too_long: 400,
  message_empty: 400,
  message_too_long: 400,
  reason_too_long: 400,
  search_too_long: 400,
  invalid_category: 400,
  invalid_priority: 400,
  invalid_status: 400,
  invalid_locale: 400,
  invalid_assignee: 400,
  assignee_not_staff: 422,
  invalid_page: 400,
  invalid_days: 400,
  invalid_sort: 400,
  too_many_open_tickets: 409,
  category_disabled: 422,
  ticket_closed: 409,
  ticket_already_closed: 409,
  ticket_not_closed: 409,
  ticket_status_unchanged: 409,
};

export function ticketError(c: ApiContext, code: TicketErrorCode, ticket?: number | string) {
  return apiError(c, TICKET_ERROR_STATUS[code], code, ticketErrorMessage(c.var.t, code, ticket));
}

/** The database's answer as JSON: the data with `status`, or the refusal as an API error. */
export function respond<T>(
  c: ApiContext,
  result: TicketResult<T>,
  ticket?: number,
  status: ContentfulStatusCode = 200,
) {
  return result.ok ? c.json(result.value as object, status) : ticketError(c, result.error.code, ticket);
}
