import {
  ApplicationCommandOptionType,
  ChannelType,
  InteractionContextType,
  PermissionFlagsBits,
} from "discord-api-types/payloads/v10";
import type {
  APIApplicationCommandBasicOption,
  APIApplicationCommandSubcommandOption,
} from "discord-api-types/v10";
import { EXECUTE_OPERATIONS } from "../../shared/control/operations";
import type { ControlAction } from "../../shared/control/protocol";
import { deferThenEdit, deferThenEditWithFile, type MessageWithFile } from "../../shared/discord/followup";
import type { CommandContext, SlashCommand } from "../../shared/discord/handlers";
import { CommandOptions } from "../../shared/discord/options";
import { autocompleteChoices, ephemeral } from "../../shared/discord/responses";
import { DiscordRest } from "../../shared/discord/rest";
import { localizedDescription, type MessageKey } from "../../shared/i18n";
import { type CallOutcome, callMaxis } from "../control-client";
import {
  formatAnalytics,
  formatGiveaway,
  formatPromo,
  formatRestart,
  formatStatus,
  problem,
} from "../maxis/format";
import { buildControlCall, type ControlCall } from "../maxis/requests";
import { type MaxisTarget, maxisTargets } from "../maxis-targets";
import { isOperator } from "../operators";

const option = (
  type:
    | ApplicationCommandOptionType.String
    | ApplicationCommandOptionType.Integer
    | ApplicationCommandOptionType.Channel,
  name: string,
  key: MessageKey,
  extra: Record<string, unknown> = {},
) => ({ type, name, ...localizedDescription(key), ...extra }) as APIApplicationCommandBasicOption;

const target = option(
  ApplicationCommandOptionType.String,
  "target",
  "command.maxis.option.target.description",
  {
    autocomplete: true,
  },
);
const period = option(
  ApplicationCommandOptionType.String,
  "period",
  "command.maxis.option.period.description",
  {
    max_length: 8,
  },
);

const subcommand = (
  name: ControlAction,
  options: APIApplicationCommandBasicOption[] = [],
): APIApplicationCommandSubcommandOption => ({
  type: ApplicationCommandOptionType.Subcommand,
  name,
  ...localizedDescription(`command.maxis.${name}.description`),
  options: [...options, target],
});

/** Renders one successful answer; `report` also carries a file. */
function render(
  ctx: CommandContext<ShelliaEnv>,
  maxis: MaxisTarget,
  call: ControlCall,
  outcome: CallOutcome<ControlAction>,
): MessageWithFile {
  const { t, locale } = ctx;
  if (outcome.kind !== "ok") return { message: problem(t, maxis, outcome) };
  const result = outcome.result;
  switch (call.action) {
    case "status":
      return { message: formatStatus(t, maxis, result as CallOutcomeResult<"status">, outcome.ms) };
    case "analytics":
      return { message: formatAnalytics(t, maxis, result as CallOutcomeResult<"analytics">) };
    case "promo":
      return { message: formatPromo(t, locale, maxis, result as CallOutcomeResult<"promo">) };
    case "giveaway":
      return { message: formatGiveaway(t, maxis, result as CallOutcomeResult<"giveaway">) };
    case "restart":
      return { message: formatRestart(t, maxis, result as CallOutcomeResult<"restart">) };
    case "execute":
      return {
        message: t("maxis.outcome.rejected", {
          target: maxis.name,
          message: (result as CallOutcomeResult<"execute">).message,
        }),
      };
    case "report": {
      const report = result as CallOutcomeResult<"report">;
      return {
        message: { content: t("maxis.report.sent", { target: maxis.name }), embeds: [report.embed] },
        file: { name: report.filename, contentType: "text/markdown; charset=utf-8", data: report.markdown },
      };
    }
  }
}

type CallOutcomeResult<A extends ControlAction> = Extract<CallOutcome<A>, { kind: "ok" }>["result"];

