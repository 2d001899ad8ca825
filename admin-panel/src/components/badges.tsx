import type { TicketPriority, TicketStatus } from "../api";
import { useApp } from "../context";
import "./badges.css";

export function StatusBadge({ status }: { status: TicketStatus }) {
  const { t } = useApp();
  return <span class={`badge status-${status}`}>{t(`status.${status}`)}</span>;
}

export function PriorityBadge({ priority }: { priority: TicketPriority }) {
  const { t } = useApp();
  return (
    <span class={`prio prio-${priority}`}>
      <span class="prio-dot" aria-hidden="true" />
      {t(`priority.${priority}`)}
    </span>
  );
}
