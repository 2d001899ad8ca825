/**
 * `/ask request:<words>`: operators tell Shellia what to do in French or English. The words only
 * choose among the `/maxis` actions (ask/actions.ts); read-only ones run at once, anything else is
 * previewed with Confirm / Cancel buttons that only the asking operator can press, once, within 5
 * minutes. The proposal waits in the InteractionLedger Durable Object (`hold` / `take`), the same
 * store that makes every interaction run once.
 */
import { InteractionResponseType, PermissionFlagsBits } from "discord-api-types/payloads/v10";
import type { APIApplicationCommandSubcommandOption, APIInteractionResponse } from "discord-api-types/v10";
import {
  guildCommand,
  option,
  optionLimitMessage,
  optionLimitViolation,
  readOptions,
} from "../../shared/discord/command-definition";
import {
  deferThenEditWithFile,
  editOriginalResponse,
  type MessageWithFile,
} from "../../shared/discord/followup";
import type { ComponentContext, ComponentHandler, SlashCommand } from "../../shared/discord/handlers";
import { ledgerFor } from "../../shared/discord/ledger-shards";
import { CommandOptions } from "../../shared/discord/options";
import { ephemeral, updateMessage } from "../../shared/discord/responses";
import { DiscordRest } from "../../shared/discord/rest";
import { type ActionSpec, actionSpecs, type Proposal } from "../ask/actions";
import { auditAsk } from "../ask/audit";
import {
  ASK_COMPONENT,
  codeLine,
  type Engine,
  engineName,
  previewMessage,
  questionMessage,
  refusalMessage,
} from "../ask/preview";
import { resolveDrafts } from "../ask/resolve";
import { runAll, withHeader } from "../ask/run-all";
import { understand } from "../ask/understand";
import { callMaxis } from "../control-client";
import { type MaxisTarget, maxisTargets } from "../maxis-targets";
import { isOperator } from "../operators";
import { maxis } from "./maxis";

/** How long a proposal can be confirmed. */
export const PROPOSAL_TTL_MS = 5 * 60_000;

/** The `/maxis` actions, read from its own definition: a new subcommand is a new tool. */
const specs: ActionSpec[] = actionSpecs(
  (maxis.data.options ?? []) as APIApplicationCommandSubcommandOption[],
);

/** What waits for the Confirm button. */
interface HeldProposal extends Engine {
  request: string;
  actions: { proposal: Proposal; targets: string[] }[];
}

const requestOption = option.string("request", "command.ask.option.request", {
  required: true,
  max_length: 400,
});

export const ask: SlashCommand<ShelliaEnv> = {
  data: guildCommand({
    name: "ask",
    description: "command.ask.description",
    defaultMemberPermissions: PermissionFlagsBits.Administrator,
    options: [requestOption],
  }),

  run(ctx) {
    const { env, t, user, interaction } = ctx;
    if (!isOperator(env.OPERATOR_USER_IDS, user.id)) {
      auditAsk({ askId: interaction.id, step: "not_operator", operatorId: user.id });
      return ephemeral(t("error.not_operator"));
    }
    const options = new CommandOptions(interaction.data);
    const beyond = optionLimitViolation(options, [requestOption]);
    if (beyond) return ephemeral(optionLimitMessage(t, ctx.locale, beyond));
    const { request } = readOptions(options, [requestOption]);
    const targets = maxisTargets(env);
    if (targets.length === 0) return ephemeral(t("maxis.no_targets"));
    const rest = new DiscordRest({ baseUrl: env.DISCORD_API_BASE });
    return deferThenEditWithFile(ctx, rest, () => answer(ctx, request, targets), { ephemeral: true });
  },
};

