/**
 * Hash routes (#/inbox, #/tickets/42, #/stats): a static site on Pages needs no server rewrites,
 * and the back button and links work without reloading.
 */
export type Route =
  | { page: "inbox"; params: URLSearchParams }
  | { page: "ticket"; number: number }
  | { page: "stats" }
  /** The server's plans (admins); `plan` is the one open in the editor, "new" for a new one. */
  | { page: "plans"; plan: string | null }
  /** The server's sales (admins). */
  | { page: "sales" }
  /** The server's settings, categories and canned replies. */
  | { page: "settings" };

export function parseRoute(hash: string): Route {
  const [path = "", query = ""] = hash.replace(/^#/, "").split("?");
  const ticket = path.match(/^\/tickets\/(\d{1,9})$/);
  if (ticket) return { page: "ticket", number: Number(ticket[1]) };
  if (path === "/stats") return { page: "stats" };
  if (path === "/settings") return { page: "settings" };
  if (path === "/plans") return { page: "plans", plan: null };
  if (path === "/sales") return { page: "sales" };
  const plan = path.match(/^\/plans\/(new|[a-z0-9][a-z0-9-]{0,31})$/);
  if (plan?.[1]) return { page: "plans", plan: plan[1] };
  return { page: "inbox", params: new URLSearchParams(query) };
}

export function inboxHref(params: URLSearchParams): string {
  const query = params.toString();
  return query ? `#/inbox?${query}` : "#/inbox";
}

export const ticketHref = (number: number) => `#/tickets/${number}`;

export const planHref = (id: string | null) => (id ? `#/plans/${id}` : "#/plans");
