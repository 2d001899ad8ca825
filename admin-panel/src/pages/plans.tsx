import { useEffect, useState } from "preact/hooks";
import { formatPrice } from "../../../src/shared/i18n/currency";
import {
  PLAN_CURRENCIES,
  PLAN_DURATIONS,
  PLAN_LIMITS,
  type Plan,
  type PlanChange,
  type PlanDuration,
  type PlanInput,
} from "../api";
import { useApp } from "../context";
import { errorText } from "../error-text";
import { formatDateTime, formatRelative, type MessageKey } from "../i18n";
import { planHref } from "../route";
import { PlanDiscord } from "./plan-discord";

/** The server's plans (admins only): the list, and the editor of the one in the address. */
export function PlansPage({ selected }: { selected: string | null }) {
  const { api, t, session } = useApp();
  const [plans, setPlans] = useState<Plan[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const admin = session.appRole === "admin";

  const load = async () => {
    try {
      setPlans(await api.plans());
      setError(null);
    } catch (err) {
      setError(errorText(err, t));
    }
  };
  useEffect(() => {
    if (admin) void load();
  }, [admin]);

  if (!admin) {
    return (
      <div class="plans">
        <div class="page-head">
          <h1>{t("plans.title")}</h1>
        </div>
        <p class="error" role="alert">
          {t("plans.adminsOnly")}
        </p>
      </div>
    );
  }

  return (
    <div class="plans">
      <div class="page-head">
        <h1>{t("plans.title")}</h1>
        <a class="btn primary" href={planHref("new")}>
          {t("plans.new")}
        </a>
      </div>
      <p class="lead">{t("plans.lead")}</p>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <div class="plans-layout">
        <section class="card" aria-labelledby="plans-list-title">
          <h2 id="plans-list-title">{t("plans.list")}</h2>
          {plans?.length === 0 && <p class="muted">{t("plans.empty")}</p>}
          <ul class="plan-list">
            {(plans ?? []).map((plan) => (
              <PlanRow key={plan.id} plan={plan} current={plan.id === selected} />
            ))}
          </ul>
        </section>
        {selected ? (
          <PlanEditor key={selected} id={selected} onChange={load} />
        ) : (
          <p class="card muted">{t("plans.pick")}</p>
        )}
      </div>
    </div>
  );
}

function PlanRow({ plan, current }: { plan: Plan; current: boolean }) {
  const { t, locale } = useApp();
  const name = (locale === "fr" && plan.nameFr) || plan.name;
  return (
    <li>
      <a
        href={planHref(plan.id)}
        aria-current={current ? "true" : undefined}
        class={plan.active ? "" : "archived"}
      >
        <span class="plan-name">{name}</span>
        <code>{plan.key}</code>
        <span class="plan-price">
          {t(`plans.perDuration.${plan.duration}`, {
            price: formatPrice(plan.priceCents, plan.currency, locale),
          })}
        </span>
        <span class={`badge ${plan.active ? "on-sale" : "archived"}`}>
          {t(plan.active ? "plans.active" : "plans.archived")}
        </span>
      </a>
    </li>
  );
}

/** The form's state: numbers as typed, so a half-typed value is never rewritten under the cursor. */
interface Draft {
  key: string;
  name: string;
  nameFr: string;
  description: string;
  descriptionFr: string;
  priceCents: string;
  floorCents: string;
  currency: string;
  duration: PlanDuration;
  active: boolean;
  sortOrder: string;
}

const EMPTY: Draft = {
  key: "",
  name: "",
  nameFr: "",
  description: "",
  descriptionFr: "",
  priceCents: "",
  floorCents: "0",
  currency: "EUR",
  duration: "month",
  active: true,
  sortOrder: "",
};

const draftOf = (plan: Plan): Draft => ({
  ...plan,
  priceCents: String(plan.priceCents),
  floorCents: String(plan.floorCents),
  sortOrder: String(plan.sortOrder),
});

/** A whole number as typed, or NaN: the API then names the field, the database judges the range. */
const whole = (text: string): number => (/^-?\d{1,12}$/.test(text.trim()) ? Number(text.trim()) : Number.NaN);

function inputOf(draft: Draft): PlanInput {
  return {
    key: draft.key,
    name: draft.name,
    nameFr: draft.nameFr,
    description: draft.description,
    descriptionFr: draft.descriptionFr,
    priceCents: whole(draft.priceCents),
    floorCents: whole(draft.floorCents),
    currency: draft.currency,
    duration: draft.duration,
    active: draft.active,
    sortOrder: draft.sortOrder.trim() === "" ? null : whole(draft.sortOrder),
  };
}

type EditableField = Exclude<keyof Plan, "id" | "guildId" | "createdAt" | "updatedAt">;

const FIELD_LABELS: Record<EditableField, MessageKey> = {
  key: "plans.key",
  name: "plans.name",
  nameFr: "plans.nameFr",
  description: "plans.description",
  descriptionFr: "plans.descriptionFr",
  priceCents: "plans.price",
  floorCents: "plans.floor",
  currency: "plans.currency",
  duration: "plans.duration",
  sortOrder: "plans.sortOrder",
  active: "plans.onSale",
  roleId: "plans.role",
  skuId: "plans.sku",
};
const FIELD_ORDER = Object.keys(FIELD_LABELS) as EditableField[];

function PlanEditor({ id, onChange }: { id: string; onChange: () => Promise<void> }) {
  const { api, t, locale, toast } = useApp();
  const creating = id === "new";
  const [plan, setPlan] = useState<Plan | null>(null);
  const [history, setHistory] = useState<PlanChange[]>([]);
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const open = async () => {
    if (creating) return;
    try {
      const view = await api.plan(id);
      setPlan(view.plan);
      setHistory(view.history);
      setDraft(draftOf(view.plan));
      setError(null);
    } catch (err) {
      setError(errorText(err, t));
    }
  };
  useEffect(() => {
    void open();
  }, [id]);

  const set =
    <K extends keyof Draft>(field: K) =>
    (value: Draft[K]) =>
      setDraft((d) => ({ ...d, [field]: value }));

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    try {
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
      setError(null);
    } catch (err) {
      setError(errorText(err, t));
    } finally {
      setBusy(false);
    }
  };

  const archive = async () => {
    if (!plan) return;
    setBusy(true);
    try {
      await api.archivePlan(plan.id);
      toast(t("plans.archivedToast"));
      await Promise.all([onChange(), open()]);
    } catch (err) {
      setError(errorText(err, t));
    } finally {
      setBusy(false);
    }
  };

  const preview = (cents: string) => {
    const amount = whole(cents);
    return Number.isFinite(amount) && amount >= 0 ? `= ${formatPrice(amount, draft.currency, locale)}` : "";
  };
  const title = creating ? t("plans.createTitle") : t("plans.editTitle", { name: plan?.name ?? "…" });

  return (
    <div class="plan-editor">
      <form class="card plan-form" aria-labelledby="plan-form-title" onSubmit={submit} noValidate>
        <h2 id="plan-form-title">{title}</h2>
        {error && (
          <p class="error" role="alert">
            {error}
          </p>
        )}
        <div class="field">
          <label for="plan-key">{t("plans.key")}</label>
          <input
            id="plan-key"
            value={draft.key}
            maxLength={PLAN_LIMITS.key}
            aria-describedby="plan-key-hint"
            autoComplete="off"
            onInput={(e) => set("key")(e.currentTarget.value)}
          />
          <small id="plan-key-hint">{t("plans.keyHint")}</small>
        </div>
        <div class="field-row">
          <TextField id="plan-name" label={t("plans.name")} value={draft.name} onInput={set("name")} />
          <TextField
            id="plan-name-fr"
            label={t("plans.nameFr")}
            value={draft.nameFr}
            onInput={set("nameFr")}
            hint={t("plans.frHint")}
          />
        </div>
        <div class="field-row">
          <TextField
            id="plan-description"
            label={t("plans.description")}
            value={draft.description}
            onInput={set("description")}
            multiline
          />
          <TextField
            id="plan-description-fr"
            label={t("plans.descriptionFr")}
            value={draft.descriptionFr}
            onInput={set("descriptionFr")}
            hint={t("plans.frHint")}
            multiline
          />
        </div>
        <div class="field-row">
          <div class="field">
            <label for="plan-price">{t("plans.price")}</label>
            <input
              id="plan-price"
              inputMode="numeric"
              value={draft.priceCents}
              aria-describedby="plan-price-preview"
              onInput={(e) => set("priceCents")(e.currentTarget.value)}
            />
            <small id="plan-price-preview">{preview(draft.priceCents)}</small>
          </div>
          <div class="field">
            <label for="plan-floor">{t("plans.floor")}</label>
            <input
              id="plan-floor"
              inputMode="numeric"
              value={draft.floorCents}
              aria-describedby="plan-floor-hint"
              onInput={(e) => set("floorCents")(e.currentTarget.value)}
            />
            <small id="plan-floor-hint">
              {preview(draft.floorCents)} {t("plans.floorHint")}
            </small>
          </div>
        </div>
        <div class="field-row">
          <div class="field">
            <label for="plan-currency">{t("plans.currency")}</label>
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
          </div>
          <div class="field">
            <label for="plan-duration">{t("plans.duration")}</label>
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
          </div>
          <div class="field">
            <label for="plan-sort">{t("plans.sortOrder")}</label>
            <input
              id="plan-sort"
              inputMode="numeric"
              value={draft.sortOrder}
              onInput={(e) => set("sortOrder")(e.currentTarget.value)}
            />
          </div>
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
        <div class="actions">
          <button type="submit" class="btn primary" disabled={busy}>
            {busy ? t("plans.saving") : t(creating ? "plans.create" : "plans.save")}
          </button>
          {plan?.active && (
            <button type="button" class="btn danger" disabled={busy} onClick={archive}>
              {t("plans.archive")}
            </button>
          )}
        </div>
      </form>
      {plan && (
        <PlanDiscord key={plan.updatedAt} plan={plan} onSaved={() => Promise.all([onChange(), open()])} />
      )}
      {!creating && history.length > 0 && <PlanHistory history={history} />}
    </div>
  );
}

