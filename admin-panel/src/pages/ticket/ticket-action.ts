import type { MessageKey } from "../../i18n";

/** A change to the ticket: run `action`, confirm with `done` (or show the error), read the ticket again. */
export type TicketAction = (action: () => Promise<unknown>, done: MessageKey) => Promise<void>;
