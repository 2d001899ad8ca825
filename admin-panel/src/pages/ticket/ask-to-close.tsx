import { useState } from "preact/hooks";
import { useApp } from "../../context";
import { errorText } from "../../error-text";

/**
 * "Ask the member to close" on a ticket not closed: Maxis asks the owner in their thread (or by DM),
 * with Accept / Keep open; without an answer the ticket closes after the server's delay.
 */
export function AskToCloseButton({ number, onAsked }: { number: number; onAsked?: () => void }) {
  const { api, t, toast } = useApp();
  const [busy, setBusy] = useState(false);
  const ask = async () => {
    setBusy(true);
    try {
      const { hours } = await api.askToClose(number);
      toast(t("automation.askCloseSent", { hours }));
      onAsked?.();
    } catch (err) {
      toast(errorText(err, t), "error");
    } finally {
      setBusy(false);
    }
  };
  return (
    <button type="button" class="btn ghost wide" disabled={busy} onClick={() => void ask()}>
      {t("automation.askClose")}
    </button>
  );
}
