import { AdminsOnly } from "../components/admins-only";
import { ErrorAlert } from "../components/form/error-alert";
import { useLoaded } from "../components/form/use-loaded";
import { useApp } from "../context";
import { planHref } from "../route";
import { PlanEditor } from "./plans/plan-editor";
import { PlanRow } from "./plans/plan-row";
import "./plans.css";

/** The server's plans (admins only): the list, and the editor of the one in the address. */
export function PlansPage({ selected }: { selected: string | null }) {
  const { api, t, session } = useApp();
  const admin = session.appRole === "admin";
  const { data: plans, error, reload } = useLoaded(async () => (admin ? api.plans() : null), [admin]);

  if (!admin) return <AdminsOnly page="plans" title={t("plans.title")} message={t("plans.adminsOnly")} />;

  return (
    <div class="plans">
      <div class="page-head">
        <h1>{t("plans.title")}</h1>
        <a class="btn primary" href={planHref("new")}>
          {t("plans.new")}
        </a>
      </div>
      <p class="lead">{t("plans.lead")}</p>
      <ErrorAlert error={error} />
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
          <PlanEditor key={selected} id={selected} onChange={reload} />
        ) : (
          <p class="card muted">{t("plans.pick")}</p>
        )}
      </div>
    </div>
  );
}
