import { ButtonStyle, ComponentType } from "discord-api-types/payloads/v10";
import type { APIActionRowComponent, APIButtonComponent, APIEmbed } from "discord-api-types/v10";
import { customId } from "../../../shared/discord/handlers";
import type { MessageData } from "../../../shared/discord/responses";
import type { Translator } from "../../../shared/i18n";
import type { TicketList, TicketStatus } from "../rpc";
import { safeText } from "./escape";
import { discordTime, priorityBadge, STATUS_COLOUR, statusBadge } from "./labels";

/**
 * The prefix of the list's paging buttons: `ticket-page:<server id>:<status|all>:<mine 0|1>:<offset>`.
 * The server is named like on every button that points at tickets; the page is only read in it.
 */
export const LIST_PAGE_PREFIX = "ticket-page";
export const LIST_PAGE_SIZE = 10;

export interface ListFilter {
  /** The server whose tickets are listed. */
  guildId: string;
  status: TicketStatus | undefined;
  mine: boolean;
}

export function pageButtonId(filter: ListFilter, offset: number): string {
  return customId(LIST_PAGE_PREFIX, filter.guildId, filter.status ?? "all", filter.mine ? 1 : 0, offset);
}

function pageButtons(
  t: Translator,
  list: TicketList,
  filter: ListFilter,
): APIActionRowComponent<APIButtonComponent> {
  const previous = Math.max(0, list.offset - list.limit);
  const next = list.offset + list.limit;
  return {
    type: ComponentType.ActionRow,
    components: [
      {
        type: ComponentType.Button,
        style: ButtonStyle.Secondary,
        label: t("ticket.list.previous"),
        custom_id: pageButtonId(filter, previous),
        disabled: list.offset === 0,
      },
      {
        type: ComponentType.Button,
        style: ButtonStyle.Secondary,
        label: t("ticket.list.next"),
        // Two buttons may not share a custom_id, even disabled.
        custom_id: pageButtonId(filter, next === previous ? next + 1 : next),
        disabled: next >= list.total,
      },
    ],
  };
}

/** One page of tickets, most recently active first, with Previous/Next when there is more. */
export function ticketListMessage(
  t: Translator,
  list: TicketList,
  filter: ListFilter,
  staff: boolean,
): MessageData {
  const lines = list.items.map((ticket) => {
    const owner = staff ? ` · <@${ticket.ownerId}>` : "";
    return `\`#${ticket.number}\` **${safeText(ticket.subject, 120)}**\n${statusBadge(t, ticket.status)} · ${priorityBadge(
      t,
      ticket.priority,
    )}${owner} · ${discordTime(ticket.lastActivityAt, "R")}`;
  });
  const page = Math.floor(list.offset / list.limit) + 1;
  const pages = Math.max(1, Math.ceil(list.total / list.limit));
  const embed: APIEmbed = {
    title: t(staff ? "ticket.list.title_staff" : "ticket.list.title_member"),
    description: lines.length ? lines.join("\n\n") : t("ticket.list.empty"),
    color: filter.status ? STATUS_COLOUR[filter.status] : 0x5865f2,
    footer: { text: t("ticket.list.footer", { page, pages, total: list.total }) },
  };
  return { embeds: [embed], components: list.total > list.limit ? [pageButtons(t, list, filter)] : [] };
}
