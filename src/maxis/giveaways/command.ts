import { ChannelType, PermissionFlagsBits } from "discord-api-types/payloads/v10";
import type { APIInteraction } from "discord-api-types/v10";
import { guildCommand, option, readOptions, subcommand } from "../../shared/discord/command-definition";
import { deferThenEdit } from "../../shared/discord/followup";
import type { CommandContext, SlashCommand } from "../../shared/discord/handlers";
import { CommandOptions } from "../../shared/discord/options";
import { ephemeral } from "../../shared/discord/responses";
import { DiscordRest } from "../../shared/discord/rest";
import { parseDuration } from "../../shared/duration";
import { resolveLocale, type Translator } from "../../shared/i18n";
import { appRoleOf } from "../auth/app-role";
import { staffRolesFor } from "../identity";
import { serverSettings } from "../servers/settings-store";
import { checkPostableChannel } from "./channels";
import { shownPrize } from "./message";
import {
  endGiveawayNow,
  type GiveawaySummary,
  getGiveaway,
  giveawayErrorMessage,
  listRunningGiveaways,
  rerollGiveaway,
  startGiveaway,
} from "./service";
import { giveawayLimits, type StartGiveawayInput } from "./types";
import { validateStartInput } from "./validate";

const idOption = option.string("id", "command.giveaway.option.id", {
  required: true,
  min_length: 8,
  max_length: 8,
});
const winnersOption = option.integer("winners", "command.giveaway.option.winners", {
  min_value: giveawayLimits.minWinners,
  max_value: giveawayLimits.maxWinners,
});

const startSubcommand = subcommand("start", "command.giveaway.start", [
  option.string("prize", "command.giveaway.option.prize", {
    required: true,
    max_length: giveawayLimits.maxPrizeLength,
  }),
  option.string("duration", "command.giveaway.option.duration", { required: true, max_length: 20 }),
  winnersOption,
  option.channel("channel", "command.giveaway.option.channel", {
    channel_types: [ChannelType.GuildText, ChannelType.GuildAnnouncement],
  }),
  option.role("required_role", "command.giveaway.option.required_role"),
  option.role("bonus_role", "command.giveaway.option.bonus_role"),
  option.integer("bonus_entries", "command.giveaway.option.bonus_entries", {
    min_value: 1,
    max_value: giveawayLimits.maxBonusEntries,
  }),
]);
const endSubcommand = subcommand("end", "command.giveaway.end", [idOption]);
const rerollSubcommand = subcommand("reroll", "command.giveaway.reroll", [idOption, winnersOption]);

/**
 * Who sees `/giveaway-staff` in their picker by default: Manage Server, which makes an admin
 * (`src/maxis/auth/app-role.ts`). Staff by role see it once a server admin allows their staff roles
 * under Server Settings → Integrations → Maxis (/setup says so); the check that counts is isStaff.
 */
const STAFF_COMMAND_PERMISSIONS = PermissionFlagsBits.ManageGuild;

const mentionList = (t: Translator, summary: GiveawaySummary) =>
  summary.winners.length > 0 ? summary.winners.map((id) => `<@${id}>`).join(", ") : t("giveaway.nobody");

const isStaff = async (interaction: APIInteraction, env: MaxisEnv) =>
  appRoleOf(interaction.member, await staffRolesFor(env, interaction)) !== "member";

/** Slow answers (they post to Discord) are deferred; follow-ups need no bot token. */
const webhookRest = (env: MaxisEnv) => new DiscordRest({ baseUrl: env.DISCORD_API_BASE });

