import { ephemeral } from "../../../shared/discord/responses";
import { categoryNamesOf } from "../category-names";
import { STATS_PERIODS, type StatsPeriod, statsMessage } from "../render/stats";
import { ticketStats } from "../rpc";
import { clientFor, refused } from "./context";
import { ticketSubcommand } from "./define";
import { periodOption } from "./options";

const isPeriod = (value: string): value is StatsPeriod =>
  (STATS_PERIODS as readonly string[]).includes(value);

/** `/ticket-staff stats [period]` (staff): this server's figures over 7 days, 30 days or all time. */
export const statsSubcommand = ticketSubcommand({
  name: "stats",
  staffOnly: true,
  readOnly: true,
  options: [periodOption],

  async run(call, values) {
    const { ctx } = call;
    const requested = values.period ?? "30d";
    const period: StatsPeriod = isPeriod(requested) ? requested : "30d";
    const result = await ticketStats(await clientFor(ctx.env, call));
    if (!result.ok) return refused(ctx, result.error);
    const names = await categoryNamesOf(ctx.env, call.identity.guildId, ctx.locale);
    return ephemeral(statsMessage(ctx.t, ctx.locale, result.value, period, names));
  },
});
