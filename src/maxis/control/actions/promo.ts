import {
  CONTROL_ACTOR,
  createPromotion,
  listShop,
  parseDuration,
  shopErrorMessage,
} from "../../shop/service";
import {
  type ActionOutcome,
  type Body,
  type ControlContext,
  integerField,
  rejected,
  stringField,
} from "../context";

/** `/maxis promo 20 pro 48h`: the shop validates (1–90 %, an existing plan, 1 h–30 d) in one transaction. */
export async function promo(ctx: ControlContext, body: Body): Promise<ActionOutcome<"promo">> {
  const { t } = ctx;
  const plan = stringField(body, "plan", 64);
  if (!plan) return unknownPlan(ctx);
  const percent = integerField(body, "percent");
  if (percent === null) return rejected("invalid_percent", shopErrorMessage(t, { code: "invalid_percent" }));
  const durationSeconds = parseDuration(stringField(body, "duration", 32) ?? "");
  if (durationSeconds === null) {
    return rejected("invalid_duration", shopErrorMessage(t, { code: "invalid_duration" }));
  }
  const created = await createPromotion(ctx.env, CONTROL_ACTOR, { planId: plan, percent, durationSeconds });
  if (!created.ok) {
    if (created.error.code === "unknown_plan") return unknownPlan(ctx);
    const message = shopErrorMessage(t, created.error);
    return created.error.code === "unavailable"
      ? rejected("unavailable", message, 503)
      : rejected(created.error.code, message);
  }
  const p = created.value;
  return {
    ok: true,
    result: {
      id: p.id,
      planName: p.planName,
      percent: p.percent,
      priceCents: p.priceCents,
      promotedCents: p.promotedCents,
      currency: p.currency,
      endsAt: p.endsAt,
    },
  };
}

/** The shop's refusal, followed by the plans that do exist, so the operator can retry right away. */
async function unknownPlan(ctx: ControlContext) {
  const { t } = ctx;
  const plans = await listShop(ctx.env, CONTROL_ACTOR);
  const known = plans.ok ? plans.value.map((p) => `\`${p.id}\``).join(", ") : "";
  const message = shopErrorMessage(t, { code: "unknown_plan" });
  return rejected(
    "unknown_plan",
    known ? `${message} ${t("control.promo.existing_plans", { plans: known })}` : message,
  );
}
