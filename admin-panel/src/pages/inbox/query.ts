import {
  CATEGORY_KEY_PATTERN,
  type InboxQuery,
  type InboxSort,
  TICKET_LIMITS,
  TICKET_PRIORITIES,
  TICKET_STATUSES,
} from "../../api";

export const INBOX_SORTS: readonly InboxSort[] = ["newest", "oldest", "due"];

const oneOf = <T extends string>(values: readonly T[], value: string | null): T | undefined =>
  values.find((v) => v === value);

/** The inbox's filters from its address (#/inbox?status=open&sort=due…); anything unknown is dropped. */
export function queryFromParams(params: URLSearchParams): InboxQuery {
  const query: InboxQuery = {};
  const status = oneOf(TICKET_STATUSES, params.get("status"));
  const category = params.get("category");
  const priority = oneOf(TICKET_PRIORITIES, params.get("priority"));
  const sort = oneOf(INBOX_SORTS, params.get("sort"));
  const assignee = params.get("assignee");
  const search = params.get("search");
  if (status) query.status = status;
  if (category && CATEGORY_KEY_PATTERN.test(category)) query.category = category;
  if (priority) query.priority = priority;
  if (sort) query.sort = sort;
  if (assignee && /^(none|\d{1,20})$/.test(assignee)) query.assignee = assignee;
  if (params.get("mine") === "true") query.mine = true;
  if (search) query.search = search.slice(0, TICKET_LIMITS.search);
  return query;
}
