import { useEffect, useRef, useState } from "preact/hooks";
import { ApiError, type TicketView } from "../api";
import { useCategories } from "../categories";
import { PriorityBadge, StatusBadge } from "../components/badges";
import { TranscriptLinks } from "../components/message-extras";
import { useApp } from "../context";
import { errorText } from "../error-text";
import { formatRelative } from "../i18n";
import { usePolling } from "../poll";
import { Composer } from "./ticket/composer";
import { Details } from "./ticket/details";
import { History } from "./ticket/history";
import { MessageCard } from "./ticket/message-card";
import "./ticket.css";
import { ErrorAlert } from "../components/form/error-alert";

/**
 * One ticket: its thread (read live while open) with the composer, and beside it the details card
 * (status, priority, assignee, closing) and the history. The parts live in ./ticket/.
 */
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
      <ErrorAlert error={error} />
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
