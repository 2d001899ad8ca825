/** Tickets: the inbox's list, one ticket, and what staff do to it (`/api/v1/tickets`). */

import type { AssigneeList } from "../../../src/shared/contracts/people";
import type {
  TicketCategory,
  TicketList,
  TicketPriority,
  TicketStatus,
  TicketSummary,
  TicketView,
  TicketWithMessage,
} from "../../../src/shared/contracts/tickets";
import type { Transport } from "./transport";

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

const ticketPath = (n: number) => `/api/v1/tickets/${n}`;

export const ticketsApi = ({ base, get, request, write }: Transport) => ({
  listTickets: (query: InboxQuery, limit: number, offset: number, etag?: string | null) =>
    request<TicketList>("GET", `/api/v1/tickets?${inboxSearchParams(query, limit, offset)}`, undefined, etag),
  /** The transcript page (Maxis serves it; the session cookie opens it), optionally as a file. */
  transcriptUrl: (n: number, options: { notes: boolean; download: boolean }) =>
    `${base}${ticketPath(n)}/transcript?notes=${options.notes}${options.download ? "&download=1" : ""}`,
  viewTicket: (n: number, etag?: string | null) => request<TicketView>("GET", ticketPath(n), undefined, etag),
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
  /** Automation (issue 13): ask the member whether the ticket may be closed. */
  askToClose: (n: number) => write<{ hours: number }>(`${ticketPath(n)}/close-request`),
  /** Everyone who may take ticket `n` (staff-role holders and admins), `q` narrowing by name. */
  assignees: (n: number, q = "") =>
    get<AssigneeList>(`${ticketPath(n)}/assignees${q ? `?q=${encodeURIComponent(q)}` : ""}`),
});
