import { describe, expect, it } from "vitest";
import { translatorFor } from "../../../shared/i18n";
import type { TicketStats, TicketStatsWindow } from "../rpc";
import { catalogueNames } from "./fixtures.test-support";
import { statsMessage } from "./stats";

const emptyWindow: TicketStatsWindow = {
  total: 0,
  byStatus: { open: 0, in_progress: 0, waiting_for_member: 0, closed: 0 },
  byCategory: { general: 0, billing: 0, technical: 0, bug: 0, account: 0, suggestion: 0 },
  byPriority: { critical: 0, high: 0, medium: 0, low: 0 },
  firstResponse: { count: 0, meanSeconds: null, medianSeconds: null },
  resolution: { count: 0, meanSeconds: null, medianSeconds: null },
  agents: [],
};
const week: TicketStatsWindow = {
  ...emptyWindow,
  total: 3,
  byStatus: { open: 1, in_progress: 1, waiting_for_member: 0, closed: 1 },
  firstResponse: { count: 2, meanSeconds: 5400, medianSeconds: 5400 },
  agents: [
    {
      agentId: "222",
      assigned: 2,
      closed: 1,
      medianFirstResponseSeconds: 3600,
      medianResolutionSeconds: null,
    },
  ],
};
const stats: TicketStats = {
  generatedAt: "2026-11-24T10:00:00.000Z",
  last7Days: week,
  last30Days: emptyWindow,
  allTime: emptyWindow,
};

describe("statsMessage", () => {
  it("shows the chosen period's counts, durations and agents", () => {
    const embed = statsMessage(translatorFor("en"), "en", stats, "7d", catalogueNames("en")).embeds?.[0];
    expect(embed?.title).toBe("Support statistics · Last 7 days");
    expect(embed?.fields).toEqual(
      expect.arrayContaining([
        { name: "Tickets opened", value: "**3**" },
        {
          name: "By status",
          value: "Open: **1**\nIn progress: **1**\nWaiting for member: **0**\nClosed: **1**",
          inline: true,
        },
        { name: "First response", value: "median 1 h 30 min · mean 1 h 30 min · tickets measured: 2" },
        { name: "Resolution", value: "nothing measured yet" },
        { name: "Staff", value: "<@222>: assigned 2, closed 1 · first response 1 h · resolution —" },
      ]),
    );
  });

  it("speaks French, days included", () => {
    const embed = statsMessage(
      translatorFor("fr"),
      "fr",
      {
        ...stats,
        allTime: { ...week, firstResponse: { count: 1, meanSeconds: 90000, medianSeconds: 90000 } },
      },
      "all",
      catalogueNames("fr"),
    ).embeds?.[0];
    expect(embed?.title).toBe("Statistiques du support · Depuis le début");
    expect(embed?.fields).toContainEqual({
      name: "Première réponse",
      value: "médiane 1 j 1 h · moyenne 1 j 1 h · tickets mesurés : 1",
    });
  });

  it("says when no staff has acted yet", () => {
    const embed = statsMessage(translatorFor("en"), "en", stats, "30d", catalogueNames("en")).embeds?.[0];
    expect(embed?.fields).toContainEqual({ name: "Staff", value: "No staff activity yet." });
  });
});
