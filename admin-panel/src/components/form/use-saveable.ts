import { useState } from "preact/hooks";
import { useApp } from "../../context";
import { errorText } from "../../error-text";

/**
 * A form's save: busy while it runs, and the refusal in the reader's language when it fails (cleared
 * when one succeeds). `run` answers whether the action went through.
 */
export function useSaveable() {
  const { t } = useApp();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (action: () => Promise<unknown>): Promise<boolean> => {
    setBusy(true);
    try {
      await action();
      setError(null);
      return true;
    } catch (err) {
      setError(errorText(err, t));
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, setError, run };
}
