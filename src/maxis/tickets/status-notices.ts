/**
 * What closing and reopening a ticket tell people, however it happened (/ticket close and reopen,
 * /ticket-staff status, the Close buttons, the dashboard), so that every way says the same. Closed:
 * the thread gets its closing note, archive and lock, and the owner is told unless they closed it
 * themselves (by DM only when there is no thread). Reopened: the thread is unlocked, with a note.
 */
import type { TicketChange } from "./notify";
import type { StatusChange } from "./rpc";

export const closedNotice = (actorId: string): TicketChange => ({
  dm: { kind: "closed", actorId },
  thread: { kind: "closed" },
});

export const reopenedNotice = (): TicketChange => ({ thread: { kind: "reopened" } });

/** A status set by staff: told as a close or a reopening when it is one; other moves tell nobody. */
export function statusNotice({ ticket, previousStatus }: StatusChange, actorId: string): TicketChange {
  if (ticket.status === "closed") return closedNotice(actorId);
  return previousStatus === "closed" ? reopenedNotice() : {};
}
