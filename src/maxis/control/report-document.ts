/**
 * The `report` action's document: a Discord embed and the same facts as a Markdown file, in the
 * operator's language. Pure: everything it shows is passed in. Whatever a request could have put in
 * the audit trail is made inert text (no links, Markdown or mentions) before it is shown, including
 * rows written before the trail stopped keeping refused requests' text.
 */
import type { AnalyticsResult, Figure, ReportResult, StatusResult } from "../../shared/control/protocol";
import type { Translator } from "../../shared/i18n";
import { inertText } from "../../shared/markdown";
import type { AuditRecord, RefusalSummary } from "./audit";

export interface ReportFacts {
  status: StatusResult;
  analytics: AnalyticsResult;
  /** Newest first; null when the trail could not be read. */
  recent: AuditRecord[] | null;
  /** Refused calls over the period, counted per reason; null when they could not be read. */
  refused: RefusalSummary[] | null;
}

/** One line per recorded call; every field is shown as inert text, whatever wrote it. */
function callLine(call: AuditRecord): string {
  const who = call.operatorName ?? call.operatorId ?? "?";
  const key = call.keyId ?? call.claimedKeyId ?? "?";
  return [
    inertText(call.at, 40),
    inertText(call.action, 64),
    // A call still running (this report's own) reads "pending", not "pending (pending)".
    call.outcome === call.code
      ? inertText(call.outcome, 16)
      : `${inertText(call.outcome, 16)} (${inertText(call.code, 64)})`,
    inertText(who, 100),
    inertText(key, 64),
  ].join(" · ");
}

function refusedLine(t: Translator, refusal: RefusalSummary): string {
  const params = {
    code: inertText(refusal.code, 64),
    count: refusal.count,
    at: inertText(refusal.lastAt, 40),
  };
  return refusal.keyId === null
    ? t("control.report.refused_line", params)
    : t("control.report.refused_line_key", { ...params, keyId: inertText(refusal.keyId, 64) });
}

const line = <T>(t: Translator, figure: Figure<T>, feature: string, ok: (value: T) => string): string =>
  figure.ok ? ok(figure.value) : t("control.report.unavailable", { feature });

export function buildReport(t: Translator, facts: ReportFacts): ReportResult {
  const { status, analytics, recent, refused } = facts;
  const period = analytics.period.label;
  const health = t("control.report.health_value", {
    database:
      status.database.reachable && status.database.latencyMs !== null
        ? t("control.report.db_up", { ms: status.database.latencyMs })
        : t("control.report.db_down"),
    maintenance: status.maintenance.on ? t("control.report.on") : t("control.report.off"),
    restart: status.lastRestart ? status.lastRestart.at : t("control.report.never"),
  });
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
  ].join("\n");
  const calls = recent?.length ? recent.map(callLine) : [t("control.report.no_recent")];
  const refusals =
    refused === null
      ? [t("control.report.unreadable")]
      : refused.length
        ? refused.map((refusal) => refusedLine(t, refusal))
        : [t("control.report.no_refused")];
  const description = t("control.report.description", {
    version: status.version,
    bootId: status.bootId,
    period,
    since: analytics.period.since,
    until: analytics.period.until,
  });
  const title = t("control.report.title");

  const markdown = [
    `# ${title}`,
    "",
    description,
    "",
    `## ${t("control.report.health")}`,
    "",
    ...health.split("\n").map((l) => `- ${l}`),
    "",
    `## ${t("control.report.activity", { period })}`,
    "",
    ...activity.split("\n").map((l) => `- ${l}`),
    "",
    `## ${t("control.report.recent")}`,
    "",
    ...calls.map((l) => `- ${l.replaceAll("·", "|")}`),
    "",
    `## ${t("control.report.refused")}`,
    "",
    ...refusals.map((l) => `- ${l}`),
    "",
  ].join("\n");

  return {
    embed: {
      title,
      description,
      fields: [
        { name: t("control.report.health"), value: health },
        { name: t("control.report.activity", { period }), value: activity },
        { name: t("control.report.recent"), value: fieldValue(calls.slice(0, 5)) },
        { name: t("control.report.refused"), value: fieldValue(refusals.slice(0, 5)) },
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
