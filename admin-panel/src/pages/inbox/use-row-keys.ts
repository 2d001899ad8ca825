import type { RefObject } from "preact";
import { useLayoutEffect, useRef, useState } from "preact/hooks";

const MOVES: Record<string, number> = { ArrowDown: 1, j: 1, ArrowUp: -1, k: -1, PageDown: 10, PageUp: -10 };

/**
 * Keyboard navigation in a virtualised list: arrows (and j/k), Page Up/Down, Home and End move the
 * focus between row links (`data-index`), scrolling first when the next row is not rendered yet.
 */
export function useRowKeys(
  scroller: RefObject<HTMLDivElement | null>,
  total: number | null,
  rowHeight: number,
) {
  const focusIndex = useRef<number | null>(null);
  const [, setVersion] = useState(0);

  useLayoutEffect(() => {
    const index = focusIndex.current;
    if (index === null) return;
    const row = scroller.current?.querySelector<HTMLAnchorElement>(`a[data-index="${index}"]`);
    if (row) {
      row.focus({ preventScroll: true });
      focusIndex.current = null;
    }
  });

  return (event: KeyboardEvent) => {
    const element = scroller.current;
    const current = (event.target as HTMLElement).dataset["index"];
    if (!element || current === undefined || total === null) return;
    let next: number;
    if (event.key === "Home") next = 0;
    else if (event.key === "End") next = total - 1;
    else if (MOVES[event.key] !== undefined) next = Number(current) + (MOVES[event.key] ?? 0);
    else return;
    event.preventDefault();
    next = Math.max(0, Math.min(total - 1, next));
    const top = next * rowHeight;
    if (top < element.scrollTop) element.scrollTop = top;
    else if (top + rowHeight > element.scrollTop + element.clientHeight)
      element.scrollTop = top + rowHeight - element.clientHeight;
    focusIndex.current = next;
    setVersion((v) => v + 1);
  };
}
