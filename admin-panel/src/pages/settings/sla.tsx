import { useState } from "preact/hooks";
import { TICKET_PRIORITIES } from "../../api";
import { ErrorAlert } from "../../components/form/error-alert";
import { Field } from "../../components/form/field";
import { NumberField } from "../../components/form/number-field";
import { useLoaded } from "../../components/form/use-loaded";
import { useSaveable } from "../../components/form/use-saveable";
import { useApp } from "../../context";
import { changesOf, draftOf, minutesText, minutesValue, type SlaDraft } from "./sla-form";
import "./sla.css";

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/** The browser's list of IANA zones (Chromium, Firefox, Safari), or the zone already saved. */
const zones = (current: string): string[] => {
  const list = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  return list.includes(current) ? list : [current, ...list];
};

/**
 * Response-time targets, a self-contained settings section (GET/PATCH /api/v1/sla): on or off, the
 * business hours (time zone, one span per weekday or 24/7, holidays), each priority's first-response
 * and resolution targets in minutes, when "approaching" warns, and the on-call role escalations
 * mention. Staff read it; only admins save (the server refuses anyone else).
 */
export function SlaSettingsSection() {
  const { api, t, session } = useApp();
  const loaded = useLoaded(async () => draftOf(await api.sla()), []);
  const { data: draft, setData: setDraft } = loaded;
  const { busy, error, run } = useSaveable(loaded);
  const [saved, setSaved] = useState(false);
  const readOnly = session.appRole !== "admin";

  const change = (next: Partial<SlaDraft>) => {
    setSaved(false);
    setDraft((d) => (d ? { ...d, ...next } : d));
  };

  const save = async (event: Event) => {
    event.preventDefault();
    if (!draft) return;
    await run(async () => {
      setDraft(draftOf(await api.updateSla(changesOf(draft))));
      setSaved(true);
    });
  };

  return (
    <section class="card wide-card sla-settings" aria-labelledby="sla-settings-title">
      <h2 id="sla-settings-title">{t("slaSettings.title")}</h2>
      <p class="muted small">{t("slaSettings.intro")}</p>
      <ErrorAlert error={error} />
      {!draft ? (
        <div class="skeleton chart-skeleton" aria-hidden="true" />
      ) : (
        <form onSubmit={save}>
          <fieldset disabled={readOnly || busy}>
            <label class="check">
              <input
                type="checkbox"
                checked={draft.enabled}
                onChange={(e) => change({ enabled: e.currentTarget.checked })}
              />
              {t("slaSettings.enabled")}
            </label>
            <Field id="sla-zone" label={t("slaSettings.timeZone")}>
              <select
                id="sla-zone"
                value={draft.timeZone}
                onChange={(e) => change({ timeZone: e.currentTarget.value })}
              >
                {zones(draft.timeZone).map((zone) => (
                  <option key={zone} value={zone}>
                    {zone}
                  </option>
                ))}
              </select>
            </Field>
            <label class="check">
              <input
                type="checkbox"
                checked={draft.allDay}
                onChange={(e) => change({ allDay: e.currentTarget.checked })}
              />
              {t("slaSettings.allDay")}
            </label>
            {!draft.allDay && (
              <table class="sla-hours">
                <caption class="visually-hidden">{t("slaSettings.hours")}</caption>
                <tbody>
                  {WEEKDAYS.map((day, i) => {
                    const hours = draft.days[i] ?? { open: false, from: "09:00", to: "18:00" };
                    const setDay = (next: Partial<typeof hours>) =>
                      change({ days: draft.days.map((d, j) => (j === i ? { ...d, ...next } : d)) });
                    return (
                      <tr key={day}>
                        <th scope="row">
                          <label class="check">
                            <input
                              type="checkbox"
                              checked={hours.open}
                              onChange={(e) => setDay({ open: e.currentTarget.checked })}
                            />
                            {t(`slaSettings.day.${day}`)}
                          </label>
                        </th>
                        <td>
                          <input
                            type="time"
                            aria-label={t("slaSettings.from")}
                            value={hours.from}
                            disabled={!hours.open}
                            onChange={(e) => setDay({ from: e.currentTarget.value })}
                          />
                        </td>
                        <td>
                          <input
                            type="time"
                            aria-label={t("slaSettings.to")}
                            value={hours.to === "24:00" ? "23:59" : hours.to}
                            disabled={!hours.open}
                            onChange={(e) => setDay({ to: e.currentTarget.value })}
                          />
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            )}
            <Field id="sla-holidays" label={t("slaSettings.holidays")}>
              <textarea
                id="sla-holidays"
                rows={3}
                placeholder="2026-12-25"
                value={draft.holidaysText}
                onInput={(e) => change({ holidaysText: e.currentTarget.value })}
              />
            </Field>
            <table class="sla-targets">
              <thead>
                <tr>
                  <th scope="col">{t("inbox.priority")}</th>
                  <th scope="col">{t("slaSettings.firstResponse")}</th>
                  <th scope="col">{t("slaSettings.resolution")}</th>
                </tr>
              </thead>
              <tbody>
                {TICKET_PRIORITIES.map((p) => (
                  <tr key={p}>
                    <th scope="row">{t(`priority.${p}`)}</th>
                    {(["firstResponse", "resolution"] as const).map((kind) => (
                      <td key={kind}>
                        <input
                          type="number"
                          min={1}
                          max={525600}
                          inputMode="numeric"
                          aria-label={`${t(`priority.${p}`)} · ${t(`slaSettings.${kind}`)}`}
                          value={minutesText(draft.targets[p][kind])}
                          onInput={(e) =>
                            change({
                              targets: {
                                ...draft.targets,
                                [p]: { ...draft.targets[p], [kind]: minutesValue(e.currentTarget.value) },
                              },
                            })
                          }
                        />
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
            <NumberField
              id="sla-warn"
              label={t("slaSettings.warnPercent")}
              min={50}
              max={99}
              value={draft.warnPercent}
              onValue={(text) => change({ warnPercent: Number.parseInt(text, 10) })}
            />
            <Field id="sla-on-call" label={t("slaSettings.onCallRole")}>
              <input
                id="sla-on-call"
                inputMode="numeric"
                value={draft.onCallRoleId ?? ""}
                onInput={(e) => change({ onCallRoleId: e.currentTarget.value })}
              />
            </Field>
            {!readOnly && (
              <button type="submit" class="btn">
                {t("slaSettings.save")}
              </button>
            )}
            {saved && (
              <span class="muted small" role="status">
                {" "}
                {t("slaSettings.saved")}
              </span>
            )}
          </fieldset>
          {readOnly && <p class="muted small">{t("slaSettings.adminsOnly")}</p>}
        </form>
      )}
    </section>
  );
}
