import type { TicketListItem, TicketPriority } from "../../api";
import { Avatar } from "../../components/avatar";
import { PriorityBadge, StatusBadge } from "../../components/badges";
import { useApp } from "../../context";
import { formatRelative } from "../../i18n";
import { ticketHref } from "../../route";
import { TimeLeftCell } from "./time-left-cell";
import "./ticket-row.css";

/** One line of the inbox: number, subject, category and owner, priority, status, time left, assignee. */
export function TicketRow({
  ticket,
  index,
  categoryName,
}: {
  ticket: TicketListItem;
  index: number;
  /** The category's name as the server calls it (useCategories, once for the whole table). */
  categoryName: (key: string) => string;
}) {
  const { t, locale, userName, avatarOf } = useApp();
  return (
    <a
      class={`row ${ticket.status === "closed" ? "is-closed" : ""}`}
      href={ticketHref(ticket.number)}
      data-index={index}
    >
      <span class="num">#{ticket.number}</span>
      <span class="main">
        <span class="subject">{ticket.subject}</span>
        <span class="meta">
          <span class={`cat cat-${ticket.category}`}>{categoryName(ticket.category)}</span>
          <span class="dot" aria-hidden="true">
            ·
          </span>
          {userName(ticket.ownerId)}
          {/* Phones show the time here, leaving the second line to status and priority. */}
          <span class="meta-when">
            <span class="dot" aria-hidden="true">
              ·
            </span>
            {formatRelative(ticket.lastActivityAt, locale)}
          </span>
        </span>
      </span>
      <PriorityBadge priority={ticket.priority as TicketPriority} />
      <StatusBadge status={ticket.status} />
      <TimeLeftCell sla={ticket.sla} />
      <span class="assignee">
        {ticket.assigneeId ? (
          <>
            <Avatar
              id={ticket.assigneeId}
              name={userName(ticket.assigneeId)}
              url={avatarOf(ticket.assigneeId)}
              size={22}
            />
            <span class="assignee-name">{userName(ticket.assigneeId)}</span>
          </>
        ) : (
          <span class="muted">{t("ticket.unassigned")}</span>
        )}
      </span>
      <time class="when" dateTime={ticket.lastActivityAt} title={ticket.lastActivityAt}>
        {formatRelative(ticket.lastActivityAt, locale)}
      </time>
    </a>
  );
}