function PlanHistory({ history }: { history: PlanChange[] }) {
  const { t, locale, userName } = useApp();
  const changed = ({ before, after }: PlanChange) => {
    const fields = FIELD_ORDER.filter((field) => before && before[field] !== after[field]);
    return fields.length
      ? fields.map((field) => t(FIELD_LABELS[field])).join(", ")
      : t("plans.change.nothing");
  };
  return (
    <section class="card history" aria-labelledby="plan-history-title">
      <h2 id="plan-history-title">{t("plans.history")}</h2>
      <ol class="timeline">
        {history.map((change) => (
          <li key={change.id}>
            <span class="ev-text">
              {t(`plans.change.${change.action}`, {
                actor: userName(change.actorId),
                fields: changed(change),
              })}
            </span>
            <time dateTime={change.at} title={formatDateTime(change.at, locale)}>
              {formatRelative(change.at, locale)}
            </time>
          </li>
        ))}
      </ol>
    </section>
  );
}

function TextField(props: {
  id: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  hint?: string;
  multiline?: boolean;
}) {
  const hintId = props.hint ? `${props.id}-hint` : undefined;
  const common = {
    id: props.id,
    value: props.value,
    "aria-describedby": hintId,
    maxLength: props.multiline ? PLAN_LIMITS.description : PLAN_LIMITS.name,
    onInput: (e: Event) => props.onInput((e.currentTarget as HTMLInputElement | HTMLTextAreaElement).value),
  };
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      {props.multiline ? <textarea rows={3} {...common} /> : <input {...common} />}
      {props.hint && <small id={hintId}>{props.hint}</small>}
    </div>
  );
}
