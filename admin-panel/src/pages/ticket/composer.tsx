import { useState } from "preact/hooks";
import { TICKET_LIMITS, type TicketView } from "../../api";
import { SnippetList, useSnippetPicker } from "../../components/snippet-picker";
import { useApp } from "../../context";
import { errorText } from "../../error-text";
import "./composer.css";

/** Reply to the member or add an internal note; `/` at the start of a reply picks a canned reply. */
export function Composer({
  view,
  onDone,
  refresh,
}: {
  view: TicketView;
  onDone: (next: TicketView | null) => void;
  refresh: () => Promise<void>;
}) {
  const { api, t, toast } = useApp();
  const [mode, setMode] = useState<"reply" | "note">("reply");
  const [text, setText] = useState("");
  const [busy, setBusy] = useState(false);
  const number = view.ticket.number;
  const closed = view.ticket.status === "closed";
  const picker = useSnippetPicker(view.ticket, mode === "reply" ? text : "", setText);

  const send = async () => {
    const body = text.trim();
    if (!body || busy) return;
    setBusy(true);
    try {
      if (mode === "reply") await api.reply(number, body);
      else await api.note(number, body);
      setText("");
      toast(t(mode === "reply" ? "ticket.replySent" : "ticket.noteAdded"));
      onDone(null);
      await refresh();
    } catch (err) {
      toast(errorText(err, t), "error");
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      class={`card composer mode-${mode}`}
      onSubmit={(e) => {
        e.preventDefault();
        void send();
      }}
    >
      <fieldset class="segmented">
        <legend class="visually-hidden">{t("ticket.compose")}</legend>
        {(["reply", "note"] as const).map((value) => (
          <label key={value} class={mode === value ? "on" : ""}>
            <input
              type="radio"
              name="compose-mode"
              value={value}
              checked={mode === value}
              onChange={() => setMode(value)}
            />
            {t(value === "reply" ? "ticket.mode.reply" : "ticket.mode.note")}
          </label>
        ))}
      </fieldset>
      <label class="visually-hidden" for="composer-text">
        {t(mode === "reply" ? "ticket.reply.label" : "ticket.note.label")}
      </label>
      <textarea
        id="composer-text"
        rows={4}
        maxLength={TICKET_LIMITS.message}
        value={text}
        disabled={mode === "reply" && closed}
        placeholder={t(mode === "reply" ? "ticket.reply.placeholder" : "ticket.note.placeholder")}
        aria-describedby={mode === "reply" ? "snippet-hint" : undefined}
        aria-controls={picker.open ? "snippet-options" : undefined}
        aria-activedescendant={
          picker.open && picker.matches[picker.active]
            ? `snippet-option-${picker.matches[picker.active]?.id}`
            : undefined
        }
        onInput={(e) => setText(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (picker.onKeyDown(e)) return;
          if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            void send();
          }
        }}
      />
      <SnippetList picker={picker} />
      <div class="composer-foot">
        <span class="muted small">
          {mode === "reply" && (
            <span id="snippet-hint" class="snippet-hint">
              {t("snippets.picker.hint")}{" "}
            </span>
          )}
          {t("ticket.chars", { count: text.length, max: TICKET_LIMITS.message })} · {t("ticket.shortcut")}
        </span>
        <button
          type="submit"
          class={`btn ${mode === "note" ? "note" : "primary"}`}
          disabled={busy || !text.trim()}
        >
          {busy ? t("ticket.sending") : t(mode === "reply" ? "ticket.send.reply" : "ticket.send.note")}
        </button>
      </div>
    </form>
  );
}
