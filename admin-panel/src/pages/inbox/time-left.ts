import type { TicketSla } from "../../api";

/** Under this, a target counts as "due soon" (amber). */
const SOON_SECONDS = 3600;

export type TimeLeftState = "ok" | "soon" | "overdue";

/** How long until the ticket's running target is due (negative: overdue), and how urgent that is. */
export function timeLeft(sla: TicketSla, now = Date.now()): { seconds: number; state: TimeLeftState } {
  const seconds = Math.round((Date.parse(sla.dueAt) - now) / 1000);
  return { seconds, state: seconds < 0 ? "overdue" : seconds < SOON_SECONDS ? "soon" : "ok" };
}
