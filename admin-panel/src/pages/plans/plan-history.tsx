import type { Plan, PlanChange } from "../../api";
import { RelativeTime } from "../../components/relative-time";
import { useApp } from "../../context";
import type { MessageKey } from "../../i18n";

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

/** Who changed which fields of a plan, and when. */
export function PlanHistory({ history }: { history: PlanChange[] }) {
  const { t, userName } = useApp();
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
            <RelativeTime iso={change.at} />
          </li>
        ))}
      </ol>
    </section>
  );
}
