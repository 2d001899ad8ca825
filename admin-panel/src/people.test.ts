import { describe, expect, it } from "vitest";
import type { Person } from "./api";
import { createPeopleDirectory } from "./people";

function harness(answer: (ids: string[]) => Promise<Person[]>) {
  const calls: string[][] = [];
  const timers: { run: () => void; ms: number }[] = [];
  let changes = 0;
  const directory = createPeopleDirectory(
    (ids) => {
      calls.push(ids);
      return answer(ids);
    },
    () => changes++,
    (run, ms) => timers.push({ run, ms }),
  );
  const runTimers = async (ms: number) => {
    for (const timer of timers.splice(0).filter((t) => t.ms <= ms)) timer.run();
    await new Promise((r) => setTimeout(r, 0));
  };
  return { directory, calls, timers, runTimers, changes: () => changes };
}

const named = (ids: string[]) => Promise.resolve(ids.map((id) => ({ id, name: `N${id}`, avatarUrl: null })));

describe("people directory", () => {
  it("asks once for every id wanted during a render, then knows them", async () => {
    const h = harness(named);
    expect(h.directory.get("1")).toBeUndefined();
    expect(h.directory.get("2")).toBeUndefined();
    expect(h.directory.get("1")).toBeUndefined();
    expect(h.directory.get("not-an-id")).toBeUndefined();
    await h.runTimers(0);
    expect(h.calls).toEqual([["1", "2"]]);
    expect(h.changes()).toBe(1);
    expect(h.directory.get("2")?.name).toBe("N2");
    await h.runTimers(0);
    expect(h.calls).toHaveLength(1);
  });

  it("splits long lists into requests of 50", async () => {
    const h = harness(named);
    for (let i = 1; i <= 120; i++) h.directory.get(String(i));
    await h.runTimers(0);
    expect(h.calls.map((c) => c.length)).toEqual([50, 50, 20]);
  });

  it("asks again after a failure, but not at once", async () => {
    let fail = true;
    const h = harness((ids) => (fail ? Promise.reject(new Error("down")) : named(ids)));
    h.directory.get("7");
    await h.runTimers(0);
    expect(h.directory.get("7")).toBeUndefined();
    expect(h.timers.map((t) => t.ms)).toEqual([30_000]);
    fail = false;
    await h.runTimers(30_000);
    h.directory.get("7");
    await h.runTimers(0);
    expect(h.calls).toHaveLength(2);
    expect(h.directory.get("7")?.name).toBe("N7");
  });

  it("asks again for someone Discord gave no name for, and shows the name once it does", async () => {
    let answered = false;
    const h = harness((ids) =>
      Promise.resolve(ids.map((id) => ({ id, name: answered ? `N${id}` : null, avatarUrl: null }))),
    );
    h.directory.get("9");
    await h.runTimers(0);
    expect(h.directory.get("9")?.name).toBeNull();
    expect(h.calls).toHaveLength(1);
    expect(h.timers.map((t) => t.ms)).toEqual([30_000]);
    answered = true;
    await h.runTimers(30_000);
    // The pages render again (a change) and so ask again.
    expect(h.changes()).toBe(2);
    h.directory.get("9");
    await h.runTimers(0);
    expect(h.calls).toEqual([["9"], ["9"]]);
    expect(h.directory.get("9")?.name).toBe("N9");
  });
});
