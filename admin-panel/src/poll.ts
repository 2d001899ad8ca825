import { useEffect, useRef } from "preact/hooks";

/**
 * Runs `tick` every `intervalMs` while the tab is visible, and once as soon as it becomes visible
 * again. Together with ETags, a poll that finds nothing new costs one 304.
 */
export function usePolling(tick: () => Promise<void> | void, intervalMs: number, deps: unknown[]): void {
  const latest = useRef(tick);
  latest.current = tick;
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const schedule = () => {
      timer = setTimeout(run, intervalMs);
    };
    const run = async () => {
      if (stopped) return;
      if (document.visibilityState === "visible") {
        try {
          await latest.current();
        } catch {
          // The next tick retries; pages show their own errors.
        }
      }
      if (!stopped) schedule();
    };
    const onVisible = () => {
      if (document.visibilityState === "visible") {
        clearTimeout(timer);
        void run();
      }
    };
    schedule();
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      stopped = true;
      clearTimeout(timer);
      document.removeEventListener("visibilitychange", onVisible);
    };
  }, deps);
}
