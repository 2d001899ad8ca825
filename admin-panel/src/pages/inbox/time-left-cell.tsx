import type { TicketSla } from "../../api";
import { useApp } from "../../context";
import { formatDuration } from "../../i18n";
import { timeLeft } from "./time-left";
import "./time-left-cell.css";

/** "2 h left" / "overdue by 40 min" for the target the ticket waits on; a dash without one. */
export function TimeLeftCell({ sla }: { sla: TicketSla | null | undefined }) {
  const { t, locale } = useApp();
  if (!sla) {
    return (
      <span class="time-left none" title={t("inbox.noTarget")}>
        —
      </span>
    );
  }
  const { seconds, state } = timeLeft(sla);
  const duration = formatDuration(Math.max(60, Math.abs(seconds)), locale);
  return (
    <span class={`time-left ${state}`} title={`${t(`inbox.target.${sla.target}`)} · ${sla.dueAt}`}>
      {state === "overdue"
        ? t("inbox.overdueBy", { time: duration })
        : t("inbox.timeLeft", { time: duration })}
    </span>
  );
}
