/**
 * Windowing for long lists: only the rows in (or near) the viewport exist in the DOM, so a
 * thousand-ticket inbox costs the same to render and scroll as a twenty-ticket one.
 */
export interface WindowInput {
  scrollTop: number;
  viewportHeight: number;
  rowHeight: number;
  total: number;
  /** Extra rows rendered above and below, so fast scrolling does not show blanks. */
  overscan: number;
}

/** Rows [start, end) to render. */
export function visibleRange({ scrollTop, viewportHeight, rowHeight, total, overscan }: WindowInput): {
  start: number;
  end: number;
} {
  if (total <= 0 || rowHeight <= 0) return { start: 0, end: 0 };
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const count = Math.ceil(Math.max(0, viewportHeight) / rowHeight) + 1;
  return {
    start: Math.max(0, Math.min(total - 1, first) - overscan),
    end: Math.min(total, first + count + overscan),
  };
}

/** The page numbers (0-based, `pageSize` rows each) that hold rows [start, end). */
export function pagesCovering(start: number, end: number, pageSize: number): number[] {
  if (end <= start) return [];
  const pages: number[] = [];
  for (let page = Math.floor(start / pageSize); page * pageSize < end; page++) pages.push(page);
  return pages;
}
