import { useEffect, useRef, useState } from "preact/hooks";
import { type InboxQuery, TICKET_LIMITS, type TicketList, type TicketListItem } from "../../api";
import { useAttempt } from "../../components/form/use-attempt";
import { useApp } from "../../context";
import { usePolling } from "../../poll";
import { pagesCovering, visibleRange } from "../../virtual";

export const PAGE_SIZE = TICKET_LIMITS.pageSize;

/**
 * The inbox's tickets, fetched a page at a time as rows scroll into `view`, and kept live:
 * the first page is polled with its ETag, and when it changed, the pages on screen are fetched again.
 * "Oldest first" reads the API's newest-first pages from the end; "due" is the API's own order.
 */
export function useTicketPages(
  query: InboxQuery,
  view: { scrollTop: number; height: number; rowHeight: number },
) {
  const { api, t } = useApp();
  const pages = useRef(new Map<number, TicketListItem[]>());
  const loading = useRef(new Set<number>());
  const firstEtag = useRef<string | null>(null);
  const [total, setTotal] = useState<number | null>(null);
  const { error, attempt } = useAttempt();
  const [live, setLive] = useState("");
  const [version, setVersion] = useState(0);
  const range = visibleRange({
    scrollTop: view.scrollTop,
    viewportHeight: view.height,
    rowHeight: view.rowHeight,
    total: total ?? 0,
    overscan: 8,
  });

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
      await attempt(async () => {
        const result = await api.listTickets(query, PAGE_SIZE, page * PAGE_SIZE);
        if (result.changed) {
          if (page === 0) firstEtag.current = result.etag;
          store(page, result.data);
        }
      });
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

  /** The ticket shown at row `index`, or undefined while its page loads. */
  const ticketAt = (index: number): TicketListItem | undefined => {
    const at = apiIndex(index);
    return pages.current.get(Math.floor(at / PAGE_SIZE))?.[at % PAGE_SIZE];
  };

  return { total, error, live, version, range, ticketAt };
}
