import { CHOICE_FIELDS, type ChoiceField } from "../../../shared/control/protocol";
import { ok } from "../../../shared/result";
import { listPostableChannels, maxisGuildIds } from "../../giveaways/channels";
import { CONTROL_ACTOR, listShop } from "../../shop/service";
import { type ActionOutcome, type Body, type ControlContext, rejected } from "../context";
import { isServerId, listMaxisServers } from "../servers";

/** Discord shows at most 25 suggestions, each at most 100 characters. */
const MAX_CHOICES = 25;
const clip = (text: string) => (text.length > 100 ? `${text.slice(0, 99)}…` : text);

const isChoiceField = (value: unknown): value is ChoiceField =>
  typeof value === "string" && (CHOICE_FIELDS as readonly string[]).includes(value);

type Choice = { name: string; value: string };

/**
 * Read-only: what an operator may type in `/maxis promo server` (Maxis's servers), `promo plan` (the
 * live plans of the server chosen, or of Maxis's only server) or `giveaway channel` (text channels of
 * Maxis's servers), filtered by what they typed so far.
 */
export async function choices(ctx: ControlContext, body: Body): Promise<ActionOutcome<"choices">> {
  const field = body["field"];
  if (!isChoiceField(field)) {
    return rejected("invalid_field", ctx.t("control.error.invalid_body", { detail: "field" }), 400);
  }
  const query = (typeof body["query"] === "string" ? body["query"] : "").trim().toLowerCase().slice(0, 100);
  const server = typeof body["server"] === "string" ? body["server"].trim() : "";
  const all = await choicesFor(ctx, field, server);
  const matching = all.filter((c) => c.name.toLowerCase().includes(query) || c.value.includes(query));
  return ok({ choices: matching.slice(0, MAX_CHOICES) });
}

function choicesFor(ctx: ControlContext, field: ChoiceField, server: string): Promise<Choice[]> {
  switch (field) {
    case "plan":
      return planChoices(ctx, server);
    case "channel":
      return channelChoices(ctx);
    case "server":
      return serverChoices(ctx);
  }
}

async function planChoices(ctx: ControlContext, server: string): Promise<Choice[]> {
  const only = maxisGuildIds(ctx.env);
  const guildId = isServerId(server) ? server : only.length === 1 ? only[0] : undefined;
  if (!guildId) return [];
  const plans = await listShop(ctx.env, CONTROL_ACTOR, ctx.locale, guildId);
  if (!plans.ok) return [];
  return plans.value.map((plan) => ({ name: clip(`${plan.name} (${plan.key})`), value: plan.key }));
}

async function channelChoices(ctx: ControlContext): Promise<Choice[]> {
  const channels = await listPostableChannels(ctx.env);
  return channels.map((channel) => ({ name: clip(`#${channel.name}`), value: channel.id }));
}

async function serverChoices(ctx: ControlContext): Promise<Choice[]> {
  const servers = await listMaxisServers(ctx.env);
  return servers.map((s) => ({ name: clip(s.name ? `${s.name} (${s.id})` : s.id), value: s.id }));
}
