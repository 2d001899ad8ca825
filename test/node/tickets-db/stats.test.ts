/**
 * ticket_stats on a hand-made dataset whose answers were worked out on paper (see the table).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callAs, mustCall, newGuild, snowflake, superuser } from "./db";

afterAll(() => superuser.end());

const g = newGuild();
const X = snowflake();
const Y = snowflake();
const M = g.memberA.sub;

//  #  created  category    priority  status              assignee  first response  closed by, after
//  1  -2 d     bug         high      closed              X         X  +60 s        X  +3600 s
//  2  -3 d     technical   medium    closed              X         Y  +120 s       X  +7200 s
//  3  -10 d    billing     critical  in_progress         Y         Y  +600 s
//  4  -20 d    general     low       open
//  5  -40 d    account     medium    closed              Y         X  +300 s       Y  +86400 s
//  6  -100 d   suggestion  low       closed                                        M (owner) +1800 s
//  7  -1 d     bug         high      waiting_for_member  X         X  +30 s
const rows: [
  number,
  string,
  string,
  string,
  string | null,
  string | null,
  number | null,
  string | null,
  number | null,
][] = [
  [2, "bug", "high", "closed", X, X, 60, X, 3600],
  [3, "technical", "medium", "closed", X, Y, 120, X, 7200],
  [10, "billing", "critical", "in_progress", Y, Y, 600, null, null],
  [20, "general", "low", "open", null, null, null, null, null],
  [40, "account", "medium", "closed", Y, X, 300, Y, 86400],
  [100, "suggestion", "low", "closed", null, null, null, M, 1800],
  [1, "bug", "high", "waiting_for_member", X, X, 30, null, null],
];

beforeAll(async () => {
  for (const [
    days,
    category,
    priority,
    status,
    assignee,
    responder,
    responseAfter,
    closer,
    closedAfter,
  ] of rows) {
    await superuser.query(
      `insert into public.tickets (guild_id, owner_id, subject, description, category, priority, status, assignee_id,
                                   created_at, first_responder_id, first_staff_response_at, closed_by, closed_at)
       select $1, $2, 'Seeded', 'Seeded', $3, $4, $5, $6, c, $7, c + make_interval(secs => $8),
              $9, c + make_interval(secs => $10)
         from (select now() - make_interval(days => $11) as c) t`,
      [
        g.guildId,
        M,
        category,
        priority,
        status,
        assignee,
        responder,
        responseAfter,
        closer,
        closedAfter,
        days,
      ],
    );
  }
  // Another guild's tickets must not count.
  await mustCall(newGuild().memberA, "ticket_create", { p_subject: "Elsewhere", p_description: "x" });
  await superuser.query(
    "insert into public.tickets (guild_id, owner_id, subject, description) values ($1, $2, 'Other', 'x')",
    [snowflake(), M],
  );
});

const zero = { open: 0, in_progress: 0, waiting_for_member: 0, closed: 0 };
const noCategory = { general: 0, billing: 0, technical: 0, bug: 0, account: 0, suggestion: 0 };
const noPriority = { critical: 0, high: 0, medium: 0, low: 0 };

describe("ticket_stats", () => {
  it("is staff only", async () => {
    const { error } = await callAs(g.memberA, "ticket_stats");
    expect(error?.message).toBe("staff_only");
  });

  it("matches the known answers over 7 days, 30 days and all time", async () => {
    const stats = await mustCall<Record<string, unknown>>(g.agent, "ticket_stats");
    expect(stats["last7Days"]).toEqual({
      total: 3,
      byStatus: { ...zero, closed: 2, waiting_for_member: 1 },
      byCategory: { ...noCategory, bug: 2, technical: 1 },
      byPriority: { ...noPriority, high: 2, medium: 1 },
      firstResponse: { count: 3, meanSeconds: 70, medianSeconds: 60 },
      resolution: { count: 2, meanSeconds: 5400, medianSeconds: 5400 },
      agents: [
        { agentId: X, assigned: 3, closed: 2, medianFirstResponseSeconds: 45, medianResolutionSeconds: 5400 },
        {
          agentId: Y,
          assigned: 0,
          closed: 0,
          medianFirstResponseSeconds: 120,
          medianResolutionSeconds: null,
        },
      ],
    });
    expect(stats["last30Days"]).toEqual({
      total: 5,
      byStatus: { open: 1, in_progress: 1, waiting_for_member: 1, closed: 2 },
      byCategory: { ...noCategory, bug: 2, technical: 1, billing: 1, general: 1 },
      byPriority: { critical: 1, high: 2, medium: 1, low: 1 },
      firstResponse: { count: 4, meanSeconds: 202.5, medianSeconds: 90 },
      resolution: { count: 2, meanSeconds: 5400, medianSeconds: 5400 },
      agents: [
        { agentId: X, assigned: 3, closed: 2, medianFirstResponseSeconds: 45, medianResolutionSeconds: 5400 },
        {
          agentId: Y,
          assigned: 1,
          closed: 0,
          medianFirstResponseSeconds: 360,
          medianResolutionSeconds: null,
        },
      ],
    });
    expect(stats["allTime"]).toEqual({
      total: 7,
      byStatus: { open: 1, in_progress: 1, waiting_for_member: 1, closed: 4 },
      byCategory: { general: 1, billing: 1, technical: 1, bug: 2, account: 1, suggestion: 1 },
      byPriority: { critical: 1, high: 2, medium: 2, low: 2 },
      firstResponse: { count: 5, meanSeconds: 222, medianSeconds: 120 },
      resolution: { count: 4, meanSeconds: 24750, medianSeconds: 5400 },
      agents: [
        { agentId: X, assigned: 3, closed: 2, medianFirstResponseSeconds: 60, medianResolutionSeconds: 5400 },
        {
          agentId: Y,
          assigned: 2,
          closed: 1,
          medianFirstResponseSeconds: 360,
          medianResolutionSeconds: 86400,
        },
      ],
    });
  });

  it("gives empty windows zeros and nulls, not errors", async () => {
    const stats = await mustCall<Record<string, unknown>>(newGuild().admin, "ticket_stats");
    expect(stats["allTime"]).toEqual({
      total: 0,
      byStatus: zero,
      byCategory: noCategory,
      byPriority: noPriority,
      firstResponse: { count: 0, meanSeconds: null, medianSeconds: null },
      resolution: { count: 0, meanSeconds: null, medianSeconds: null },
      agents: [],
    });
  });
});
