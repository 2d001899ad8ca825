import type { TicketAuditEntry } from "../../api";

/** The id when it is a Discord user's (a person), or null. */
const discordId = (id: unknown): string | null =>
  typeof id === "string" && /^\d{17,20}$/.test(id) ? id : null;

/** How the history names who acted when no person did, in the reader's language. */
export interface ActorNames {
  /** No actor recorded (the database itself). */
  system: string;
  /** Maxis's scheduler (`maxis:automation`, `maxis:sla`, …): « Maxis (automatique) ». */
  automatic: string;
  /** A signed control call from Shellia (`control:<key id>`): « Un opérateur (via Shellia) ». */
  operator: string;
}

/**
 * Who a history entry names. A message typed in the ticket's thread is stored by Maxis's own identity
 * (`maxis:notify`, through the Gateway): the entry names the message's author, not that identity
 * (once shown as "User …tify replied"). Maxis's other identities are its scheduler, `control:` ones an
 * operator through Shellia; anything else is the system.
 */
export function historyActor(
  entry: Pick<TicketAuditEntry, "action" | "actorId" | "after">,
  userName: (id: string) => string,
  names: ActorNames,
): string {
  const actorId = entry.actorId ?? "";
  const person =
    discordId(actorId) ?? (entry.action === "message_added" ? discordId(entry.after?.["author_id"]) : null);
  if (person) return userName(person);
  if (actorId.startsWith("maxis:")) return names.automatic;
  if (actorId.startsWith("control:")) return names.operator;
  return names.system;
}
