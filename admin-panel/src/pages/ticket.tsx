import { useEffect, useRef, useState } from "preact/hooks";
import {
  ApiError,
  TICKET_LIMITS,
  TICKET_PRIORITIES,
  TICKET_STATUSES,
  type TicketAuditEntry,
  type TicketMessage,
  type TicketPriority,
  type TicketStatus,
  type TicketView,
} from "../api";
import { useCategories } from "../categories";
import { Avatar } from "../components/avatar";
import { PriorityBadge, StatusBadge } from "../components/badges";
import { MessageExtras, TranscriptLinks } from "../components/message-extras";
import { SelectField } from "../components/select-field";
import { SnippetList, useSnippetPicker } from "../components/snippet-picker";
import { useApp } from "../context";
import { errorText } from "../error-text";
import { formatDateTime, formatDuration, formatRelative, type MessageKey } from "../i18n";
import { usePolling } from "../poll";
import { AskToCloseButton } from "./ticket/ask-to-close";

export function TicketPage({ number }: { number: number }) {
  const { api, t, locale } = useApp();
  const { name: categoryName } = useCategories();
  const [view, setView] = useState<TicketView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const etag = useRef<string | null>(null);
  const [live, setLive] = useState(false);

  const refresh = async (announce: boolean) => {
    try {
      const result = await api.viewTicket(number, etag.current);
      if (!result.changed) return;
      etag.current = result.etag;
      setView((before) => {
        if (announce && before && before.messages.length !== result.data.messages.length) setLive(true);
        return result.data;
      });
      setError(null);
    } catch (err) {
      setError(err instanceof ApiError && err.status === 404 ? t("ticket.notFound") : errorText(err, t));
    }
  };

  useEffect(() => {
    etag.current = null;
    setView(null);
    void refresh(false);
    document.getElementById("main")?.focus();
  }, [number]);
  // Messages typed in the ticket's Discord thread show up within 2 s: an unchanged ticket costs a 304.
  usePolling(() => refresh(true), 1_500, [number]);

  if (!view) {
    return (
      <div class="ticket">
        <a class="back" href="#/inbox">
          ← {t("ticket.back")}
        </a>
        {error ? (
          <p class="error" role="alert">
            {error}
          </p>
        ) : (
          <div class="skeleton block" aria-busy="true" />
        )}
      </div>
    );
  }

  const { ticket } = view;
  return (
    <div class="ticket">
      <a class="back" href="#/inbox">
        ← {t("ticket.back")}
      </a>
      <header class="ticket-head">
        <div>
          <p class="eyebrow">{t("ticket.number", { number: ticket.number })}</p>
          <h1>{ticket.subject}</h1>
          <div class="head-badges">
            <StatusBadge status={ticket.status} />
            <PriorityBadge priority={ticket.priority} />
            <span class="cat">{categoryName(ticket.category)}</span>
          </div>
          <TranscriptLinks number={ticket.number} />
        </div>
      </header>
      {ticket.dmFailure && (
        <p class="error" role="status">
          {t(`ticket.dmFailed.${ticket.dmFailure.reason}`, {
            time: formatRelative(ticket.dmFailure.at, locale),
          })}
        </p>
      )}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <div class="ticket-grid">
        <section class="thread-col" aria-labelledby="thread-title">
          <h2 id="thread-title" class="visually-hidden">
            {t("ticket.thread")}
          </h2>
          {live && (
            <p class="live-dot" role="status">
              {t("ticket.updatedLive")}
            </p>
          )}
          <ol class="thread">
            <li>
              <MessageCard
                message={{
                  id: 0,
                  authorId: ticket.ownerId,
                  body: ticket.description,
                  isInternal: false,
                  fromStaff: false,
                  createdAt: ticket.createdAt,
                }}
                title={t("ticket.description")}
              />
            </li>
            {view.messages.map((message) => (
              <li key={message.id}>
                <MessageCard message={message} />
              </li>
            ))}
          </ol>
          <Composer view={view} onDone={(next) => next && setView(next)} refresh={() => refresh(false)} />
        </section>
        <aside class="side-col">
          <Details view={view} refresh={() => refresh(false)} />
          <History audit={view.audit ?? []} />
        </aside>
      </div>
    </div>
  );
}

function MessageCard({ message, title }: { message: TicketMessage; title?: string }) {
  const { t, locale, userName, avatarOf } = useApp();
  const kind = message.isInternal ? "note" : message.fromStaff ? "staff" : "member";
  return (
    <article class={`msg msg-${kind}`} aria-label={message.isInternal ? t("ticket.internalNote") : undefined}>
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

function Composer({
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
      class={`composer mode-${mode}`}
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

function Details({ view, refresh }: { view: TicketView; refresh: () => Promise<void> }) {
  const { api, t, locale, session, toast, userName } = useApp();
  const { name: categoryName } = useCategories();
  const { ticket } = view;
  const [busy, setBusy] = useState(false);
  const [closing, setClosing] = useState(false);
  const [reason, setReason] = useState("");

  const act = async (action: () => Promise<unknown>, done: MessageKey) => {
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

  // Staff seen on this ticket (the API accepts anyone who has acted as staff in this server).
  const staff = new Set<string>([session.user.id]);
  if (ticket.assigneeId) staff.add(ticket.assigneeId);
  for (const message of view.messages) if (message.fromStaff) staff.add(message.authorId);

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
      <div class="field">
        <label for="ticket-assignee">{t("ticket.assignee")}</label>
        <div class="inline">
          <select
            id="ticket-assignee"
            value={ticket.assigneeId ?? ""}
            disabled={busy}
            onChange={(e) => {
              const id = e.currentTarget.value || null;
              void act(() => api.assign(ticket.number, id), "ticket.assigned");
            }}
          >
            <option value="">{t("ticket.unassigned")}</option>
            {[...staff].map((id) => (
              <option key={id} value={id}>
                {userName(id)}
              </option>
            ))}
          </select>
          {ticket.assigneeId !== session.user.id && (
            <button
              type="button"
              class="btn small"
              disabled={busy}
              onClick={() => void act(() => api.assign(ticket.number, session.user.id), "ticket.assigned")}
            >
              {t("ticket.assignMe")}
            </button>
          )}
        </div>
      </div>
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
      {ticket.status === "closed" ? (
        <button
          type="button"
          class="btn wide"
          disabled={busy}
          onClick={() => void act(() => api.reopen(ticket.number), "ticket.reopened")}
        >
          {t("ticket.reopen")}
        </button>
      ) : closing ? (
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
      ) : (
        <>
          <AskToCloseButton number={ticket.number} />
          <button type="button" class="btn danger wide" disabled={busy} onClick={() => setClosing(true)}>
            {t("ticket.close")}
          </button>
        </>
      )}
    </section>
  );
}

function LockIcon() {
  return (
    <svg class="lock" viewBox="0 0 24 24" aria-hidden="true">
      <rect x="5" y="11" width="14" height="9" rx="2" />
      <path d="M8 11V8a4 4 0 0 1 8 0v3" />
    </svg>
  );
}

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

function History({ audit }: { audit: TicketAuditEntry[] }) {
  const { t, locale, userName } = useApp();
  const label = (entry: TicketAuditEntry) => {
    const actor = entry.actorId ? userName(entry.actorId) : t("audit.system");
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
