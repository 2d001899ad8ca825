import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import { TICKET_STATUSES, type TicketStatus } from "../api";
import { useApp } from "../context";
import { formatNumber } from "../i18n";
import { usePolling } from "../poll";
import { inboxHref } from "../route";
import { InboxFilters } from "./inbox/inbox-filters";
import { queryFromParams } from "./inbox/query";
import { TicketTable } from "./inbox/ticket-table";
import "./inbox.css";

export { queryFromParams } from "./inbox/query";

/**
 * The inbox: status tabs with counts, filters (in the address, so a view can be shared and the back
 * button works), and the ticket table (pages/inbox/: virtualised rows, paging, polling, keys).
 */
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

  return (
    <div class="inbox">
      <div class="page-head">
        <h1>{t("inbox.title")}</h1>
      </div>
      <nav class="tabs" aria-label={t("inbox.statusTabs")}>
        {statusTabs.map((status) => {
          const count = status ? counts?.[status] : allCount;
          const next = new URLSearchParams(params);
          if (status) next.set("status", status);
          else next.delete("status");
          return (
            <a
              key={status || "all"}
              href={inboxHref(next)}
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
      <InboxFilters
        query={query}
        search={search}
        searchRef={searchRef}
        onSearch={setSearch}
        navigate={navigate}
        onClear={() => {
          setSearch("");
          location.hash = "#/inbox";
        }}
      />
      <TicketTable key={key} query={query} />
    </div>
  );
}
