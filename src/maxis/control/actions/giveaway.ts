import { parseDuration } from "../../../shared/duration";
import { checkPostableChannel } from "../../giveaways/channels";
import { giveawayErrorMessage, startGiveaway } from "../../giveaways/service";
import { serverSettings } from "../../servers/settings-store";
import {
  type ActionOutcome,
  type Body,
  type ControlContext,
  integerField,
  rejected,
  stringField,
} from "../context";

/**
 * `/maxis giveaway prize duration channel [winners]`: started through the giveaway Durable Object, in
 * a channel Maxis checks with Discord (it must see it, and it must be a text or announcement
 * channel); the giveaway belongs to that channel's server, wherever Shellia was called from.
 */
export async function giveaway(ctx: ControlContext, body: Body): Promise<ActionOutcome<"giveaway">> {
  const { t } = ctx;
  const durationSeconds = parseDuration(stringField(body, "duration", 32) ?? "");
  // Unreadable is told apart from out of range: "2 days" needs rewriting, not shortening.
  if (durationSeconds === null) return rejected("invalid_end_time", t("giveaway.invalid_duration"));
  const channel = await checkPostableChannel(ctx.env, stringField(body, "channelId", 20) ?? "");
  if (!channel.ok) {
    return channel.error === "invalid_channel"
      ? rejected("invalid_channel", t("control.giveaway.invalid_channel"))
      : rejected("discord_failed", giveawayErrorMessage(t, { code: "discord_failed" }), 503);
  }
  const { guildId, id: channelId } = channel.value;
  const started = await startGiveaway(ctx.env, {
    prize: typeof body["prize"] === "string" ? body["prize"] : "",
    winners: integerField(body, "winners") ?? 1,
    endsAt: Date.now() + durationSeconds * 1000,
    guildId,
    channelId,
    hostId: null,
    // The server's language of posts (/setup), not the operator's: the message is for its members.
    locale: (await serverSettings(ctx.env, guildId, ctx.locale)).defaultLocale,
  });
  if (!started.ok) {
    const status = started.error.code === "discord_failed" ? 503 : 422;
    return rejected(started.error.code, giveawayErrorMessage(t, started.error), status);
  }
  const g = started.value;
  return {
    ok: true,
    value: {
      id: g.id,
      prize: g.prize,
      channelId: g.channelId,
      messageId: g.messageId,
      winners: g.winnersCount,
      endsAt: g.endsAt,
    },
  };
}
