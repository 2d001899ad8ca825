import type { InteractionHandlers } from "../../shared/discord/handlers";
import { giveawayButtons } from "../giveaways/buttons";
import { giveawayCommand, giveawayStaffCommand } from "../giveaways/command";
import { buyButton } from "../payments/buy-button";
import { shopCommand } from "../payments/shop-command";
import { subscriptionCommand } from "../payments/subscription-command";
import { setupCommand } from "../setup/command";
import { setupComponents, setupTextsForm } from "../setup/components";
import {
  askToCloseButtonHandler,
  automationButtons,
  createTicketModalHandler,
  ratingCommentModal,
  ticketCommand,
  ticketListPages,
  ticketStaffActions,
  ticketStaffCommand,
  ticketThreadActions,
} from "../tickets";
import { panelButtons, panelForm } from "../tickets/panel/panel-click";
import { ping } from "./ping";

/** Every Maxis command, component and modal. `npm run register -- maxis` registers these commands. */
export const maxisHandlers: InteractionHandlers<MaxisEnv> = {
  commands: [
    ping,
    giveawayCommand,
    giveawayStaffCommand,
    shopCommand,
    subscriptionCommand,
    ticketCommand,
    ticketStaffCommand,
    setupCommand,
  ],
  components: [
    giveawayButtons,
    ticketListPages,
    ticketStaffActions,
    ticketThreadActions,
    buyButton,
    setupComponents,
    panelButtons,
    automationButtons,
    askToCloseButtonHandler,
  ],
  modals: [createTicketModalHandler, setupTextsForm, panelForm, ratingCommentModal],
};
