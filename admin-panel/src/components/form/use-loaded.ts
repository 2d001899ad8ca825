import { useEffect, useState } from "preact/hooks";
import { useAttempt } from "./use-attempt";

/**
 * What `load` answers, fetched when the component mounts and again whenever `deps` change: null until
 * the first answer, then the last one that arrived (a failed reload keeps it and sets `error`).
 * `reload` fetches again (after a save, or as a poll's tick); `setData` replaces the value in place.
 */
export function useLoaded<T>(load: () => Promise<T>, deps: unknown[]) {
  const [data, setData] = useState<T | null>(null);
  const { error, setError, attempt } = useAttempt();
  const reload = async (): Promise<void> => {
    await attempt(async () => setData(await load()));
  };
  useEffect(() => {
    void reload();
  }, deps);
  return { data, setData, error, setError, attempt, reload };
}
