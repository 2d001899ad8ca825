import { useState } from "preact/hooks";
import { useApp } from "../../context";
import { errorText } from "../../error-text";

/**
 * The refusal of the last call that went to the API, in the reader's language, cleared when one
 * succeeds. `attempt` answers whether the action went through. Loads and saves share it.
 */
export function useAttempt() {
  const { t } = useApp();
  const [error, setError] = useState<string | null>(null);
  const attempt = async (action: () => Promise<unknown>): Promise<boolean> => {
    try {
      await action();
      setError(null);
      return true;
    } catch (err) {
      setError(errorText(err, t));
      return false;
    }
  };
  return { error, setError, attempt };
}

export type Attempts = ReturnType<typeof useAttempt>;
