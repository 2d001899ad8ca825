import { useState } from "preact/hooks";
import type { AutomationSettings } from "../../api";
import { ErrorAlert } from "../../components/form/error-alert";
import { NumberField } from "../../components/form/number-field";
import { SaveBar } from "../../components/form/save-bar";
import { useDraft } from "../../components/form/use-draft";
import { useLoaded } from "../../components/form/use-loaded";
import { useSaveable } from "../../components/form/use-saveable";
import { useApp } from "../../context";
import "./automation.css";

type NumberKey = "inactivityHours" | "warningHours" | "closeRequestHours";
const LIMITS: Record<NumberKey, number> = { inactivityHours: 720, warningHours: 168, closeRequestHours: 168 };

/**
 * The server's automation settings (GET/PATCH /api/v1/automation): a section for the Settings page.
 * Staff see them; admins change them (the API refuses anyone else, and the form says so up front).
 */
export function AutomationSettingsSection() {
  const { api } = useApp();
  const { data: loaded, error } = useLoaded(() => api.automation(), []);
  if (!loaded) return error ? <ErrorAlert error={error} /> : <div class="skeleton" aria-hidden="true" />;
  return <AutomationForm loaded={loaded} />;
}

function AutomationForm({ loaded }: { loaded: AutomationSettings }) {
  const { api, t, toast, session } = useApp();
  const [saved, setSaved] = useState(loaded);
  const { draft, setDraft, set } = useDraft(loaded);
  const { busy, error, run } = useSaveable();
  const admin = session.appRole === "admin";

  const changes = Object.fromEntries(
    Object.entries(draft).filter(([key, value]) => saved[key as keyof AutomationSettings] !== value),
  ) as Partial<AutomationSettings>;
  const save = (event: Event) => {
    event.preventDefault();
    return run(async () => {
      const next = await api.updateAutomation(changes);
      setSaved(next);
      setDraft(next);
      toast(t("automation.saved"));
    });
  };
  const hours = (key: NumberKey) => (
    <NumberField
      id={`automation-${key}`}
      label={t(`automation.${key}`)}
      min={1}
      max={LIMITS[key]}
      value={draft[key]}
      disabled={!admin || busy}
      onValue={(text) => set(key)(Number(text))}
    />
  );
  const toggle = (key: "autoCloseEnabled" | "ratingsEnabled", label: string) => (
    <label class="check">
      <input
        type="checkbox"
        checked={draft[key]}
        disabled={!admin || busy}
        onChange={(e) => set(key)(e.currentTarget.checked)}
      />
      {label}
    </label>
  );

  return (
    <section class="card automation-settings" aria-labelledby="automation-title">
      <h2 id="automation-title">{t("automation.title")}</h2>
      <p>{admin ? t("automation.lead") : t("automation.readOnly")}</p>
      <form onSubmit={save} noValidate>
        <ErrorAlert error={error} />
        {toggle("autoCloseEnabled", t("automation.autoClose"))}
        {hours("inactivityHours")}
        {hours("warningHours")}
        {hours("closeRequestHours")}
        {toggle("ratingsEnabled", t("automation.ratings"))}
        {admin && (
          <SaveBar
            busy={busy}
            disabled={Object.keys(changes).length === 0}
            label={t("automation.save")}
            savingLabel={t("settings.saving")}
          />
        )}
      </form>
    </section>
  );
}
