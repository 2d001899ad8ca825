import { ephemeral } from "../../../shared/discord/responses";
import { categoryLabel } from "../../servers/settings";
import { serverSettings } from "../../servers/settings-store";
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
    // Cached: deciding who is staff read the same settings for this interaction.
    const { categories } = await serverSettings(ctx.env, call.identity.guildId, ctx.locale);
    const name = (key: string) => {
      const category = categories.find((c) => c.key === key);
      return category && categoryLabel(category, ctx.locale);
    };
    return ephemeral(statsMessage(ctx.t, ctx.locale, result.value, period, name));
  },
});