async function answer(
  ctx: Parameters<SlashCommand<ShelliaEnv>["run"]>[0],
  request: string,
  targets: MaxisTarget[],
): Promise<MessageWithFile> {
  const { env, t, user, locale, interaction } = ctx;
  const askId = interaction.id;
  const operator = { id: user.id, name: user.username };
  const now = Date.now();
  const names = targets.map((x) => x.name);
  const understood = await understand(env, request, {
    locale,
    targets: names,
    specs,
    now,
    timeZone: env.ASK_TIME_ZONE || "Europe/Paris",
  });
  const base = {
    askId,
    operatorId: user.id,
    request,
    engine: understood.engine,
    ...(understood.model ? { model: understood.model } : {}),
  };
  auditAsk({ ...base, step: "understood", detail: understood.fallback ?? understood.parsed.kind });
  const parsed = understood.parsed;
  if (parsed.kind === "malformed") {
    auditAsk({ ...base, step: "refused", detail: `malformed model answer: ${parsed.why}` });
    return { message: refusalMessage(t, "invalid", specs) };
  }
  if (parsed.kind === "refusal") {
    auditAsk({ ...base, step: "refused", detail: "out_of_scope" });
    return { message: refusalMessage(t, "out_of_scope", specs) };
  }
  const resolution =
    parsed.kind === "question"
      ? parsed
      : await resolveDrafts(parsed.drafts, {
          specs,
          targets: names,
          operator,
          locale,
          choices: async (name, field) => {
            const target = targets.find((x) => x.name === name);
            if (!target) return null;
            const outcome = await callMaxis(target, "choices", { operator, locale, field, query: "" });
            return outcome.ok ? outcome.value.result.choices : null;
          },
        });
  if (resolution.kind === "question") {
    auditAsk({ ...base, step: "question", detail: resolution.field });
    return { message: questionMessage(t, resolution, locale) };
  }
  if (resolution.kind === "refusal") {
    auditAsk({ ...base, step: "refused", detail: resolution.reason });
    return { message: refusalMessage(t, resolution.reason, specs) };
  }
  const actions = resolution.actions.map((a) => ({ proposal: a.proposal, targets: a.targets }));
  // The audit keeps the declared names; the operator reads the names their Discord shows.
  const commands = actions.map((a) => codeLine(specs, a.proposal));
  const shown = actions.map((a) => codeLine(specs, a.proposal, t));

  if (resolution.actions.every((a) => a.readOnly)) {
    const result = await runAll(t, locale, targets, actions, operator, {
      ...understood,
      askId,
      request,
      confirmed: false,
    });
    auditAsk({ ...base, step: "ran", commands, outcomes: result.outcomes });
    return withHeader(
      result,
      t("ask.running", { engine: engineName(t, understood), commands: shown.join("` `") }),
    );
  }

  const expiresAt = now + PROPOSAL_TTL_MS;
  const held: HeldProposal = {
    engine: understood.engine,
    ...(understood.model ? { model: understood.model } : {}),
    request,
    actions,
  };
  const kept = await ledgerFor(env, askId)
    .hold(askId, user.id, JSON.stringify(held), expiresAt)
    .catch((error: unknown) => {
      console.error("ask: could not hold the proposal", error);
      return false;
    });
  if (!kept) return { message: t("ask.unavailable") };
  auditAsk({ ...base, step: "proposed", commands });
  return { message: previewMessage(t, locale, specs, understood, actions, askId, now, expiresAt) };
}

/** `ask:confirm:<ask id>` and `ask:cancel:<ask id>`. */
export const askButtons: ComponentHandler<ShelliaEnv> = {
  prefix: ASK_COMPONENT,
  async run(ctx, [verb, askId]) {
    const { env, t, user } = ctx;
    const audit = (step: "press_refused" | "not_operator", detail: string) =>
      auditAsk({ askId: askId ?? "", step, operatorId: user.id, detail });
    if (!isOperator(env.OPERATOR_USER_IDS, user.id)) {
      audit("not_operator", verb ?? "");
      return ephemeral(t("error.not_operator"));
    }
    if ((verb !== "confirm" && verb !== "cancel") || !askId || !/^\d{17,20}$/.test(askId)) {
      audit("press_refused", "malformed");
      return ephemeral(t("ask.gone"));
    }
    let taken: Awaited<ReturnType<ReturnType<typeof ledgerFor>["take"]>>;
    try {
      taken = await ledgerFor(env, askId).take(askId, user.id);
    } catch (error) {
      console.error("ask: could not read the proposal", error);
      return ephemeral(t("ask.unavailable"));
    }
    if (taken.kind === "not_owner") {
      audit("press_refused", `${verb}: not the asking operator`);
      return ephemeral(t("ask.not_yours"));
    }
    if (taken.kind === "gone") {
      audit("press_refused", `${verb}: already used or expired`);
      return ephemeral(t("ask.gone"));
    }
    const held = JSON.parse(taken.payload) as HeldProposal;
    const commands = held.actions.map((a) => codeLine(specs, a.proposal));
    const base = {
      askId,
      operatorId: user.id,
      request: held.request,
      engine: held.engine,
      ...(held.model ? { model: held.model } : {}),
      commands,
    };
    if (verb === "cancel") {
      auditAsk({ ...base, step: "cancelled" });
      return updateMessage({ content: t("ask.cancelled", { user: user.id }), components: [] });
    }
    auditAsk({ ...base, step: "confirmed" });
    return confirm(ctx, held, askId, commands);
  },
};

/** Acknowledges the press at once, then runs and replaces the preview with the results. */
function confirm(
  ctx: ComponentContext<ShelliaEnv>,
  held: HeldProposal,
  askId: string,
  commands: string[],
): APIInteractionResponse {
  const { env, t, user, locale } = ctx;
  const rest = new DiscordRest({ baseUrl: env.DISCORD_API_BASE });
  ctx.waitUntil(
    (async () => {
      let answer: MessageWithFile;
      try {
        const result = await runAll(
          t,
          locale,
          maxisTargets(env),
          held.actions,
          { id: user.id, name: user.username },
          { ...held, askId, confirmed: true },
        );
        auditAsk({
          askId,
          step: "ran",
          operatorId: user.id,
          engine: held.engine,
          ...(held.model ? { model: held.model } : {}),
          commands,
          outcomes: result.outcomes,
        });
        const shown = held.actions.map((a) => codeLine(specs, a.proposal, t));
        answer = withHeader(result, t("ask.confirmed", { user: user.id, commands: shown.join("` `") }));
      } catch (error) {
        console.error("ask: running the confirmed proposal failed", error);
        answer = { message: t("error.internal") };
      }
      const message = typeof answer.message === "string" ? { content: answer.message } : answer.message;
      await editOriginalResponse(rest, ctx.interaction, { ...message, components: [] }, answer.file).catch(
        (error: unknown) => console.error("ask: could not show the results", error),
      );
    })(),
  );
  return { type: InteractionResponseType.DeferredMessageUpdate };
}
