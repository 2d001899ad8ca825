import { EventEmitter } from "node:events";
import { describe, expect, it } from "vitest";
import { withoutProcessHooks } from "./process-hooks";

describe("withoutProcessHooks", () => {
  it("removes only the listeners added while starting, for the events named", async () => {
    const emitter = new EventEmitter();
    const ours = () => {};
    emitter.on("SIGTERM", ours);
    const started = await withoutProcessHooks(
      ["SIGTERM", "beforeExit"],
      async () => {
        emitter.on("SIGTERM", () => process.exit());
        emitter.on("beforeExit", () => process.exit(0));
        emitter.on("data", ours);
        return "server";
      },
      emitter,
    );
    expect(started).toBe("server");
    expect(emitter.listeners("SIGTERM")).toEqual([ours]);
    expect(emitter.listenerCount("beforeExit")).toBe(0);
    expect(emitter.listeners("data")).toEqual([ours]);
  });

  it("cleans up when starting fails, and passes the error on", async () => {
    const emitter = new EventEmitter();
    await expect(
      withoutProcessHooks(
        ["SIGTERM"],
        async () => {
          emitter.on("SIGTERM", () => {});
          throw new Error("port taken");
        },
        emitter,
      ),
    ).rejects.toThrow("port taken");
    expect(emitter.listenerCount("SIGTERM")).toBe(0);
  });
});
