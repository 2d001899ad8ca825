/** `GET /api/v1/people?ids=…`: the names and avatars the dashboard shows, as Maxis answers them. */

/** A Discord user as the dashboard names them. */
export interface Person {
  id: string;
  /** Server nickname, else global name, else username; null when the user is not in the server. */
  name: string | null;
  avatarUrl: string | null;
}

/** One call names at most this many people (a dashboard page never shows more distinct people). */
export const MAX_PEOPLE_PER_REQUEST = 50;

/** `GET /api/v1/tickets/:number/assignees?q=`: who may be given that ticket, by name. */
export interface AssigneeList {
  assignees: Person[];
  /**
   * False for a server too big to read whole: only part of it is listed, and a search (`q`) asks
   * Discord for the rest.
   */
  complete: boolean;
  /**
   * Why the list is not complete, for the picker to say: `large_server` (see `complete`);
   * `members_intent`, Discord refused the member list (Maxis lacks the Server Members intent);
   * `discord_unavailable`, Discord could not be read. In the last two only the people Postgres
   * already knows are listed. Null when the list is complete.
   */
  incomplete: AssigneeListGap | null;
}

export type AssigneeListGap = "large_server" | "members_intent" | "discord_unavailable";

/** The longest search the assignee list takes. */
export const MAX_ASSIGNEE_QUERY = 100;
