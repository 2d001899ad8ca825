import { describe, expect, it } from "vitest";
import { pagesCovering, visibleRange } from "./virtual";

describe("visibleRange", () => {
  const base = { rowHeight: 50, total: 1000, overscan: 5, viewportHeight: 500 };

  it("renders the viewport plus the overscan, never past either end", () => {
    expect(visibleRange({ ...base, scrollTop: 0 })).toEqual({ start: 0, end: 16 });
    expect(visibleRange({ ...base, scrollTop: 5000 })).toEqual({ start: 95, end: 116 });
    expect(visibleRange({ ...base, scrollTop: 49_900 })).toEqual({ start: 993, end: 1000 });
  });

  it("keeps the DOM small whatever the list length", () => {
    const { start, end } = visibleRange({ ...base, total: 100_000, scrollTop: 2_000_000 });
    expect(end - start).toBeLessThanOrEqual(21);
  });

  it("renders nothing for an empty list", () => {
    expect(visibleRange({ ...base, total: 0, scrollTop: 0 })).toEqual({ start: 0, end: 0 });
  });
});

describe("pagesCovering", () => {
  it("lists every page a row range touches", () => {
    expect(pagesCovering(0, 16, 50)).toEqual([0]);
    expect(pagesCovering(45, 60, 50)).toEqual([0, 1]);
    expect(pagesCovering(100, 100, 50)).toEqual([]);
  });
});
