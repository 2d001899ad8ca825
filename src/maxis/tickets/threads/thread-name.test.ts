import { describe, expect, it } from "vitest";
import { THREAD_NAME_LIMIT, threadName } from "./thread-name";

describe("threadName", () => {
  it("is the number and the subject on one line", () => {
    expect(threadName(42, "  Broken\n login  ")).toBe("#42 Broken login");
  });

  it("stops at Discord's 100 characters without cutting an emoji in half", () => {
    const name = threadName(7, `${"a".repeat(96)}😀`);
    expect(name.length).toBeLessThanOrEqual(THREAD_NAME_LIMIT);
    expect(name).toBe(`#7 ${"a".repeat(96)}`);
    expect(threadName(7, "x".repeat(200))).toHaveLength(THREAD_NAME_LIMIT);
  });
});
