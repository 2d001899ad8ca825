import type { TicketAuditEntry } from "../../api";

const isDiscordId = (id: unknown): id is string => typeof id === "string" && /^\d{17,20}$/.test(id);

/**
 * Who a history entry names. A message typed in the ticket's thread is stored by Maxis's own identity
 * (`maxis:notify`, through the Gateway): the entry names the message's author, not that identity
 * (once shown as "User …tify replied"). Any other non-person actor is the system.
 */
export function historyActor(
  entry: Pick<TicketAuditEntry, "action" | "actorId" | "after">,
  userName: (id: string) => string,
  system: string,
): string {
  if (isDiscordId(entry.actorId)) return userName(entry.actorId);
  const author = entry.action === "message_added" ? entry.after?.["author_id"] : undefined;
  return isDiscordId(author) ? userName(author) : system;
}
