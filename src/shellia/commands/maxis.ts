import {
  ApplicationCommandOptionType,
  InteractionContextType,
  PermissionFlagsBits,
} from "discord-api-types/v10";
import { deferThenEdit } from "../../shared/discord/followup";
import type { CommandContext, SlashCommand } from "../../shared/discord/handlers";
import { CommandOptions } from "../../shared/discord/options";
import { autocompleteChoices, ephemeral } from "../../shared/discord/responses";
import { DiscordRest } from "../../shared/discord/rest";
import { localizedDescription } from "../../shared/i18n";
import { type MaxisTarget, maxisTargets } from "../maxis-targets";
import { isOperator } from "../operators";

const STATUS_TIMEOUT_MS = 2_500;

const targetOption = {
  type: ApplicationCommandOptionType.String,
  name: "target",
  ...localizedDescription("command.maxis.option.target.description"),
  autocomplete: true,
  required: false,
} as const;

async function describeStatus({ t }: CommandContext<ShelliaEnv>, target: MaxisTarget): Promise<string> {
  const started = Date.now();
  try {
    const response = await target.fetcher.fetch("https://maxis.internal/health", {
      signal: AbortSignal.timeout(STATUS_TIMEOUT_MS),
    });
    if (!response.ok) return t("maxis.status.down", { target: target.name, status: response.status });
    const health = (await response.json()) as { version: string };
    return t("maxis.status.up", { target: target.name, version: health.version, ms: Date.now() - started });
  } catch (error) {
    return t("maxis.status.unreachable", { target: target.name, reason: (error as Error).message });
  }
}

/** `/maxis …`: operators steer the Maxis bots. */
export const maxis: SlashCommand<ShelliaEnv> = {
  data: {
    name: "maxis",
    ...localizedDescription("command.maxis.description"),
    default_member_permissions: String(PermissionFlagsBits.Administrator),
    contexts: [InteractionContextType.Guild],
    options: [
      {
        type: ApplicationCommandOptionType.Subcommand,
        name: "status",
        ...localizedDescription("command.maxis.status.description"),
        options: [targetOption],
      },
    ],
  },

  run(ctx) {
    const { env, t, user } = ctx;
    if (!isOperator(env.OPERATOR_USER_IDS, user.id)) return ephemeral(t("error.not_operator"));
    const options = new CommandOptions(ctx.interaction.data);
    const targets = maxisTargets(env);
    const wanted = options.string("target");
    const chosen = wanted ? targets.filter((target) => target.name === wanted) : targets;
    if (chosen.length === 0) {
      return ephemeral(
        t("maxis.unknown_target", { target: wanted ?? "", targets: targets.map((x) => x.name).join(", ") }),
      );
    }
    const rest = new DiscordRest({ baseUrl: env.DISCORD_API_BASE });
    return deferThenEdit(
      ctx,
      rest,
      async () => (await Promise.all(chosen.map((target) => describeStatus(ctx, target)))).join("\n"),
      { ephemeral: true },
    );
  },

  autocomplete({ env, interaction, user }) {
    if (!isOperator(env.OPERATOR_USER_IDS, user.id)) return autocompleteChoices([]);
    const typed = (new CommandOptions(interaction.data).focused?.value ?? "").toLowerCase();
    return autocompleteChoices(
      maxisTargets(env)
        .filter((target) => target.name.toLowerCase().includes(typed))
        .map((target) => ({ name: target.name, value: target.name })),
    );
  },
};
