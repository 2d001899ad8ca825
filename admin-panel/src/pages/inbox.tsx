import { useEffect, useLayoutEffect, useMemo, useRef, useState } from "preact/hooks";
import {
  type InboxQuery,
  type InboxSort,
  TICKET_CATEGORIES,
  TICKET_LIMITS,
  TICKET_PRIORITIES,
  TICKET_STATUSES,
  type TicketCategory,
  type TicketList,
  type TicketPriority,
  type TicketStatus,
  type TicketSummary,
} from "../api";
import { Avatar } from "../components/avatar";
import { PriorityBadge, StatusBadge } from "../components/badges";
import { useApp } from "../context";
import { errorText } from "../error-text";
import { formatNumber, formatRelative } from "../i18n";
import { usePolling } from "../poll";
import { inboxHref, ticketHref } from "../route";
import { pagesCovering, visibleRange } from "../virtual";

const PAGE_SIZE = TICKET_LIMITS.pageSize;
const SORTS: readonly InboxSort[] = ["newest", "oldest"];

const oneOf = <T extends string>(values: readonly T[], value: string | null): T | undefined =>
  values.find((v) => v === value);

export function queryFromParams(params: URLSearchParams): InboxQuery {
  const query: InboxQuery = {};
  const status = oneOf(TICKET_STATUSES, params.get("status"));
  const category = oneOf(TICKET_CATEGORIES, params.get("category"));
  const priority = oneOf(TICKET_PRIORITIES, params.get("priority"));
  const sort = oneOf(SORTS, params.get("sort"));
  const assignee = params.get("assignee");
  const search = params.get("search");
  if (status) query.status = status;
  if (category) query.category = category;
  if (priority) query.priority = priority;
  if (sort) query.sort = sort;
  if (assignee && /^(none|\d{1,20})$/.test(assignee)) query.assignee = assignee;
  if (params.get("mine") === "true") query.mine = true;
  if (search) query.search = search.slice(0, TICKET_LIMITS.search);
  return query;
}

export function InboxPage({ params }: { params: URLSearchParams }) {
  const { api, t, locale } = useApp();
  const key = params.toString();
  const query = useMemo(() => queryFromParams(params), [key]);
  const [search, setSearch] = useState(query.search ?? "");
  const [counts, setCounts] = useState<Record<TicketStatus, number> | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);

  const navigate = (change: Record<string, string | null>, replace = false) => {
    const next = new URLSearchParams(params);
    for (const [name, value] of Object.entries(change)) {
      if (value) next.set(name, value);
      else next.delete(name);
    }
    const href = inboxHref(next);
    if (replace) {
      history.replaceState(null, "", href);
      dispatchEvent(new HashChangeEvent("hashchange"));
    } else location.hash = href;
  };

  // Typing filters after a pause, without one history entry per keystroke.
  useEffect(() => {
    if ((query.search ?? "") === search.trim()) return;
    const timer = setTimeout(() => navigate({ search: search.trim() || null }, true), 250);
    return () => clearTimeout(timer);
  }, [search]);

  const refreshCounts = async () => {
    const stats = await api.stats();
    setCounts(stats.allTime.byStatus);
  };
  useEffect(() => {
    void refreshCounts().catch(() => undefined);
  }, []);
  usePolling(refreshCounts, 20_000, []);

  // "/" jumps to the search box, as in most inboxes.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (event.key !== "/" || target?.closest("input, textarea, select")) return;
      event.preventDefault();
      searchRef.current?.focus();
    };
    addEventListener("keydown", onKey);
    return () => removeEventListener("keydown", onKey);
  }, []);

  const allCount = counts ? Object.values(counts).reduce((a, b) => a + b, 0) : null;
  const statusTabs: (TicketStatus | "")[] = ["", ...TICKET_STATUSES];
  const filtered = Boolean(
    query.category || query.priority || query.assignee || query.mine || query.search || query.status,
  );

  return (
    <div class="inbox">
      <div class="page-head">
        <h1>{t("inbox.title")}</h1>
      </div>
      <nav class="tabs" aria-label={t("inbox.statusTabs")}>
        {statusTabs.map((status) => {
          const count = status ? counts?.[status] : allCount;
          return (
            <a
              key={status || "all"}
              href={inboxHref(
                (() => {
                  const next = new URLSearchParams(params);
                  if (status) next.set("status", status);
                  else next.delete("status");
                  return next;
                })(),
              )}
              class={`tab ${status ? `tab-${status}` : ""}`}
              aria-current={(query.status ?? "") === status ? "page" : undefined}
            >
              {t(status ? `status.${status}` : "status.all")}
              {count !== undefined && count !== null && (
                <span class="count">{formatNumber(count, locale)}</span>
              )}
            </a>
          );
        })}
      </nav>
      <div class="filters">
        <div class="field search">
          <label for="inbox-search" class="visually-hidden">
            {t("inbox.search")}
          </label>
          <svg viewBox="0 0 24 24" aria-hidden="true" class="search-icon">
            <circle cx="11" cy="11" r="6" />
            <path d="m20 20-4.5-4.5" />
          </svg>
          <input
            id="inbox-search"
            ref={searchRef}
            type="search"
            value={search}
            maxLength={TICKET_LIMITS.search}
            placeholder={t("inbox.searchPlaceholder")}
            onInput={(e) => setSearch(e.currentTarget.value)}
          />
        </div>
        <FilterSelect
          id="filter-category"
          label={t("inbox.category")}
          value={query.category ?? ""}
          options={TICKET_CATEGORIES.map((c) => [c, t(`category.${c}`)])}
          anyLabel={t("inbox.anyCategory")}
          onChange={(value) => navigate({ category: value })}
        />
        <FilterSelect
          id="filter-priority"
          label={t("inbox.priority")}
          value={query.priority ?? ""}
          options={TICKET_PRIORITIES.map((p) => [p, t(`priority.${p}`)])}
          anyLabel={t("inbox.anyPriority")}
          onChange={(value) => navigate({ priority: value })}
        />
        <FilterSelect
          id="filter-assignee"
          label={t("inbox.assignee")}
          value={query.mine ? "mine" : (query.assignee ?? "")}
          options={[
            ["mine", t("inbox.mine")],
            ["none", t("inbox.unassigned")],
          ]}
          anyLabel={t("inbox.anyone")}
          onChange={(value) =>
            navigate(value === "mine" ? { mine: "true", assignee: null } : { mine: null, assignee: value })
          }
        />
        <FilterSelect
          id="filter-sort"
          label={t("inbox.sort")}
          value={query.sort ?? "newest"}
          options={SORTS.map((s) => [s, t(`inbox.sort.${s}`)])}
          onChange={(value) => navigate({ sort: value === "newest" ? null : value })}
        />
        {filtered && (
          <button
            type="button"
            class="btn ghost small"
            onClick={() => {
              setSearch("");
              location.hash = "#/inbox";
            }}
          >
            {t("inbox.clear")}
          </button>
        )}
      </div>
      <TicketTable key={key} query={query} />
    </div>
  );
}

