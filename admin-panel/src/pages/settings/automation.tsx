import { useEffect, useState } from "preact/hooks";
import type { AutomationSettings } from "../../api";
import { useApp } from "../../context";
import { errorText } from "../../error-text";
import "./automation.css";

type NumberKey = "inactivityHours" | "warningHours" | "closeRequestHours";
const LIMITS: Record<NumberKey, number> = { inactivityHours: 720, warningHours: 168, closeRequestHours: 168 };

/**
 * The server's automation settings (GET/PATCH /api/v1/automation): a section for the Settings page.
 * Staff see them; admins change them (the API refuses anyone else, and the form says so up front).
 */
export function AutomationSettingsSection() {
  const { api, t, toast, session } = useApp();
  const [saved, setSaved] = useState<AutomationSettings | null>(null);
  const [draft, setDraft] = useState<AutomationSettings | null>(null);
  const [busy, setBusy] = useState(false);
  const admin = session.appRole === "admin";

  useEffect(() => {
    api.automation().then(
      (settings) => {
        setSaved(settings);
        setDraft(settings);
      },
      (err: unknown) => toast(errorText(err, t), "error"),
    );
  }, []);
  if (!draft || !saved) return <div class="skeleton" aria-hidden="true" />;

  const changes = Object.fromEntries(
    Object.entries(draft).filter(([key, value]) => saved[key as keyof AutomationSettings] !== value),
  ) as Partial<AutomationSettings>;
  const save = async () => {
    setBusy(true);
    try {
      const next = await api.updateAutomation(changes);
      setSaved(next);
      setDraft(next);
      toast(t("automation.saved"));
    } catch (err) {
      toast(errorText(err, t), "error");
    } finally {
      setBusy(false);
    }
  };
  const hours = (key: NumberKey) => (
    <div class="field">
      <label for={`automation-${key}`}>{t(`automation.${key}`)}</label>
      <input
        id={`automation-${key}`}
        type="number"
        min={1}
        max={LIMITS[key]}
        step={1}
        value={draft[key]}
        disabled={!admin || busy}
        onInput={(e) => setDraft({ ...draft, [key]: Number(e.currentTarget.value) })}
      />
    </div>
  );
  const toggle = (key: "autoCloseEnabled" | "ratingsEnabled", label: string) => (
    <label class="check">
      <input
        type="checkbox"
        checked={draft[key]}
        disabled={!admin || busy}
        onChange={(e) => setDraft({ ...draft, [key]: e.currentTarget.checked })}
      />
      {label}
    </label>
  );

  return (
    <section class="card automation-settings" aria-labelledby="automation-title">
      <h2 id="automation-title">{t("automation.title")}</h2>
      <p>{admin ? t("automation.lead") : t("automation.readOnly")}</p>
      {toggle("autoCloseEnabled", t("automation.autoClose"))}
      {hours("inactivityHours")}
      {hours("warningHours")}
      {hours("closeRequestHours")}
      {toggle("ratingsEnabled", t("automation.ratings"))}
      {admin && (
        <div class="actions">
          <button
            type="button"
            class="btn primary"
            disabled={busy || Object.keys(changes).length === 0}
            onClick={() => void save()}
          >
            {t("automation.save")}
          </button>
        </div>
      )}
    </section>
  );
}
