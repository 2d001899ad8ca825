import { PermissionFlagsBits } from "discord-api-types/payloads/v10";
import type { APIApplicationCommandOptionChoice } from "discord-api-types/v10";
import { EXECUTE_OPERATIONS, operationDescription, operationUsage } from "../../shared/control/operations";
import type { ChoiceField } from "../../shared/control/protocol";
import {
  type DefinedOption,
  focusedOption,
  guildCommand,
  optionLimitMessage,
  optionLimitViolation,
  readOptions,
} from "../../shared/discord/command-definition";
import { deferThenEditWithFile } from "../../shared/discord/followup";
import type { AutocompleteContext, SlashCommand } from "../../shared/discord/handlers";
import { CommandOptions } from "../../shared/discord/options";
import { autocompleteChoices, ephemeral } from "../../shared/discord/responses";
import { DiscordRest } from "../../shared/discord/rest";
import { clip, cutAt } from "../../shared/markdown";
import { callMaxis } from "../control-client";
import { buildControlCall } from "../maxis/requests";
import { chooseTargets, runControlCall } from "../maxis/run";
import { maxisOptions, maxisSubcommands, promoServerOption, targetOption } from "../maxis/subcommands";
import { maxisTargets } from "../maxis-targets";
import { isOperator } from "../operators";

/** `/maxis …`: operators steer the Maxis bots through the signed control API. */
export const maxis: SlashCommand<ShelliaEnv> = {
  data: guildCommand({
    name: "maxis",
    description: "command.maxis.description",
    // Hides the command from everyone but administrators; the operator allow-list is what enforces.
    defaultMemberPermissions: PermissionFlagsBits.Administrator,
    // In the order Discord shows them.
    options: Object.values(maxisSubcommands),
  }),

  run(ctx) {
    const { env, t, user, interaction } = ctx;
    // Checked before anything else: a non-operator's command never reaches a Maxis.
    if (!isOperator(env.OPERATOR_USER_IDS, user.id)) return ephemeral(t("error.not_operator"));
    const options = new CommandOptions(interaction.data);
    const beyond = optionLimitViolation(options, maxisOptionsOf(options.subcommand));
    if (beyond) return ephemeral(optionLimitMessage(t, ctx.locale, beyond));
    const targets = maxisTargets(env);
    if (targets.length === 0) return ephemeral(t("maxis.no_targets"));
    const { target } = readOptions(options, [targetOption]);
    const choice = chooseTargets(targets, target, options.subcommand ?? "");
    if (!choice.ok) return ephemeral(t(choice.error.key, choice.error.params));

    const call = buildControlCall({
      options,
      operator: { id: user.id, name: user.username },
      locale: ctx.locale,
    });
    if (!call.ok) return ephemeral(t(call.error));

    const rest = new DiscordRest({ baseUrl: env.DISCORD_API_BASE });
    return deferThenEditWithFile(ctx, rest, () => runControlCall(t, ctx.locale, choice.value, call.value), {
      ephemeral: true,
    });
  },

  async autocomplete(ctx) {
    const { env, interaction, user } = ctx;
    if (!isOperator(env.OPERATOR_USER_IDS, user.id)) return autocompleteChoices([]);
    const options = new CommandOptions(interaction.data);
    const focused = focusedOption(options, maxisOptions);
    const typed = (focused?.value ?? "").toLowerCase();
    switch (focused?.name) {
      case "operation":
        return autocompleteChoices(
          EXECUTE_OPERATIONS.filter((operation) => operation.name.includes(typed.split(/\s+/)[0] ?? "")).map(
            ({ name }) => ({
              // Discord shows at most 100 characters of a choice's name.
              name: clip(`${operationUsage(ctx.t, name)} — ${operationDescription(ctx.t, name)}`, 100),
              value: name,
            }),
          ),
        );
      case "plan":
      case "channel":
      case "server":
        // The string in the interaction is whatever the operator typed: Maxis filters on it.
        return autocompleteChoices(await askMaxis(ctx, options, focused.name, focused.value));
    }
    return autocompleteChoices(
      maxisTargets(env)
        .filter((x) => x.name.toLowerCase().includes(typed))
        .map((x) => ({ name: x.name, value: x.name })),
    );
  },
};

/** The options of the subcommand used (none for a name `/maxis` does not have). */
function maxisOptionsOf(subcommand: string | undefined): readonly DefinedOption[] {
  return Object.entries(maxisSubcommands).find(([name]) => name === subcommand)?.[1].options ?? [];
}

/**
 * Suggestions from the Maxis the command is for (the `target` typed so far, or the only one), over
 * the signed control API. Autocomplete cannot show an error, so any failure is no suggestions.
 */
async function askMaxis(
  { env, user, locale }: AutocompleteContext<ShelliaEnv>,
  options: CommandOptions,
  field: ChoiceField,
  query: string,
): Promise<APIApplicationCommandOptionChoice<string>[]> {
  const targets = maxisTargets(env);
  const wanted = readOptions(options, [targetOption]).target;
  const chosen = wanted ? targets.filter((x) => x.name === wanted) : targets;
  const [only] = chosen;
  if (!only || chosen.length > 1) return [];
  const server = field === "plan" ? readOptions(options, [promoServerOption]).server : undefined;
  const outcome = await callMaxis(only, "choices", {
    operator: { id: user.id, name: user.username },
    locale,
    field,
    query: cutAt(query, 100),
    // The plans of the server the operator picked already, if they did.
    ...(server ? { server } : {}),
  });
  return outcome.ok ? outcome.value.result.choices : [];
}
