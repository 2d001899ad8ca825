import type { APIEmbed } from "discord-api-types/v10";
import { isDefaultCategory } from "../../../shared/contracts/tickets";
import type { MessageData } from "../../../shared/discord/responses";
import type { Locale, Translator } from "../../../shared/i18n";
import { formatDuration } from "../../../shared/i18n/duration";
import {
  type DurationStats,
  TICKET_CATEGORIES,
  TICKET_PRIORITIES,
  TICKET_STATUSES,
  type TicketStats,
  type TicketStatsWindow,
} from "../rpc";
import { safeText } from "./escape";
import { type CategoryName, priorityLabel, statusLabel } from "./labels";

export const STATS_PERIODS = ["7d", "30d", "all"] as const;
export type StatsPeriod = (typeof STATS_PERIODS)[number];

export function statsWindow(stats: TicketStats, period: StatsPeriod): TicketStatsWindow {
  return period === "7d" ? stats.last7Days : period === "30d" ? stats.last30Days : stats.allTime;
}

const orDash = (seconds: number | null, locale: Locale) =>
  seconds === null ? "—" : formatDuration(seconds, locale);

function durations(t: Translator, locale: Locale, d: DurationStats): string {
  if (d.count === 0) return t("ticket.stats.no_duration");
  return t("ticket.stats.durations", {
    median: orDash(d.medianSeconds, locale),
    mean: orDash(d.meanSeconds, locale),
    count: d.count,
  });
}

/** The six in their order, then the categories the server added, by key. */
function categoryKeys(byCategory: Record<string, number>): string[] {
  const added = Object.keys(byCategory).filter((key) => !isDefaultCategory(key));
  return [...TICKET_CATEGORIES, ...added.sort()];
}

function counts<K extends string>(
  t: Translator,
  keys: readonly K[],
  values: Record<K, number>,
  label: (key: K) => string,
): string {
  return keys
    .map((key) => t("ticket.stats.count_line", { label: label(key), count: values[key] ?? 0 }))
    .join("\n");
}

/** Whole lines only, up to Discord's 1024-character field limit. */
function joinWithin(lines: readonly string[], max: number): string {
  let text = "";
  for (const line of lines) {
    const next = text ? `${text}\n${line}` : line;
    if (next.length > max) break;
    text = next;
  }
  return text;
}

/** `/ticket-staff stats`: one period, every figure the database computed for it. */
export function statsMessage(
  t: Translator,
  locale: Locale,
  stats: TicketStats,
  period: StatsPeriod,
  /** How the server names its categories (its settings). */
  categoryName: CategoryName,
): MessageData {
  const w = statsWindow(stats, period);
  const agents = w.agents.slice(0, 10).map((a) =>
    t("ticket.stats.agent_line", {
      agent: a.agentId,
      assigned: a.assigned,
      closed: a.closed,
      firstResponse: orDash(a.medianFirstResponseSeconds, locale),
      resolution: orDash(a.medianResolutionSeconds, locale),
    }),
  );
  const embed: APIEmbed = {
    title: t("ticket.stats.title", { period: t(`ticket.period.${period}`) }),
    color: 0x5865f2,
    fields: [
      { name: t("ticket.stats.total"), value: `**${w.total}**` },
      {
        name: t("ticket.stats.by_status"),
        value: counts(t, TICKET_STATUSES, w.byStatus, (s) => statusLabel(t, s)),
        inline: true,
      },
      {
        name: t("ticket.stats.by_category"),
        value: counts(t, categoryKeys(w.byCategory), w.byCategory, (c) => safeText(categoryName(c), 100)),
        inline: true,
      },
      {
        name: t("ticket.stats.by_priority"),
        value: counts(t, TICKET_PRIORITIES, w.byPriority, (p) => priorityLabel(t, p)),
        inline: true,
      },
      { name: t("ticket.stats.first_response"), value: durations(t, locale, w.firstResponse) },
      { name: t("ticket.stats.resolution"), value: durations(t, locale, w.resolution) },
      {
        name: t("ticket.stats.agents"),
        value: agents.length ? joinWithin(agents, 1024) : t("ticket.stats.no_agents"),
      },
    ],
    timestamp: stats.generatedAt,
  };
  return { embeds: [embed] };
}
