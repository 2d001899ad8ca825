/**
 * How Shellia words Maxis's answers for operators. Pure: tested without a runtime. Text that came
 * from a request (a prize as typed) is shown inert; ids that go into mentions must be ids.
 */

import type {
  AnalyticsResult,
  Figure,
  GiveawayResult,
  PromoResult,
  RestartResult,
  StatusResult,
} from "../../shared/control/protocol";
import { GATEWAY_STATES } from "../../shared/control/protocol";
import { revenueParams } from "../../shared/control/revenue";
import { effectivePercent } from "../../shared/discount";
import type { Locale, Translator } from "../../shared/i18n";
import { currencyFormat } from "../../shared/i18n/currency";
import { inertText } from "../../shared/markdown";
import type { CallProblem } from "../control-client";
import type { MaxisTarget } from "../maxis-targets";

const unix = (iso: string | number) => Math.floor(new Date(iso).getTime() / 1000);

/** Only a Discord id goes inside `<@…>` or `<#…>`; anything else would be text Discord formats. */
const snowflake = (id: string | null | undefined) => (id && /^\d{5,20}$/.test(id) ? id : "0");

/** A refusal code is one of Maxis's own (`bad_signature`); anything else is not repeated. */
const refusalCode = (code: string) => (/^[a-z][a-z0-9_]{0,63}$/.test(code) ? code : "unauthorized");

/** The operator-facing sentence for any answer that is not a success. */
export function problem(t: Translator, target: MaxisTarget, outcome: CallProblem): string {
  switch (outcome.kind) {
    case "refused":
      return t("maxis.outcome.refused", {
        target: target.name,
        code: refusalCode(outcome.code),
        keyId: target.key.keyId,
      });
    case "rejected":
      return t("maxis.outcome.rejected", { target: target.name, message: outcome.message });
    case "failing":
      return t("maxis.outcome.failing", { target: target.name, status: outcome.status });
    case "unreachable":
      return t("maxis.outcome.unreachable", {
        target: target.name,
        reason: t(`maxis.unreachable.${outcome.cause}`),
      });
    case "timeout":
      return t("maxis.outcome.timeout", { target: target.name, seconds: outcome.ms / 1000 });
  }
}

function figure<T>(t: Translator, value: Figure<T>, show: (v: T) => string | number): string | number {
  return value.ok ? show(value.value) : t(`maxis.figure.${value.error}`);
}

export function formatStatus(t: Translator, target: MaxisTarget, status: StatusResult, ms: number): string {
  return [
    t("maxis.status.line", {
      target: target.name,
      version: status.version,
      bootId: status.bootId.slice(0, 8),
      bootedAt: unix(status.bootedAt),
      ms,
    }),
    status.lastRestart
      ? t("maxis.status.restart", { at: unix(status.lastRestart.at), by: snowflake(status.lastRestart.by) })
      : t("maxis.status.never_restarted"),
    status.maintenance.on
      ? t("maxis.status.maintenance_on", {
          since: status.maintenance.since ? unix(status.maintenance.since) : 0,
          by: snowflake(status.maintenance.by),
        })
      : t("maxis.status.maintenance_off"),
    status.database.reachable
      ? t("maxis.status.database_up", { ms: status.database.latencyMs ?? 0 })
      : t("maxis.status.database_down"),
    t("maxis.status.figures", {
      tickets: figure(t, status.openTickets, (n) => n),
      giveaways: figure(t, status.runningGiveaways, (n) => n),
      promotions: figure(t, status.livePromotions, (n) => n),
    }),
    ...gatewayLines(t, status),
  ].join("\n");
}

/** One line per Gateway shard: its state, its last event and how often it reconnected. */
function gatewayLines(t: Translator, status: StatusResult): string[] {
  if (!status.gateway) return [];
  if (!status.gateway.ok)
    return [t("maxis.status.gateway_unknown", { reason: t(`maxis.figure.${status.gateway.error}`) })];
  return status.gateway.value.map((s) =>
    t("maxis.status.gateway", {
      shard: s.shard,
      shards: s.shards,
      state: gatewayState(t, s.state),
      lastEvent: s.lastEventAt ? `<t:${unix(s.lastEventAt)}:R>` : t("maxis.status.gateway_no_event"),
      reconnects: s.reconnects,
    }),
  );
}

const isGatewayState = (state: string): state is (typeof GATEWAY_STATES)[number] =>
  (GATEWAY_STATES as readonly string[]).includes(state);

