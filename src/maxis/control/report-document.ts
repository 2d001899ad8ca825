/**
 * The `report` action's document: a Discord embed and the same facts as a Markdown file, in the
 * operator's language. Pure: everything it shows is passed in. People appear by name; times as Discord
 * timestamps in the embed (each reader's own time zone) and spelled out in the file, which outlives them.
 * Whatever a request or a Discord profile could have put in the trail (names, actions, codes, key
 * ids) is made inert text (no links, Markdown or mentions) before it is shown, including rows written
 * before the trail stopped keeping refused requests' text.
 */
import type { AnalyticsResult, Figure, ReportResult, StatusResult } from "../../shared/control/protocol";
import { revenueParams } from "../../shared/control/revenue";
import type { Locale, Translator } from "../../shared/i18n";
import { formatPrice } from "../../shared/i18n/currency";
import { discordTimestamp, formatDateTime } from "../../shared/i18n/dates";
import { inertText } from "../../shared/markdown";
import type { AuditOutcome, AuditRecord, RefusalSummary } from "./audit";

export interface ReportFacts {
  status: StatusResult;
  analytics: AnalyticsResult;
  /** Newest first; null when the trail could not be read. */
  recent: AuditRecord[] | null;
  /** Refused calls over the period, counted per reason; null when they could not be read. */
  refused: RefusalSummary[] | null;
}

export interface ReportReader {
  t: Translator;
  locale: Locale;
}

type When = (iso: string) => string;

const who = (id: string | null, name: string | null | undefined) => inertText(name || id || "?", 100);

const OUTCOMES: readonly string[] = [
  "pending",
  "accepted",
  "rejected",
  "refused",
  "failed",
] satisfies AuditOutcome[];

/** The call's outcome in the reader's language; one the trail should not hold, as inert text. */
const outcomeWord = (t: Translator, outcome: string) =>
  OUTCOMES.includes(outcome)
    ? t(`control.report.outcome.${outcome as AuditOutcome}`)
    : inertText(outcome, 16);

/** One line per recorded call; every field is shown as inert text, whatever wrote it. */
function callLine(t: Translator, call: AuditRecord, when: When): string {
  return [
    when(call.at),
    inertText(call.action, 64),
    // A call still running (this report's own) reads "pending", not "pending (pending)".
    call.outcome === call.code
      ? outcomeWord(t, call.outcome)
      : `${outcomeWord(t, call.outcome)} (${inertText(call.code, 64)})`,
    who(call.operatorId, call.operatorName),
    inertText(call.keyId ?? call.claimedKeyId ?? "?", 64),
  ].join(" · ");
}

function refusedLine(t: Translator, refusal: RefusalSummary, when: When): string {
  const params = { code: inertText(refusal.code, 64), count: refusal.count, at: when(refusal.lastAt) };
  return refusal.keyId === null
    ? t("control.report.refused_line", params)
    : t("control.report.refused_line_key", { ...params, keyId: inertText(refusal.keyId, 64) });
}

const line = <T>(t: Translator, figure: Figure<T>, feature: string, ok: (value: T) => string): string =>
  figure.ok ? ok(figure.value) : t("control.report.unavailable", { feature });

/** The parts that mention times, written once for the embed and once for the file. */
function timed(t: Translator, facts: ReportFacts, when: When) {
  const { status, analytics, recent, refused } = facts;
  const { maintenance, lastRestart } = status;
  const health = t("control.report.health_value", {
    database:
      status.database.reachable && status.database.latencyMs !== null
        ? t("control.report.db_up", { ms: status.database.latencyMs })
        : t("control.report.db_down"),
    maintenance: maintenance.on
      ? maintenance.since
        ? t("control.report.on_since", {
            since: when(maintenance.since),
            by: who(maintenance.by, maintenance.byName),
          })
        : t("control.report.on")
      : t("control.report.off"),
    restart: lastRestart
      ? t("control.report.restarted", {
          at: when(lastRestart.at),
          by: who(lastRestart.by, lastRestart.byName),
        })
      : t("control.report.never"),
  });
  const description = t("control.report.description", {
    version: status.version,
    bootId: status.bootId,
    period: analytics.period.label,
    since: when(analytics.period.since),
    until: when(analytics.period.until),
  });
  const calls = recent?.length
    ? recent.map((call) => callLine(t, call, when))
    : [t("control.report.no_recent")];
  const refusals =
    refused === null
      ? [t("control.report.unreadable")]
      : refused.length
        ? refused.map((refusal) => refusedLine(t, refusal, when))
        : [t("control.report.no_refused")];
  return { health, description, calls, refusals };
}