/** `/maxis …`: operators steer the Maxis bots through the signed control API. */
export const maxis: SlashCommand<ShelliaEnv> = {
  data: {
    name: "maxis",
    ...localizedDescription("command.maxis.description"),
    // Hides the command from everyone but administrators; the operator allow-list is what enforces.
    default_member_permissions: String(PermissionFlagsBits.Administrator),
    contexts: [InteractionContextType.Guild],
    options: [
      subcommand("status"),
      subcommand("analytics", [period]),
      subcommand("promo", [
        option(ApplicationCommandOptionType.Integer, "percent", "command.maxis.option.percent.description", {
          required: true,
          min_value: 1,
          max_value: 90,
        }),
        option(ApplicationCommandOptionType.String, "plan", "command.maxis.option.plan.description", {
          required: true,
          max_length: 32,
        }),
        option(ApplicationCommandOptionType.String, "duration", "command.maxis.option.duration.description", {
          required: true,
          max_length: 16,
        }),
      ]),
      subcommand("giveaway", [
        option(ApplicationCommandOptionType.String, "prize", "command.maxis.option.prize.description", {
          required: true,
          max_length: 256,
        }),
        option(ApplicationCommandOptionType.String, "duration", "command.maxis.option.duration.description", {
          required: true,
          max_length: 16,
        }),
        option(ApplicationCommandOptionType.Integer, "winners", "command.maxis.option.winners.description", {
          min_value: 1,
          max_value: 20,
        }),
        option(ApplicationCommandOptionType.Channel, "channel", "command.maxis.option.channel.description", {
          channel_types: [ChannelType.GuildText, ChannelType.GuildAnnouncement],
        }),
      ]),
      subcommand("restart"),
      subcommand("report", [period]),
      subcommand("execute", [
        option(
          ApplicationCommandOptionType.String,
          "operation",
          "command.maxis.option.operation.description",
          {
            required: true,
            autocomplete: true,
            max_length: 100,
          },
        ),
      ]),
    ],
  },

  run(ctx) {
    const { env, t, user, interaction } = ctx;
    // Checked before anything else: a non-operator's command never reaches a Maxis.
    if (!isOperator(env.OPERATOR_USER_IDS, user.id)) return ephemeral(t("error.not_operator"));
    const options = new CommandOptions(interaction.data);
    const targets = maxisTargets(env);
    if (targets.length === 0) return ephemeral(t("maxis.no_targets"));
    const names = targets.map((x) => x.name).join(", ");
    const wanted = options.string("target");
    const chosen = wanted ? targets.filter((x) => x.name === wanted) : targets;
    if (chosen.length === 0)
      return ephemeral(t("maxis.unknown_target", { target: wanted ?? "", targets: names }));
    // Only status summarises every bot; anything that acts needs to know which one.
    if (chosen.length > 1 && options.subcommand !== "status")
      return ephemeral(t("maxis.choose_target", { targets: names }));

    const call = buildControlCall({
      options,
      operator: { id: user.id, name: user.username },
      locale: ctx.locale,
      guildId: interaction.guild_id,
      channelId: interaction.channel?.id ?? interaction.channel_id,
    });
    if ("error" in call) return ephemeral(t(call.error));

    const rest = new DiscordRest({ baseUrl: env.DISCORD_API_BASE });
    if (call.action === "report") {
      const [only] = chosen as [MaxisTarget];
      return deferThenEditWithFile(
        ctx,
        rest,
        async () => render(ctx, only, call, await callMaxis(only, call.action, call.request)),
        { ephemeral: true },
      );
    }
    return deferThenEdit(
      ctx,
      rest,
      async () => {
        const answers = await Promise.all(
          chosen.map(async (maxis) => {
            // `call` pairs each action with its request; TypeScript cannot follow that pairing here.
            const outcome = await callMaxis(maxis, call.action, call.request as never);
            return render(ctx, maxis, call, outcome).message as string;
          }),
        );
        return answers.join("\n\n");
      },
      { ephemeral: true },
    );
  },

  autocomplete({ env, interaction, user }) {
    if (!isOperator(env.OPERATOR_USER_IDS, user.id)) return autocompleteChoices([]);
    const focused = new CommandOptions(interaction.data).focused;
    const typed = (focused?.value ?? "").toLowerCase();
    if (focused?.name === "operation") {
      return autocompleteChoices(
        EXECUTE_OPERATIONS.filter((operation) => operation.name.includes(typed.split(/\s+/)[0] ?? "")).map(
          (operation) => ({ name: operation.usage, value: operation.name }),
        ),
      );
    }
    return autocompleteChoices(
      maxisTargets(env)
        .filter((x) => x.name.toLowerCase().includes(typed))
        .map((x) => ({ name: x.name, value: x.name })),
    );
  },
};