function FilterSelect({
  id,
  label,
  value,
  options,
  anyLabel,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  options: [string, string][];
  anyLabel?: string;
  onChange: (value: string | null) => void;
}) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.currentTarget.value || null)}>
        {anyLabel !== undefined && <option value="">{anyLabel}</option>}
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The ticket list: virtualized rows, pages fetched as they scroll into view, refreshed by polling. */
function TicketTable({ query }: { query: InboxQuery }) {
  const { api, t } = useApp();
  const scroller = useRef<HTMLDivElement>(null);
  const pages = useRef(new Map<number, TicketSummary[]>());
  const loading = useRef(new Set<number>());
  const firstEtag = useRef<string | null>(null);
  const focusIndex = useRef<number | null>(null);
  const [total, setTotal] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [, setVersion] = useState(0);
  const [view, setView] = useState({ scrollTop: 0, height: 600, rowHeight: 64 });
  const [live, setLive] = useState("");

  const range = visibleRange({
    scrollTop: view.scrollTop,
    viewportHeight: view.height,
    rowHeight: view.rowHeight,
    total: total ?? 0,
    overscan: 8,
  });

  // "Oldest first" reads the API's newest-first pages from the end.
  const ascending = query.sort === "oldest";
  const apiIndex = (index: number) => (ascending && total !== null ? total - 1 - index : index);
  const apiPages = (start: number, end: number) =>
    ascending && total !== null
      ? pagesCovering(total - end, total - start, PAGE_SIZE)
      : pagesCovering(start, end, PAGE_SIZE);

  const store = (page: number, list: TicketList) => {
    pages.current.set(page, list.items);
    setTotal(list.total);
    setVersion((v) => v + 1);
  };

  const load = async (page: number) => {
    if (loading.current.has(page)) return;
    loading.current.add(page);
    try {
      const result = await api.listTickets(query, PAGE_SIZE, page * PAGE_SIZE);
      if (result.changed) {
        if (page === 0) firstEtag.current = result.etag;
        store(page, result.data);
      }
      setError(null);
    } catch (err) {
      setError(errorText(err, t));
    } finally {
      loading.current.delete(page);
    }
  };

  useEffect(() => {
    void load(0);
  }, []);

  useEffect(() => {
    if (total === null) return;
    for (const page of apiPages(range.start, range.end)) {
      if (!pages.current.has(page)) void load(page);
    }
  }, [range.start, range.end, total]);

  // Live updates: the first page with its ETag; when it changed, what is on screen is fetched again.
  usePolling(
    async () => {
      const result = await api.listTickets(query, PAGE_SIZE, 0, firstEtag.current);
      if (!result.changed) return;
      firstEtag.current = result.etag;
      const before = pages.current.get(0);
      const visible = new Set(apiPages(range.start, range.end));
      for (const page of [...pages.current.keys()]) if (!visible.has(page)) pages.current.delete(page);
      store(0, result.data);
      for (const page of visible) if (page !== 0) void load(page);
      if (before && JSON.stringify(before) !== JSON.stringify(result.data.items))
        setLive(t("inbox.newTickets"));
    },
    8_000,
    [],
  );

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

  // Keyboard: arrows (and j/k) move between rows even when the next one is not rendered yet.
  useLayoutEffect(() => {
    const index = focusIndex.current;
    if (index === null) return;
    const row = scroller.current?.querySelector<HTMLAnchorElement>(`a[data-index="${index}"]`);
    if (row) {
      row.focus({ preventScroll: true });
      focusIndex.current = null;
    }
  });
  const onKeyDown = (event: KeyboardEvent) => {
    const element = scroller.current;
    const current = (event.target as HTMLElement).dataset["index"];
    if (!element || current === undefined || total === null) return;
    const moves: Record<string, number> = {
      ArrowDown: 1,
      j: 1,
      ArrowUp: -1,
      k: -1,
      PageDown: 10,
      PageUp: -10,
    };
    let next: number;
    if (event.key === "Home") next = 0;
    else if (event.key === "End") next = total - 1;
    else if (moves[event.key] !== undefined) next = Number(current) + (moves[event.key] ?? 0);
    else return;
    event.preventDefault();
    next = Math.max(0, Math.min(total - 1, next));
    const top = next * view.rowHeight;
    if (top < element.scrollTop) element.scrollTop = top;
    else if (top + view.rowHeight > element.scrollTop + element.clientHeight)
      element.scrollTop = top + view.rowHeight - element.clientHeight;
    focusIndex.current = next;
    setVersion((v) => v + 1);
  };

  const rows = [];
  for (let index = range.start; index < range.end; index++) {
    const at = apiIndex(index);
    const ticket = pages.current.get(Math.floor(at / PAGE_SIZE))?.[at % PAGE_SIZE];
    rows.push(
      <li
        key={ticket ? `t${ticket.number}` : `i${index}`}
        style={{ transform: `translateY(${index * view.rowHeight}px)` }}
        aria-setsize={total ?? -1}
        aria-posinset={index + 1}
      >
        {ticket ? (
          <TicketRow ticket={ticket} index={index} />
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
          {total === null ? t("inbox.loading") : t("inbox.count", { count: total })}
        </span>
        {live && <span class="live-dot">{live}</span>}
        <div class="cols" aria-hidden="true">
          <span>#</span>
          <span />
          <span>{t("inbox.priority")}</span>
          <span>{t("ticket.status")}</span>
          <span>{t("inbox.assignee")}</span>
          <span />
        </div>
      </div>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {total === 0 ? (
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
          style={{ "--list-h": `${(total ?? 0) * view.rowHeight}px` }}
          onScroll={(e) => {
            const scrollTop = e.currentTarget.scrollTop;
            setView((v) => (v.scrollTop === scrollTop ? v : { ...v, scrollTop }));
          }}
          onKeyDown={onKeyDown}
        >
          <ul aria-label={t("inbox.list")} style={{ height: `${(total ?? 0) * view.rowHeight}px` }}>
            {rows}
          </ul>
        </div>
      )}
    </section>
  );
}

function TicketRow({ ticket, index }: { ticket: TicketSummary; index: number }) {
  const { t, locale, userName, avatarOf } = useApp();
  return (
    <a
      class={`row ${ticket.status === "closed" ? "is-closed" : ""}`}
      href={ticketHref(ticket.number)}
      data-index={index}
    >
      <span class="num">#{ticket.number}</span>
      <span class="main">
        <span class="subject">{ticket.subject}</span>
        <span class="meta">
          <span class={`cat cat-${ticket.category as TicketCategory}`}>
            {t(`category.${ticket.category}`)}
          </span>
          <span class="dot" aria-hidden="true">
            ·
          </span>
          {userName(ticket.ownerId)}
          {/* Phones show the time here, leaving the second line to status and priority. */}
          <span class="meta-when">
            <span class="dot" aria-hidden="true">
              ·
            </span>
            {formatRelative(ticket.lastActivityAt, locale)}
          </span>
        </span>
      </span>
      <PriorityBadge priority={ticket.priority as TicketPriority} />
      <StatusBadge status={ticket.status} />
      <span class="assignee">
        {ticket.assigneeId ? (
          <>
            <Avatar
              id={ticket.assigneeId}
              name={userName(ticket.assigneeId)}
              url={avatarOf(ticket.assigneeId)}
              size={22}
            />
            <span class="assignee-name">{userName(ticket.assigneeId)}</span>
          </>
        ) : (
          <span class="muted">{t("ticket.unassigned")}</span>
        )}
      </span>
      <time class="when" dateTime={ticket.lastActivityAt} title={ticket.lastActivityAt}>
        {formatRelative(ticket.lastActivityAt, locale)}
      </time>
    </a>
  );
}
