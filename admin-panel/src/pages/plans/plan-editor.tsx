import { formatPrice } from "../../../../src/shared/i18n/currency";
import { PLAN_CURRENCIES, PLAN_DURATIONS, PLAN_LIMITS, type PlanDuration } from "../../api";
import { ErrorAlert } from "../../components/form/error-alert";
import { Field } from "../../components/form/field";
import { SaveBar } from "../../components/form/save-bar";
import { useDraft } from "../../components/form/use-draft";
import { useLoaded } from "../../components/form/use-loaded";
import { useSaveable } from "../../components/form/use-saveable";
import { useApp } from "../../context";
import { planHref } from "../../route";
import { PlanDiscord } from "./plan-discord";
import { type Draft, draftOf, EMPTY, inputOf, whole } from "./plan-draft";
import { PlanHistory } from "./plan-history";
import { TextField } from "./text-field";

/** A plan's form ("new" creates one), its Discord side and its history. */
export function PlanEditor({ id, onChange }: { id: string; onChange: () => Promise<void> }) {
  const { api, t, locale, toast } = useApp();
  const creating = id === "new";
  const { draft, setDraft, set } = useDraft<Draft>(EMPTY);
  const loaded = useLoaded(async () => {
    if (creating) return null;
    const view = await api.plan(id);
    setDraft(draftOf(view.plan));
    return view;
  }, [id]);
  const { reload: open } = loaded;
  const plan = loaded.data?.plan ?? null;
  const history = loaded.data?.history ?? [];
  const { busy, error, run } = useSaveable(loaded);

  const submit = (event: Event) => {
    event.preventDefault();
    return run(async () => {
      // A number that is not one goes as null (JSON has no NaN): Maxis names the field in its answer.
      const input = inputOf(draft);
      if (creating) {
        const created = await api.createPlan(input);
        toast(t("plans.created"));
        await onChange();
        location.hash = planHref(created.id);
      } else if (plan) {
        await api.updatePlan(plan.id, plan.updatedAt, input);
        toast(t("plans.saved"));
        await Promise.all([onChange(), open()]);
      }
    });
  };

  const archive = () =>
    plan &&
    run(async () => {
      await api.archivePlan(plan.id);
      toast(t("plans.archivedToast"));
      await Promise.all([onChange(), open()]);
    });

  const preview = (cents: string) => {
    const amount = whole(cents);
    return Number.isFinite(amount) && amount >= 0 ? `= ${formatPrice(amount, draft.currency, locale)}` : "";
  };
  const title = creating ? t("plans.createTitle") : t("plans.editTitle", { name: plan?.name ?? "…" });
  const number = (field: "priceCents" | "floorCents" | "sortOrder", id: string, hinted: boolean) => (
    <input
      id={id}
      inputMode="numeric"
      value={draft[field]}
      aria-describedby={hinted ? `${id}-${field === "priceCents" ? "preview" : "hint"}` : undefined}
      onInput={(e) => set(field)(e.currentTarget.value)}
    />
  );

  return (
    <div class="plan-editor">
      <form class="card plan-form" aria-labelledby="plan-form-title" onSubmit={submit} noValidate>
        <h2 id="plan-form-title">{title}</h2>
        <ErrorAlert error={error} />
        <Field id="plan-key" label={t("plans.key")} hint={t("plans.keyHint")}>
          <input
            id="plan-key"
            value={draft.key}
            maxLength={PLAN_LIMITS.key}
            aria-describedby="plan-key-hint"
            autoComplete="off"
            onInput={(e) => set("key")(e.currentTarget.value)}
          />
        </Field>
        {(["name", "description"] as const).map((field) => (
          <div class="field-row" key={field}>
            <TextField
              id={`plan-${field}`}
              label={t(`plans.${field}`)}
              value={draft[field]}
              onInput={set(field)}
              multiline={field === "description"}
            />
            <TextField
              id={`plan-${field}-fr`}
              label={t(`plans.${field}Fr`)}
              value={draft[`${field}Fr`]}
              onInput={set(`${field}Fr`)}
              hint={t("plans.frHint")}
              multiline={field === "description"}
            />
          </div>
        ))}
        <div class="field-row">
          <Field
            id="plan-price"
            label={t("plans.price")}
            hint={preview(draft.priceCents)}
            hintId="plan-price-preview"
          >
            {number("priceCents", "plan-price", true)}
          </Field>
          <Field
            id="plan-floor"
            label={t("plans.floor")}
            hint={
              <>
                {preview(draft.floorCents)} {t("plans.floorHint")}
              </>
            }
          >
            {number("floorCents", "plan-floor", true)}
          </Field>
        </div>
        <div class="field-row">
          <Field id="plan-currency" label={t("plans.currency")}>
            <select
              id="plan-currency"
              value={draft.currency}
              onChange={(e) => set("currency")(e.currentTarget.value)}
            >
              {PLAN_CURRENCIES.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          </Field>
          <Field id="plan-duration" label={t("plans.duration")}>
            <select
              id="plan-duration"
              value={draft.duration}
              onChange={(e) => set("duration")(e.currentTarget.value as PlanDuration)}
            >
              {PLAN_DURATIONS.map((d) => (
                <option key={d} value={d}>
                  {t(`plans.duration.${d}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field id="plan-sort" label={t("plans.sortOrder")}>
            {number("sortOrder", "plan-sort", false)}
          </Field>
        </div>
        {!creating && (
          <label class="check">
            <input
              type="checkbox"
              checked={draft.active}
              onChange={(e) => set("active")(e.currentTarget.checked)}
            />
            {t("plans.onSale")}
          </label>
        )}
        <SaveBar
          busy={busy}
          label={t(creating ? "plans.create" : "plans.save")}
          savingLabel={t("plans.saving")}
        >
          {plan?.active && (
            <button type="button" class="btn danger" disabled={busy} onClick={archive}>
              {t("plans.archive")}
            </button>
          )}
        </SaveBar>
      </form>
      {plan && (
        <PlanDiscord key={plan.updatedAt} plan={plan} onSaved={() => Promise.all([onChange(), open()])} />
      )}
      {!creating && history.length > 0 && <PlanHistory history={history} />}
    </div>
  );
}
