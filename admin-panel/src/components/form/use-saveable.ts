import { useState } from "preact/hooks";
import { type Attempts, useAttempt } from "./use-attempt";

/**
 * A form's save: busy while it runs, and the refusal in the reader's language when it fails (cleared
 * when one succeeds). `run` answers whether the action went through. Given `shared` (a `useLoaded`),
 * the save and the load report in one place, the last one's outcome showing.
 */
export function useSaveable(shared?: Attempts) {
  const [busy, setBusy] = useState(false);
  const own = useAttempt();
  const { error, setError, attempt } = shared ?? own;
  const run = async (action: () => Promise<unknown>): Promise<boolean> => {
    setBusy(true);
    try {
      return await attempt(action);
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, setError, run };
}
