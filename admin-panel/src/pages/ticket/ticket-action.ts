import type { TicketSummary } from "../../api";
import type { MessageKey } from "../../i18n";

/** A change to the ticket: run `action`, confirm with `done` (or show the error), read the ticket again. */
export type TicketAction = (action: () => Promise<unknown>, done: MessageKey) => Promise<void>;

/** What the details card hands each of its controls: the ticket, whether a change is running, and how to make one. */
export interface TicketControlProps {
  ticket: TicketSummary;
  busy: boolean;
  act: TicketAction;
}
