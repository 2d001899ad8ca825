import { useState } from "preact/hooks";
import { TICKET_LIMITS } from "../../api";
import { useApp } from "../../context";
import { AskToCloseButton } from "./ask-to-close";
import type { TicketControlProps } from "./ticket-action";
import "./close-controls.css";

/** Reopen a closed ticket; otherwise ask the member to close, or close it with an optional reason. */
export function CloseControls({ ticket, busy, act }: TicketControlProps) {
  const { api, t } = useApp();
  const [closing, setClosing] = useState(false);
  const [reason, setReason] = useState("");

  if (ticket.status === "closed") {
    return (
      <button
        type="button"
        class="btn wide"
        disabled={busy}
        onClick={() => void act(() => api.reopen(ticket.number), "ticket.reopened")}
      >
        {t("ticket.reopen")}
      </button>
    );
  }
  if (closing) {
    return (
      <form
        class="close-form"
        onSubmit={(e) => {
          e.preventDefault();
          setClosing(false);
          void act(() => api.close(ticket.number, reason.trim()), "ticket.closed");
        }}
      >
        <label for="close-reason">{t("ticket.closeReason")}</label>
        <input
          id="close-reason"
          value={reason}
          maxLength={TICKET_LIMITS.reason}
          onInput={(e) => setReason(e.currentTarget.value)}
          ref={(el) => el?.focus()}
        />
        <div class="inline">
          <button type="button" class="btn ghost" onClick={() => setClosing(false)}>
            {t("dialog.cancel")}
          </button>
          <button type="submit" class="btn danger">
            {t("ticket.close")}
          </button>
        </div>
      </form>
    );
  }
  return (
    <>
      <AskToCloseButton number={ticket.number} />
      <button type="button" class="btn danger wide" disabled={busy} onClick={() => setClosing(true)}>
        {t("ticket.close")}
      </button>
    </>
  );
}