function start(ctx: CommandContext<MaxisEnv>, options: CommandOptions, guildId: string) {
  const { interaction, env, t } = ctx;
  const given = readOptions(options, startSubcommand.options);
  const durationSeconds = parseDuration(given.duration);
  if (durationSeconds === null) return ephemeral(t("giveaway.invalid_duration"));
  const input: StartGiveawayInput = {
    prize: given.prize,
    winners: given.winners ?? 1,
    endsAt: Date.now() + durationSeconds * 1000,
    guildId,
    channelId: given.channel ?? interaction.channel?.id ?? "",
    hostId: ctx.user.id,
    requiredRoleId: given.required_role ?? null,
    bonusEntries: given.bonus_role ? [{ roleId: given.bonus_role, entries: given.bonus_entries ?? 1 }] : [],
    locale: resolveLocale(interaction.guild_locale ?? interaction.locale),
  };
  // Refuse bad input right away, before anything is deferred or posted.
  const checked = validateStartInput(input, Date.now());
  if (!checked.ok) return ephemeral(giveawayErrorMessage(t, checked.error));
  return deferThenEdit(
    ctx,
    webhookRest(env),
    async () => {
      // A channel option is checked with Discord: a giveaway is posted only in this server.
      if (given.channel !== undefined) {
        const channel = await checkPostableChannel(env, given.channel);
        if (!channel.ok && channel.error === "discord_failed") return t("giveaway.error.discord_failed");
        if (!channel.ok || channel.value.guildId !== guildId) return t("giveaway.error.channel_elsewhere");
      }
      // Posted in the server's language of posts (/setup), as the ticket panel is.
      const { defaultLocale } = await serverSettings(env, guildId, input.locale);
      const started = await startGiveaway(env, { ...input, locale: defaultLocale });
      if (!started.ok) return giveawayErrorMessage(t, started.error);
      const { id, channelId, endsAt } = started.value;
      return t("giveaway.started", { id, channel: channelId, at: Math.floor(endsAt / 1000) });
    },
    { ephemeral: true },
  );
}

async function list(ctx: CommandContext<MaxisEnv>, guildId: string) {
  const { env, t } = ctx;
  const running = await listRunningGiveaways(env, guildId);
  if (running.length === 0) return ephemeral(t("giveaway.list.none"));
  const lines = running.map((g) =>
    t("giveaway.list.line", {
      id: g.id,
      prize: shownPrize(g.prize),
      channel: g.channelId,
      at: Math.floor(g.endsAt / 1000),
      entrants: g.entrants,
    }),
  );
  // Discord caps a message at 2,000 characters; the list is cut rather than refused.
  let content = t("giveaway.list.header");
  for (const line of lines) {
    if (content.length + line.length + 1 > 2000) break;
    content += `\n${line}`;
  }
  return ephemeral(content);
}

/** `/giveaway list`: the giveaways running in this server, for everyone. Members enter with the button. */
export const giveawayCommand: SlashCommand<MaxisEnv> = {
  data: guildCommand({
    name: "giveaway",
    description: "command.giveaway.description",
    options: [subcommand("list", "command.giveaway.list")],
  }),

  run(ctx) {
    const guildId = ctx.interaction.guild_id;
    if (!guildId) return ephemeral(ctx.t("error.guild_only"));
    return list(ctx, guildId);
  },
};

/** `/giveaway-staff start|end|reroll`: hidden from members, and refused to them if they try anyway. */
export const giveawayStaffCommand: SlashCommand<MaxisEnv> = {
  data: guildCommand({
    name: "giveaway-staff",
    description: "command.giveaway_staff.description",
    defaultMemberPermissions: STAFF_COMMAND_PERMISSIONS,
    options: [startSubcommand, endSubcommand, rerollSubcommand],
  }),

  async run(ctx) {
    const { interaction, env, t } = ctx;
    const guildId = interaction.guild_id;
    if (!guildId) return ephemeral(t("error.guild_only"));
    const options = new CommandOptions(interaction.data);
    if (!(await isStaff(interaction, env))) return ephemeral(t("giveaway.staff_only"));
    if (options.subcommand === "start") return start(ctx, options, guildId);

    const given =
      options.subcommand === "end"
        ? { ...readOptions(options, endSubcommand.options), winners: undefined }
        : readOptions(options, rerollSubcommand.options);
    const id = given.id.trim().toLowerCase();
    const existing = await getGiveaway(env, id);
    // Staff of one server cannot end or reroll another server's giveaway.
    if (existing && existing.guildId !== guildId) return ephemeral(t("giveaway.error.not_found"));
    return deferThenEdit(
      ctx,
      webhookRest(env),
      async () => {
        // The interaction id makes a retried interaction find its draw instead of drawing again.
        const result =
          options.subcommand === "end"
            ? await endGiveawayNow(env, id, interaction.id)
            : await rerollGiveaway(env, id, given.winners, interaction.id);
        if (!result.ok) return giveawayErrorMessage(t, result.error);
        return t(options.subcommand === "end" ? "giveaway.ended_now" : "giveaway.rerolled", {
          id,
          winners: mentionList(t, result.value),
        });
      },
      { ephemeral: true },
    );
  },
};
