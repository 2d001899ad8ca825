/**
 * Whether Maxis can work in a channel an admin chose (`/setup`, `/ticket panel`), said in the admin's
 * language: the check is channel-access.ts's, through Maxis's bot client.
 */
import type { InteractionContext } from "../../shared/discord/handlers";
import type { Translator } from "../../shared/i18n";
import { botRest } from "../bot-rest";
import { type ChannelProblem, channelAccessProblem } from "./channel-access";
import type { ChannelPurpose } from "./channel-permissions";

/** Null when Maxis can work in the channel; otherwise what to tell the admin, in their language. */
export async function channelProblem(
  ctx: InteractionContext<MaxisEnv>,
  guildId: string,
  channelId: string,
  purpose: ChannelPurpose,
): Promise<string | null> {
  const problem = await channelAccessProblem(
    botRest(ctx.env),
    ctx.env.DISCORD_APPLICATION_ID,
    guildId,
    channelId,
    purpose,
  );
  return problem && channelProblemText(ctx.t, `<#${channelId}>`, problem);
}

export function channelProblemText(t: Translator, channel: string, problem: ChannelProblem): string {
  if (problem.reason === "not_usable") return t("setup.channel_unusable", { channel });
  return t("setup.channel_missing", {
    channel,
    permissions: problem.missing.map((name) => `**${t(`permission.${name}`)}**`).join(", "),
  });
}
