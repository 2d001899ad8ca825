import { CHOICE_FIELDS, type ChoiceField } from "../../../shared/control/protocol";
import { clip as clipText, cutAt } from "../../../shared/markdown";
import { ok } from "../../../shared/result";
import { listPostableChannels, maxisGuildIds } from "../../giveaways/channels";
import { CONTROL_ACTOR, listShop } from "../../shop/service";
import { type ActionOutcome, type Body, type ControlContext, rejected } from "../context";
import { isServerId, listMaxisServers } from "../servers";

/** Discord shows at most 25 suggestions, each at most 100 characters. */
const MAX_CHOICES = 25;
const CHOICE_NAME_MAX = 100;
/** Control characters (NUL…) and lone surrogates: Discord refuses a whole answer that holds one. */
const UNSHOWABLE = /[\p{Cc}\p{Cs}]/gu;
const clip = (text: string) => clipText(text.replace(UNSHOWABLE, " "), CHOICE_NAME_MAX);

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
  const query = cutAt((typeof body["query"] === "string" ? body["query"] : "").trim().toLowerCase(), 100);
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
  return servers.map(serverChoice);
}

/**
 * A server as a suggestion: its name cut short rather than its id, which tells apart two servers of
 * the same name (another server's admins choose theirs: up to 100 characters, emoji included).
 */
export function serverChoice(server: { id: string; name: string | null }): Choice {
  if (!server.name) return { name: server.id, value: server.id };
  const id = ` (${server.id})`;
  const shown = server.name.replace(UNSHOWABLE, " ");
  return { name: `${clipText(shown, CHOICE_NAME_MAX - id.length)}${id}`, value: server.id };
}
