import { CHOICE_FIELDS, type ChoiceField } from "../../../shared/control/protocol";
import { CONTROL_ACTOR, listShop } from "../../shop/service";
import { listPostableChannels } from "../channels";
import { type ActionOutcome, type Body, type ControlContext, rejected } from "../context";

/** Discord shows at most 25 suggestions, each at most 100 characters. */
const MAX_CHOICES = 25;
const clip = (text: string) => (text.length > 100 ? `${text.slice(0, 99)}…` : text);

const isChoiceField = (value: unknown): value is ChoiceField =>
  typeof value === "string" && (CHOICE_FIELDS as readonly string[]).includes(value);

/**
 * Read-only: what an operator may type in `/maxis promo plan` (live plans) or `/maxis giveaway
 * channel` (text channels of Maxis's servers), filtered by what they typed so far.
 */
export async function choices(ctx: ControlContext, body: Body): Promise<ActionOutcome<"choices">> {
  const field = body["field"];
  if (!isChoiceField(field)) {
    return rejected("invalid_field", ctx.t("control.error.invalid_body", { detail: "field" }), 400);
  }
  const query = (typeof body["query"] === "string" ? body["query"] : "").trim().toLowerCase().slice(0, 100);
  const all = field === "plan" ? await planChoices(ctx) : await channelChoices(ctx);
  const matching = all.filter((c) => c.name.toLowerCase().includes(query) || c.value.includes(query));
  return { ok: true, result: { choices: matching.slice(0, MAX_CHOICES) } };
}

async function planChoices(ctx: ControlContext) {
  const plans = await listShop(ctx.env, CONTROL_ACTOR);
  if (!plans.ok) return [];
  return plans.value.map((plan) => ({ name: clip(`${plan.name} (${plan.id})`), value: plan.id }));
}

async function channelChoices(ctx: ControlContext) {
  const channels = await listPostableChannels(ctx.env);
  return channels.map((channel) => ({ name: clip(`#${channel.name}`), value: channel.id }));
}
