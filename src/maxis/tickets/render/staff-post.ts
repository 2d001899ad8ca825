import { ButtonStyle, ComponentType } from "discord-api-types/payloads/v10";
import type { APIActionRowComponent, APIButtonComponent, APIEmbed } from "discord-api-types/v10";
import { customId } from "../../../shared/discord/handlers";
import type { MessageData } from "../../../shared/discord/responses";
import type { Translator } from "../../../shared/i18n";
import type { TicketSummary } from "../rpc";
import { ticketCard } from "./ticket-card";

/** The staff channel's buttons: `ticket-staff:assign:<number>` and `ticket-staff:close:<number>`. */
export const STAFF_ACTION_PREFIX = "ticket-staff";
export type StaffAction = "assign" | "close";

function staffButtons(t: Translator, ticket: TicketSummary): APIActionRowComponent<APIButtonComponent> {
  const closed = ticket.status === "closed";
  return {
    type: ComponentType.ActionRow,
    components: [
      {
        type: ComponentType.Button,
        style: ButtonStyle.Primary,
        label: t("ticket.staff.assign_me"),
        custom_id: customId(STAFF_ACTION_PREFIX, "assign", ticket.number),
        disabled: closed,
      },
      {
        type: ComponentType.Button,
        style: ButtonStyle.Danger,
        label: t("ticket.staff.close"),
        custom_id: customId(STAFF_ACTION_PREFIX, "close", ticket.number),
        disabled: closed,
      },
    ],
  };
}

export interface StaffPostUpdate {
  action: StaffAction;
  /** Who clicked. */
  staffId: string;
}

/**
 * The staff channel's post about a ticket: who opened it and the ticket card, with Assign-to-me and
 * Close. After a click the same post is redrawn from the ticket the database returned, saying who did
 * what; `description` is carried over from the first post (the click's answer has no description).
 */
export function staffPost(
  t: Translator,
  ticket: TicketSummary,
  description: string | undefined,
  update?: StaffPostUpdate,
): MessageData {
  const lines = [t("ticket.staff.new", { number: ticket.number, owner: ticket.ownerId })];
  if (update?.action === "assign" && ticket.assigneeId) {
    lines.push(t("ticket.staff.assigned_by", { assignee: ticket.assigneeId }));
  }
  if (update?.action === "close") lines.push(t("ticket.staff.closed_by", { staff: update.staffId }));
  const card: APIEmbed = ticketCard(t, ticket);
  return {
    content: lines.join("\n"),
    embeds: [description === undefined ? card : { ...card, description }],
    components: [staffButtons(t, ticket)],
  };
}
