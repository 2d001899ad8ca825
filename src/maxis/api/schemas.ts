/**
 * What the API accepts, checked with valibot before any database call. Rules the ticket functions
 * enforce (lengths after trimming, closed sets) are repeated here with the database's own error codes
 * as messages, so a bad request gets the same precise code either way and costs no round trip.
 */
import * as v from "valibot";
import {
  CATEGORY_KEY_PATTERN,
  TICKET_LIMITS,
  TICKET_PRIORITIES,
  TICKET_STATUSES,
  type TicketErrorCode,
} from "../tickets/rpc";

const code = (value: TicketErrorCode) => value;

const text = (max: number, empty: TicketErrorCode, tooLong: TicketErrorCode) =>
  v.pipe(v.string(), v.trim(), v.minLength(1, code(empty)), v.maxLength(max, code(tooLong)));

const snowflake = v.pipe(
  v.string(code("invalid_assignee")),
  v.regex(/^[0-9]{1,20}$/, code("invalid_assignee")),
);

/** Query strings are text: whole numbers within bounds. */
const integerParam = (min: number, max: number) =>
  v.pipe(
    v.string(),
    v.regex(/^[0-9]{1,6}$/, code("invalid_page")),
    v.transform(Number),
    v.minValue(min, code("invalid_page")),
    v.maxValue(max, code("invalid_page")),
  );

export const ticketNumberParam = v.pipe(
  v.string(),
  v.regex(/^[1-9][0-9]{0,8}$/, code("invalid_ticket_number")),
  v.transform(Number),
);

export const listQuery = v.strictObject({
  status: v.exactOptional(v.picklist(TICKET_STATUSES, code("invalid_status"))),
  /** Any key's shape: whether the server has it is the database's call (its own categories). */
  category: v.exactOptional(v.pipe(v.string(), v.regex(CATEGORY_KEY_PATTERN, code("invalid_category")))),
  priority: v.exactOptional(v.picklist(TICKET_PRIORITIES, code("invalid_priority"))),
  /** A staff member's Discord id, or `none` for unassigned tickets. */
  assignee: v.exactOptional(v.union([v.literal("none"), snowflake], code("invalid_assignee"))),
  mine: v.exactOptional(
    v.pipe(
      v.picklist(["true", "false"]),
      v.transform((value) => value === "true"),
    ),
  ),
  search: v.exactOptional(
    v.pipe(v.string(), v.trim(), v.maxLength(TICKET_LIMITS.search, code("search_too_long"))),
  ),
  limit: v.exactOptional(integerParam(1, TICKET_LIMITS.pageSize)),
  offset: v.exactOptional(integerParam(0, 100_000)),
  /** number (newest first) or due (least time left first). */
  sort: v.exactOptional(v.picklist(["number", "due"] as const, code("invalid_sort"))),
});

export const replyBody = v.strictObject({
  body: text(TICKET_LIMITS.message, "message_empty", "message_too_long"),
  /** Move the ticket with the reply, e.g. to waiting_for_member (closing is POST …/close). */
  status: v.exactOptional(
    v.picklist(["open", "in_progress", "waiting_for_member"] as const, code("invalid_status")),
  ),
});

export const noteBody = v.strictObject({
  body: text(TICKET_LIMITS.message, "message_empty", "message_too_long"),
});

export const assignBody = v.strictObject({
  /** null unassigns. */
  assigneeId: v.nullable(snowflake),
});

export const statusBody = v.strictObject({
  status: v.picklist(TICKET_STATUSES, code("invalid_status")),
});

export const priorityBody = v.strictObject({
  priority: v.picklist(TICKET_PRIORITIES, code("invalid_priority")),
});

export const closeBody = v.strictObject({
  reason: v.exactOptional(
    v.pipe(v.string(), v.trim(), v.maxLength(TICKET_LIMITS.reason, code("reason_too_long"))),
  ),
});

/** ?days=1..365 of the stats, SLA and automation reports. */
export const daysQuery = v.strictObject({
  days: v.exactOptional(
    v.pipe(
      v.string(),
      v.regex(/^[0-9]{1,3}$/, "invalid_days"),
      v.transform(Number),
      v.minValue(1, "invalid_days"),
      v.maxValue(365, "invalid_days"),
    ),
  ),
});
