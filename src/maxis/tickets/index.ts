/** Support tickets in Discord: what `src/maxis/commands/index.ts` registers. */

export { askToCloseButtonHandler } from "./automation/ask-close-button";
export { automationButtons, ratingCommentModal } from "./automation/owner-buttons";
export { createTicketModalHandler } from "./commands/create-modal";
export { ticketListPages } from "./components/list-pages";
export { ticketStaffActions } from "./components/staff-actions";
export { ticketThreadActions } from "./components/thread-actions";
export { ticketCommand, ticketStaffCommand } from "./ticket-command";
