/** A healthy Maxis as the control API reports it, for the tests of what Shellia and reports show. */
import type { AnalyticsResult, StatusResult } from "./protocol";

export const healthyStatus: StatusResult = {
  version: "1.0.0",
  bootId: "boot-1",
  bootedAt: "2026-11-24T10:00:00.000Z",
  lastRestart: null,
  maintenance: { on: false, since: null, by: null },
  database: { reachable: true, latencyMs: 4 },
  openTickets: { ok: true, value: 2 },
  runningGiveaways: { ok: true, value: 1 },
  livePromotions: { ok: true, value: 1 },
};

export const weekAnalytics: AnalyticsResult = {
  period: { label: "7d", since: "2026-11-17T12:00:00.000Z", until: "2026-11-24T12:00:00.000Z" },
  tickets: { ok: true, value: { opened: 5, closed: 3, openNow: 2 } },
  giveaways: { ok: false, error: "not_available" },
  promotions: { ok: true, value: { promotionsRun: 2, plansPromoted: 1, averagePercent: 20, liveNow: 1 } },
};
