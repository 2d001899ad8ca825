import { ButtonStyle, ComponentType } from "discord-api-types/payloads/v10";
import type { APIActionRowComponent, APIButtonComponent, APIEmbed } from "discord-api-types/v10";
import { customId } from "../../../shared/discord/handlers";
import type { MessageData } from "../../../shared/discord/responses";
import type { Translator } from "../../../shared/i18n";
import type { TicketSummary } from "../rpc";
import { askToCloseButton } from "./automation";
import type { CategoryName } from "./labels";
import { ticketCard } from "./ticket-card";

/**
 * The staff channel's buttons: `ticket-staff:<assign|close>:<server id>:<number>`. A ticket number is
 * per server, so the button names the server too; the handler acts only when clicked in that server.
 */
export const STAFF_ACTION_PREFIX = "ticket-staff";
export type StaffAction = "assign" | "close";

export const staffActionId = (action: StaffAction, ticket: Pick<TicketSummary, "guildId" | "number">) =>
  customId(STAFF_ACTION_PREFIX, action, ticket.guildId, ticket.number);

/**
 * Assign to me and Close, both disabled once the ticket is closed. The staff post and the ticket
 * thread's card share the row; each names its own Close (the thread's lets the member close too).
 */
export function assignAndCloseRow(
  t: Translator,
  ticket: TicketSummary,
  close: { label: string; customId: string },
): APIActionRowComponent<APIButtonComponent> {
  const closed = ticket.status === "closed";
  return {
    type: ComponentType.ActionRow,
    components: [
      {
        type: ComponentType.Button,
        style: ButtonStyle.Primary,
        label: t("ticket.staff.assign_me"),
        custom_id: staffActionId("assign", ticket),
        disabled: closed,
      },
      {
        type: ComponentType.Button,
        style: ButtonStyle.Danger,
        label: close.label,
        custom_id: close.customId,
        disabled: closed,
      },
    ],
  };
}

/** The staff post's row: Assign to me, Close, and Ask to close (the member answers; issue 13). */
function staffButtons(t: Translator, ticket: TicketSummary): APIActionRowComponent<APIButtonComponent> {
  const row = assignAndCloseRow(t, ticket, {
    label: t("ticket.staff.close"),
    customId: staffActionId("close", ticket),
  });
  return { ...row, components: [...row.components, askToCloseButton(t, ticket)] };
}

/** The roles a server keeps a ticket category to (none: every staff member handles it). */
export type CategoryAudience = (key: string) => readonly string[];
export const everyStaffMember: CategoryAudience = () => [];

/**
 * The staff channel's post about a ticket: who opened it, who has it, who closed it, whether the
 * member's last DM was refused, and the ticket card with Assign-to-me and Close. Drawn from the ticket
 * as the database returned it, first when the ticket opens and again after every change.
 * A ticket in a category kept to some roles is addressed to those roles (the only mentions that may
 * ping), and every agent reads the channel: its subject and description stay out of the post.
 */
export function staffPost(
  t: Translator,
  ticket: TicketSummary,
  description: string | undefined,
  categoryName: CategoryName,
  audience: CategoryAudience = everyStaffMember,
): MessageData {
  const roles = audience(ticket.category);
  const lines = [t("ticket.staff.new", { number: ticket.number, owner: ticket.ownerId })];
  if (roles.length > 0) {
    lines.push(t("ticket.staff.for_roles", { roles: roles.map((id) => `<@&${id}>`).join(", ") }));
  }
  if (ticket.assigneeId) lines.push(t("ticket.staff.assigned_by", { assignee: ticket.assigneeId }));
  if (ticket.status === "closed") {
    lines.push(
      ticket.closedBy
        ? t("ticket.staff.closed_by", { staff: ticket.closedBy })
        : t("ticket.staff.closed_by_system"),
    );
  }
  if (ticket.dmFailure) {
    lines.push(t(`ticket.staff.dm_failed.${ticket.dmFailure.reason}`, { owner: ticket.ownerId }));
  }
  const card: APIEmbed = ticketCard(t, ticket, categoryName);
  if (roles.length > 0) {
    const { description: _withheld, ...rest } = card;
    return {
      content: lines.join("\n"),
      embeds: [{ ...rest, title: `#${ticket.number}` }],
      components: [staffButtons(t, ticket)],
      allowed_mentions: { parse: [], roles: [...roles] },
    };
  }
  return {
    content: lines.join("\n"),
    embeds: [description === undefined ? card : { ...card, description }],
    components: [staffButtons(t, ticket)],
  };
}
