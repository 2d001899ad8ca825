import { useState } from "preact/hooks";
import {
  TICKET_PRIORITIES,
  TICKET_STATUSES,
  type TicketPriority,
  type TicketStatus,
  type TicketView,
} from "../../api";
import { useCategories } from "../../categories";
import { SelectField } from "../../components/select-field";
import { useApp } from "../../context";
import { errorText } from "../../error-text";
import { formatDateTime, formatDuration } from "../../i18n";
import { AssigneePicker } from "./assignee-picker";
import { CloseControls } from "./close-controls";
import type { TicketAction } from "./ticket-action";
import "./details.css";

/** The side card: status, priority, assignee, the facts, and closing or reopening. */
export function Details({ view, refresh }: { view: TicketView; refresh: () => Promise<void> }) {
  const { api, t, locale, toast, userName } = useApp();
  const { name: categoryName } = useCategories();
  const { ticket } = view;
  const [busy, setBusy] = useState(false);

  const act: TicketAction = async (action, done) => {
    setBusy(true);
    try {
      await action();
      toast(t(done));
      await refresh();
    } catch (err) {
      toast(errorText(err, t), "error");
      await refresh();
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="card details" aria-labelledby="details-title">
      <h2 id="details-title">{t("ticket.details")}</h2>
      <SelectField
        id="ticket-status"
        label={t("ticket.status")}
        value={ticket.status}
        disabled={busy}
        options={TICKET_STATUSES.map((s) => [s, t(`status.${s}`)] as const)}
        onChange={(value) => {
          const status = value as TicketStatus;
          void act(() => api.setStatus(ticket.number, status), "ticket.saved");
        }}
      />
      <SelectField
        id="ticket-priority"
        label={t("ticket.priority")}
        value={ticket.priority}
        disabled={busy}
        options={TICKET_PRIORITIES.map((p) => [p, t(`priority.${p}`)] as const)}
        onChange={(value) => {
          const priority = value as TicketPriority;
          void act(() => api.setPriority(ticket.number, priority), "ticket.saved");
        }}
      />
      <AssigneePicker ticket={ticket} busy={busy} act={act} />
      <dl class="facts">
        <dt>{t("ticket.owner")}</dt>
        <dd>{userName(ticket.ownerId)}</dd>
        <dt>{t("ticket.category")}</dt>
        <dd>{categoryName(ticket.category)}</dd>
        <dt>{t("ticket.created")}</dt>
        <dd>{formatDateTime(ticket.createdAt, locale)}</dd>
        <dt>{t("ticket.firstResponse")}</dt>
        <dd>
          {ticket.firstStaffResponseAt
            ? formatDuration(
                (Date.parse(ticket.firstStaffResponseAt) - Date.parse(ticket.createdAt)) / 1000,
                locale,
              )
            : t("ticket.noResponse")}
        </dd>
        {ticket.closedAt && (
          <>
            <dt>{t("status.closed")}</dt>
            <dd>
              {formatDateTime(ticket.closedAt, locale)}
              {ticket.closeReason ? ` — ${ticket.closeReason}` : ""}
            </dd>
          </>
        )}
      </dl>
      <CloseControls ticket={ticket} busy={busy} act={act} />
    </section>
  );
}
