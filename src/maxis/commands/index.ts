import type { InteractionHandlers } from "../../shared/discord/handlers";
import { giveawayButtons, giveawayCommand } from "../giveaways/command";
import { shopCommand } from "../shop/command";
import { createTicketModalHandler, ticketCommand, ticketListPages, ticketStaffActions } from "../tickets";
import { ping } from "./ping";

/** Every Maxis command, component and modal. `npm run register -- maxis` registers these commands. */
export const maxisHandlers: InteractionHandlers<MaxisEnv> = {
  commands: [ping, giveawayCommand, shopCommand, ticketCommand],
  components: [giveawayButtons, ticketListPages, ticketStaffActions],
  modals: [createTicketModalHandler],
};
