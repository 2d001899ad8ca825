import { useLayoutEffect, useRef, useState } from "preact/hooks";
import type { InboxQuery } from "../../api";
import { useCategories } from "../../categories";
import { useApp } from "../../context";
import { TicketRow } from "./ticket-row";
import { useRowKeys } from "./use-row-keys";
import { useTicketPages } from "./use-ticket-pages";
import "./ticket-table.css";
import { ErrorAlert } from "../../components/form/error-alert";

/** The ticket list: virtualised rows over the pages `useTicketPages` fetches and keeps live. */
export function TicketTable({ query }: { query: InboxQuery }) {
  const { t } = useApp();
  // Once for the table, not per row: rows mount and unmount as the list scrolls.
  const { name: categoryName } = useCategories();
  const scroller = useRef<HTMLDivElement>(null);
  const [view, setView] = useState({ scrollTop: 0, height: 600, rowHeight: 64 });
  const list = useTicketPages(query, view);
  const { range } = list;
  const onKeyDown = useRowKeys(scroller, list.total, view.rowHeight);

  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const measure = () => {
      const rowHeight = Number.parseFloat(getComputedStyle(element).getPropertyValue("--row-h")) || 64;
      setView((v) => ({ ...v, height: element.clientHeight, rowHeight }));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const rows = [];
  for (let index = range.start; index < range.end; index++) {
    const ticket = list.ticketAt(index);
    rows.push(
      <li
        key={ticket ? `t${ticket.number}` : `i${index}`}
        style={{ transform: `translateY(${index * view.rowHeight}px)` }}
        aria-setsize={list.total ?? -1}
        aria-posinset={index + 1}
      >
        {ticket ? (
          <TicketRow ticket={ticket} index={index} categoryName={categoryName} />
        ) : (
          <div class="row skeleton" aria-hidden="true" />
        )}
      </li>,
    );
  }

  return (
    <section class="table" aria-labelledby="inbox-count">
      <div class="table-head">
        <span id="inbox-count" class="table-count" aria-live="polite">
          {list.total === null ? t("inbox.loading") : t("inbox.count", { count: list.total })}
        </span>
        {list.live && <span class="live-dot">{list.live}</span>}
        <div class="cols" aria-hidden="true">
          <span>#</span>
          <span />
          <span>{t("inbox.priority")}</span>
          <span>{t("ticket.status")}</span>
          <span>{t("inbox.timeLeftColumn")}</span>
          <span>{t("inbox.assignee")}</span>
          <span />
        </div>
      </div>
      <ErrorAlert error={list.error} />
      {list.total === 0 ? (
        <div class="empty">
          <svg viewBox="0 0 48 48" aria-hidden="true">
            <path d="M8 10h32v22H30l-3 4h-6l-3-4H8z" />
          </svg>
          <p>{t("inbox.empty")}</p>
          <p class="muted small">{t("inbox.emptyHint")}</p>
        </div>
      ) : (
        // biome-ignore lint/a11y/noStaticElementInteractions: arrow-key navigation between the row links inside.
        <div
          class="scroller"
          ref={scroller}
          style={{ "--list-h": `${(list.total ?? 0) * view.rowHeight}px` }}
          onScroll={(e) => {
            const scrollTop = e.currentTarget.scrollTop;
            setView((v) => (v.scrollTop === scrollTop ? v : { ...v, scrollTop }));
          }}
          onKeyDown={onKeyDown}
        >
          <ul aria-label={t("inbox.list")} style={{ height: `${(list.total ?? 0) * view.rowHeight}px` }}>
            {rows}
          </ul>
        </div>
      )}
    </section>
  );
}
