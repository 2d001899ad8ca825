import { giveawayErrorMessage, startGiveaway } from "../../giveaways/service";
import { parseDuration } from "../../shop/service";
import {
  type ActionOutcome,
  type Body,
  type ControlContext,
  integerField,
  rejected,
  stringField,
} from "../context";

const SNOWFLAKE = /^\d{5,20}$/;

/** `/maxis giveaway prize duration [winners] [channel]`: started through the giveaway Durable Object. */
export async function giveaway(ctx: ControlContext, body: Body): Promise<ActionOutcome<"giveaway">> {
  const { t } = ctx;
  const durationSeconds = parseDuration(stringField(body, "duration", 32) ?? "");
  if (durationSeconds === null) {
    return rejected("invalid_end_time", giveawayErrorMessage(t, { code: "invalid_end_time" }));
  }
  const guildId = stringField(body, "guildId", 20) ?? "";
  const channelId = stringField(body, "channelId", 20) ?? "";
  if (!SNOWFLAKE.test(guildId) || !SNOWFLAKE.test(channelId)) {
    return rejected("invalid_channel", giveawayErrorMessage(t, { code: "invalid_channel" }));
  }
  const started = await startGiveaway(ctx.env, {
    prize: typeof body["prize"] === "string" ? body["prize"] : "",
    winners: integerField(body, "winners") ?? 1,
    endsAt: Date.now() + durationSeconds * 1000,
    guildId,
    channelId,
    hostId: null,
    locale: ctx.locale,
  });
  if (!started.ok) {
    const status = started.error.code === "discord_failed" ? 503 : 422;
    return rejected(started.error.code, giveawayErrorMessage(t, started.error), status);
  }
  const g = started.value;
  return {
    ok: true,
    result: {
      id: g.id,
      prize: g.prize,
      channelId: g.channelId,
      messageId: g.messageId,
      winners: g.winnersCount,
      endsAt: g.endsAt,
    },
  };
}
