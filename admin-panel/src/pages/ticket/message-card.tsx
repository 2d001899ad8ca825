import type { TicketMessage } from "../../api";
import { Avatar } from "../../components/avatar";
import { MessageExtras } from "../../components/message-extras";
import { useApp } from "../../context";
import { formatDateTime, formatRelative } from "../../i18n";
import { LockIcon } from "./lock-icon";
import "./message-card.css";

/** One message of the ticket's thread: the member's, staff's, or an internal note (flagged). */
export function MessageCard({ message, title }: { message: TicketMessage; title?: string }) {
  const { t, locale, userName, avatarOf } = useApp();
  const kind = message.isInternal ? "note" : message.fromStaff ? "staff" : "member";
  return (
    <article
      class={`card msg msg-${kind}`}
      aria-label={message.isInternal ? t("ticket.internalNote") : undefined}
    >
      {message.isInternal && (
        <p class="note-flag">
          <LockIcon />
          {t("ticket.internalNote")}
        </p>
      )}
      <header class="msg-head">
        <Avatar
          id={message.authorId}
          name={userName(message.authorId)}
          url={avatarOf(message.authorId)}
          size={30}
        />
        <span class="msg-author">{userName(message.authorId)}</span>
        <span class={`role-tag ${message.fromStaff ? "is-staff" : ""}`}>
          {t(message.fromStaff ? "ticket.staff" : "ticket.member")}
        </span>
        {title && <span class="msg-title">{title}</span>}
        <time dateTime={message.createdAt} title={formatDateTime(message.createdAt, locale)}>
          {formatRelative(message.createdAt, locale)}
        </time>
      </header>
      <p class="msg-body">{message.body}</p>
      <MessageExtras message={message} />
    </article>
  );
}
