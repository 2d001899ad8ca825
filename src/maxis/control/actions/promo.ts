import { parseDuration } from "../../../shared/duration";
import { CONTROL_ACTOR, createPromotion, listShop, shopErrorMessage } from "../../shop/service";
import {
  type ActionOutcome,
  type Body,
  type ControlContext,
  integerField,
  rejected,
  stringField,
} from "../context";
import { isServerId, serverName } from "../servers";

/**
 * `/maxis promo percent:20 plan:pro duration:48h [server:<id>]`: the shop validates (a server, 1–90 %,
 * an active plan of that server, 1 h–30 d) in one transaction; only that server's /shop changes.
 * Without a server, the promotion is for Maxis's home server (DISCORD_GUILD_ID).
 */
export async function promo(ctx: ControlContext, body: Body): Promise<ActionOutcome<"promo">> {
  const { t } = ctx;
  const server = stringField(body, "server", 24) || ctx.env.DISCORD_GUILD_ID;
  if (!server || !isServerId(server)) {
    return rejected("invalid_server", shopErrorMessage(t, { code: "invalid_server" }));
  }
  const plan = stringField(body, "plan", 64);
  if (!plan) return unknownPlan(ctx, server);
  const percent = integerField(body, "percent");
  if (percent === null) return rejected("invalid_percent", shopErrorMessage(t, { code: "invalid_percent" }));
  const durationSeconds = parseDuration(stringField(body, "duration", 32) ?? "");
  // Unreadable is told apart from out of range: "2 days" needs rewriting, not shortening.
  if (durationSeconds === null) return rejected("invalid_duration", t("shop.error.unreadable_duration"));
  const created = await createPromotion(ctx.env, CONTROL_ACTOR, {
    guildId: server,
    planKey: plan,
    percent,
    durationSeconds,
  });
  if (!created.ok) {
    if (created.error.code === "unknown_plan") return unknownPlan(ctx, server);
    const message = shopErrorMessage(t, created.error);
    return created.error.code === "unavailable"
      ? rejected("unavailable", message, 503)
      : rejected(created.error.code, message);
  }
  const p = created.value;
  // The database answers the plan's English name; the shop's list names it in the operator's language.
  const listed = await listShop(ctx.env, CONTROL_ACTOR, ctx.locale, p.guildId);
  const planName = (listed.ok && listed.value.find((plan) => plan.key === p.planKey)?.name) || p.planName;
  return {
    ok: true,
    value: {
      id: p.id,
      guildId: p.guildId,
      // Named as Discord names it, whichever server it is (null: Discord did not answer; Shellia shows the id).
      guildName: await serverName(ctx.env, p.guildId),
      planName,
      percent: p.percent,
      priceCents: p.priceCents,
      promotedCents: p.promotedCents,
      currency: p.currency,
      endsAt: p.endsAt,
    },
  };
}

/** The shop's refusal, followed by the plans that server does have, so the operator can retry right away. */
async function unknownPlan(ctx: ControlContext, server: string) {
  const { t } = ctx;
  const plans = await listShop(ctx.env, CONTROL_ACTOR, ctx.locale, server);
  const known = plans.ok ? plans.value.map((p) => `\`${p.key}\``).join(", ") : "";
  const message = shopErrorMessage(t, { code: "unknown_plan" });
  return rejected(
    "unknown_plan",
    known ? `${message} ${t("control.promo.existing_plans", { plans: known })}` : message,
  );
}
