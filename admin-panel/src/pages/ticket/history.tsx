import {
  TICKET_PRIORITIES,
  TICKET_STATUSES,
  type TicketAuditEntry,
  type TicketPriority,
  type TicketStatus,
} from "../../api";
import { useApp } from "../../context";
import { formatDateTime, formatRelative } from "../../i18n";
import { historyActor } from "./history-actor";
import { LockIcon } from "./lock-icon";
import "./history.css";

const auditIcons: Record<Exclude<TicketAuditEntry["action"], "note_added">, string> = {
  created: "＋",
  updated: "✎",
  status_changed: "⇄",
  closed: "✓",
  reopened: "↺",
  assigned: "➜",
  unassigned: "✕",
  priority_changed: "!",
  first_response: "★",
  message_added: "✉",
  message_edited: "✎",
  message_deleted: "⌫",
  sla_escalated: "⏰",
};

/** The ticket's audit trail, newest first, each change in words. */
export function History({ audit }: { audit: TicketAuditEntry[] }) {
  const { t, locale, userName } = useApp();
  const label = (entry: TicketAuditEntry) => {
    const actor = historyActor(entry, userName, {
      system: t("audit.system"),
      automatic: t("audit.automatic"),
      operator: t("audit.operator"),
    });
    const field = (name: string, source: Record<string, unknown> | null) => {
      const value = source?.[name];
      if (typeof value !== "string") return "—";
      if (name === "status" && (TICKET_STATUSES as readonly string[]).includes(value))
        return t(`status.${value as TicketStatus}`);
      if (name === "priority" && (TICKET_PRIORITIES as readonly string[]).includes(value))
        return t(`priority.${value as TicketPriority}`);
      return userName(value);
    };
    const name =
      entry.action === "priority_changed"
        ? "priority"
        : entry.action === "assigned"
          ? "assignee_id"
          : "status";
    return t(`audit.${entry.action}`, {
      actor,
      from: field(name, entry.before),
      to: field(name, entry.after),
    });
  };
  return (
    <section class="card history" aria-labelledby="history-title">
      <h2 id="history-title">{t("ticket.history")}</h2>
      <ol class="timeline">
        {[...audit].reverse().map((entry) => (
          <li key={entry.id} class={`ev ev-${entry.action}`}>
            <span class="ev-icon" aria-hidden="true">
              {entry.action === "note_added" ? <LockIcon /> : auditIcons[entry.action]}
            </span>
            <span class="ev-text">{label(entry)}</span>
            <time dateTime={entry.at} title={formatDateTime(entry.at, locale)}>
              {formatRelative(entry.at, locale)}
            </time>
          </li>
        ))}
      </ol>
    </section>
  );
}