export function buildReport({ t, locale }: ReportReader, facts: ReportFacts): ReportResult {
  const { analytics } = facts;
  const period = analytics.period.label;
  const activity = [
    line(t, analytics.tickets, t("control.feature.tickets"), (v) =>
      t("control.report.tickets_value", { opened: v.opened, closed: v.closed, open: v.openNow }),
    ),
    line(t, analytics.giveaways, t("control.feature.giveaways"), (v) =>
      t("control.report.giveaways_value", {
        started: v.started,
        ended: v.ended,
        running: v.running,
        entrants: v.entrants,
      }),
    ),
    line(t, analytics.promotions, t("control.feature.shop"), (v) =>
      t("control.report.promotions_value", { run: v.promotionsRun, plans: v.plansPromoted, live: v.liveNow }),
    ),
    ...(analytics.revenue
      ? [
          line(t, analytics.revenue, t("control.feature.payments"), (v) => {
            const money = (cents: number) => (v.currency ? formatPrice(cents, v.currency, locale) : "0");
            const byPlan = v.byPlan
              .map((p) =>
                t("control.report.revenue_plan", {
                  plan: inertText(p.planId ?? "?", 40),
                  promotion: p.promotionId ?? "—",
                  payments: p.payments,
                  paid: money(p.paidCents),
                }),
              )
              .join(t("control.report.revenue_separator"));
            return t("control.report.revenue_value", {
              server: v.guildName ? inertText(v.guildName, 100) : (v.guildId ?? "—"),
              ...revenueParams(v, money),
              byPlan: byPlan || "—",
            });
          }),
        ]
      : []),
  ].join("\n");
  const title = t("control.report.title");
  const inEmbed = timed(t, facts, (iso) => discordTimestamp(iso, "f"));
  const inFile = timed(t, facts, (iso) => formatDateTime(locale, iso));

  const markdown = [
    `# ${title}`,
    "",
    inFile.description,
    "",
    `## ${t("control.report.health")}`,
    "",
    ...inFile.health.split("\n").map((l) => `- ${l}`),
    "",
    `## ${t("control.report.activity", { period })}`,
    "",
    ...activity.split("\n").map((l) => `- ${l}`),
    "",
    `## ${t("control.report.recent")}`,
    "",
    ...inFile.calls.map((l) => `- ${l.replaceAll("·", "|")}`),
    "",
    `## ${t("control.report.refused")}`,
    "",
    ...inFile.refusals.map((l) => `- ${l}`),
    "",
  ].join("\n");

  return {
    embed: {
      title,
      description: inEmbed.description,
      fields: [
        { name: t("control.report.health"), value: inEmbed.health },
        { name: t("control.report.activity", { period }), value: activity },
        { name: t("control.report.recent"), value: fieldValue(inEmbed.calls.slice(0, 5)) },
        { name: t("control.report.refused"), value: fieldValue(inEmbed.refusals.slice(0, 5)) },
      ],
      timestamp: analytics.period.until,
    },
    markdown,
    filename: `maxis-report-${analytics.period.until.slice(0, 10)}.md`,
  };
}

/** Whole lines only, within Discord's 1024 characters per field (a cut line could end mid-escape). */
function fieldValue(lines: string[]): string {
  let value = "";
  for (const line of lines) {
    const next = value ? `${value}\n${line}` : line;
    if (next.length > 1024) break;
    value = next;
  }
  return value || "…";
}
