import type { InteractionHandlers } from "../../shared/discord/handlers";
import { giveawayButtons } from "../giveaways/buttons";
import { giveawayCommand, giveawayStaffCommand } from "../giveaways/command";
import { setupCommand } from "../servers/setup-command";
import { shopCommand } from "../shop/command";
import {
  createTicketModalHandler,
  ticketCommand,
  ticketListPages,
  ticketStaffActions,
  ticketStaffCommand,
} from "../tickets";
import { ping } from "./ping";

/** Every Maxis command, component and modal. `npm run register -- maxis` registers these commands. */
export const maxisHandlers: InteractionHandlers<MaxisEnv> = {
  commands: [
    ping,
    giveawayCommand,
    giveawayStaffCommand,
    shopCommand,
    ticketCommand,
    ticketStaffCommand,
    setupCommand,
  ],
  components: [giveawayButtons, ticketListPages, ticketStaffActions],
  modals: [createTicketModalHandler],
};