/** A shard's state in the operator's language; one this Shellia does not know, shown inert as sent. */
const gatewayState = (t: Translator, state: string) =>
  isGatewayState(state) ? t(`maxis.status.gateway_state.${state}`) : inertText(state, 32);

/** Revenue over the period: paid, refunded, failed and disputed payments, subscriptions running now. */
function revenueLine(
  t: Translator,
  locale: Locale,
  revenue: NonNullable<AnalyticsResult["revenue"]>,
): string {
  if (!revenue.ok) {
    return t("maxis.analytics.unavailable", {
      feature: t("maxis.analytics.feature.revenue"),
      reason: t(`maxis.figure.${revenue.error}`),
    });
  }
  const v = revenue.value;
  const money = (cents: number) => (v.currency ? formatMoney(cents, v.currency, locale) : "0");
  return t("maxis.analytics.revenue", {
    // A server name is written by its admins: text, never Markdown or mentions.
    server: v.guildName ? inertText(v.guildName, 100) : v.guildId ? snowflake(v.guildId) : "—",
    ...revenueParams(v, money),
  });
}

export function formatAnalytics(
  t: Translator,
  target: MaxisTarget,
  result: AnalyticsResult,
  locale: Locale = "en",
): string {
  const unavailable = (feature: "tickets" | "giveaways" | "promotions", value: Figure<unknown>) =>
    value.ok
      ? null
      : t("maxis.analytics.unavailable", {
          feature: t(`maxis.analytics.feature.${feature}`),
          reason: t(`maxis.figure.${value.error}`),
        });
  const { tickets, giveaways, promotions } = result;
  return [
    t("maxis.analytics.title", {
      target: target.name,
      period: result.period.label,
      since: unix(result.period.since),
    }),
    tickets.ok ? t("maxis.analytics.tickets", tickets.value) : unavailable("tickets", tickets),
    giveaways.ok ? t("maxis.analytics.giveaways", giveaways.value) : unavailable("giveaways", giveaways),
    promotions.ok
      ? t("maxis.analytics.promotions", {
          run: promotions.value.promotionsRun,
          plans: promotions.value.plansPromoted,
          average: promotions.value.averagePercent === null ? "—" : `${promotions.value.averagePercent} %`,
          live: promotions.value.liveNow,
        })
      : unavailable("promotions", promotions),
    ...(result.revenue ? [revenueLine(t, locale, result.revenue)] : []),
  ].join("\n");
}

/** Integer cents in the operator's language, e.g. 12,00 € or €12.00. */
export function formatMoney(cents: number, currency: string, locale: Locale): string {
  return currencyFormat(locale, currency).format(cents / 100);
}

export function formatPromo(t: Translator, locale: Locale, target: MaxisTarget, promo: PromoResult): string {
  // The plan's floor price can hold the discount below what was asked: the operator is told both.
  const effective = effectivePercent(promo.priceCents, promo.promotedCents);
  return t(effective < promo.percent ? "maxis.promo.created_floor" : "maxis.promo.created", {
    id: promo.id,
    target: target.name,
    // Both written by that server's admins: shown as text, never as Markdown or mentions.
    server: promo.guildName ? inertText(promo.guildName, 100) : snowflake(promo.guildId),
    plan: inertText(promo.planName, 100),
    percent: promo.percent,
    effective,
    price: formatMoney(promo.priceCents, promo.currency, locale),
    promoted: formatMoney(promo.promotedCents, promo.currency, locale),
    ends: unix(promo.endsAt),
  });
}

export function formatGiveaway(t: Translator, target: MaxisTarget, giveaway: GiveawayResult): string {
  return t("maxis.giveaway.started", {
    id: giveaway.id,
    target: target.name,
    channel: snowflake(giveaway.channelId),
    prize: inertText(giveaway.prize, 256),
    winners: giveaway.winners,
    ends: unix(giveaway.endsAt),
  });
}

export function formatRestart(t: Translator, target: MaxisTarget, restart: RestartResult): string {
  const base = {
    target: target.name,
    previous: restart.previousBootId.slice(0, 8),
    bootId: restart.bootId.slice(0, 8),
  };
  return restart.commandsSynced === null
    ? t("maxis.restart.done_sync_failed", { ...base, syncError: restart.syncError ?? "" })
    : t("maxis.restart.done", { ...base, count: restart.commandsSynced });
}
