/**
 * Response-time targets (issue 13 §4), in Postgres: the settings only a server's admins change
 * (audited), one escalation per ticket and stage however many passes run, and the inbox sorted by
 * time left. The business-hours maths: sla-hours.test.ts.
 */

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asClaims, callAs, mustCall, newGuild, snowflake, superuser } from "./db";
import { settingsChanges } from "./settings-support";

afterAll(() => superuser.end());

/** Maxis's scheduler: service_role with sub maxis:sla, one transaction per call (as PostgREST). */
async function asScheduler<T>(fn: string, args: unknown[]): Promise<T[]> {
  const placeholders = args.map((_, i) => `$${i + 1}`).join(", ");
  const { rows, error } = await asClaims(
    { role: "service_role", sub: "maxis:sla" },
    `select public.${fn}(${placeholders}) as r`,
    args,
  );
  if (error) throw error;
  return rows.map((row) => row["r"] as T);
}

interface Claimed {
  id: number;
  stage: string;
  number: number;
  channelId: string;
  locale: string;
  roleIds: string[];
  attempts: number;
}
const claim = () => asScheduler<Claimed>("sla_claim_escalations", [20]);
const finish = (id: number, ok: boolean, error?: string) =>
  asScheduler("sla_finish_escalation", [id, ok, ok ? "1300000000000009999" : null, error ?? null]);

async function seedTicket(guildId: string, ownerId: string, minutesAgo: number, priority = "medium") {
  const { rows } = await superuser.query<{ number: number }>(
    `insert into public.tickets (guild_id, owner_id, subject, description, priority, created_at)
     values ($1, $2, 'Waiting', 'Nobody answered', $3, now() - make_interval(mins => $4)) returning number`,
    [guildId, ownerId, priority, minutesAgo],
  );
  return rows[0]?.number ?? 0;
}

const escalationsOf = async (guildId: string) =>
  (
    await superuser.query<{ number: number; stage: string; posted: boolean; skipped: string | null }>(
      `select t.number, e.stage, e.posted_at is not null as posted, e.skipped
         from public.ticket_sla_escalations e join public.tickets t on t.id = e.ticket_id
        where e.guild_id = $1 order by t.number, e.stage`,
      [guildId],
    )
  ).rows;

describe("response-time targets", () => {
  const g = newGuild();
  const staffChannel = snowflake();
  const staffRole = snowflake();
  const onCall = snowflake();

  beforeAll(async () => {
    await mustCall("service_role", "server_settings_ensure", {
      p_guild_id: g.guildId,
      p_defaults: { staffRoleIds: [staffRole], staffChannelId: staffChannel, defaultLocale: "fr" },
    });
  });

  it("are off with defaults until an admin turns them on, and only admins change them, audited", async () => {
    expect(await mustCall(g.agent, "server_sla_view")).toMatchObject({
      enabled: false,
      timeZone: "UTC",
      weeklyHours: null,
      targets: { medium: { firstResponse: 480, resolution: 2880 } },
    });
    const refused = await callAs(g.agent, "server_sla_update", { p_changes: { enabled: true } });
    expect(refused.error?.message).toBe("admin_only");
    expect((await callAs(g.memberA, "server_sla_view")).error?.message).toBe("staff_only");
    for (const [changes, code] of [
      [{ timeZone: "Mars/Olympus" }, "invalid_time_zone"],
      [{ weeklyHours: [{ day: 8, from: "09:00", to: "18:00" }] }, "invalid_weekly_hours"],
      [{ weeklyHours: [{ day: 1, from: "18:00", to: "09:00" }] }, "invalid_weekly_hours"],
      [{ holidays: ["2026-02-30"] }, "invalid_holidays"],
      [{ targets: { medium: { firstResponse: 0 } } }, "invalid_targets"],
      [{ warnPercent: 20 }, "invalid_warn_percent"],
      [{ pager: true }, "invalid_settings"],
    ] as const) {
      expect((await callAs(g.admin, "server_sla_update", { p_changes: changes })).error?.message).toBe(code);
    }
    const targets = {
      critical: { firstResponse: 15, resolution: 120 },
      high: { firstResponse: 30, resolution: 240 },
      medium: { firstResponse: 60, resolution: 600 },
      low: { firstResponse: null, resolution: null },
    };
    const saved = await mustCall(g.admin, "server_sla_update", {
      p_changes: { enabled: true, timeZone: "Europe/Paris", targets, onCallRoleId: onCall },
    });
    expect(saved).toMatchObject({ enabled: true, timeZone: "Europe/Paris", targets, onCallRoleId: onCall });
    expect(await settingsChanges(g.guildId)).toEqual([
      {
        action: "settings_changed",
        actor_id: g.admin.sub,
        before: { sla: expect.objectContaining({ enabled: false, timeZone: "UTC" }) },
        after: { sla: expect.objectContaining({ enabled: true, timeZone: "Europe/Paris" }) },
      },
    ]);
  });

  it("escalate once per ticket and stage when two passes run together, and a later pass posts none", async () => {
    const late = await seedTicket(g.guildId, g.memberA.sub, 90); // past its 60-min first response
    const close = await seedTicket(g.guildId, g.memberA.sub, 50); // 50 of 60 min: approaching
    const fresh = await seedTicket(g.guildId, g.memberA.sub, 1);
    const [a, b] = await Promise.all([claim(), claim()]);
    const claimed = [...(a ?? []), ...(b ?? [])];
    expect(claimed.map((e) => `${e.number}:${e.stage}`).sort()).toEqual(
      [`${close}:first_response_approaching`, `${late}:first_response_breached`].sort(),
    );
    const post = claimed.find((e) => e.number === late);
    expect(post).toMatchObject({ channelId: staffChannel, locale: "fr", attempts: 1 });
    expect(post?.roleIds.sort()).toEqual([staffRole, onCall].sort());
    for (const e of claimed) await finish(e.id, true);

    expect(await claim()).toEqual([]);
    expect(await escalationsOf(g.guildId)).toEqual([
      { number: late, stage: "first_response_approaching", posted: false, skipped: "superseded" },
      { number: late, stage: "first_response_breached", posted: true, skipped: null },
      { number: close, stage: "first_response_approaching", posted: true, skipped: null },
    ]);
    expect(fresh).toBeGreaterThan(0);
    const audit = await superuser.query(
      `select a.ticket_number, a.actor_id, a.actor_role, a.after ->> 'stage' as stage from public.ticket_audit a
        where a.guild_id = $1 and a.action = 'sla_escalated' order by a.ticket_number`,
      [g.guildId],
    );
    expect(audit.rows).toEqual([
      { ticket_number: late, actor_id: null, actor_role: "system", stage: "first_response_breached" },
      { ticket_number: close, actor_id: null, actor_role: "system", stage: "first_response_approaching" },
    ]);
  });

  it("resume a claimed post whose pass died, retry a failed one later, and skip a target met meanwhile", async () => {
    const died = await seedTicket(g.guildId, g.memberB.sub, 120, "high"); // 30-min target
    const [first] = await claim();
    expect(first).toMatchObject({ number: died, stage: "first_response_breached" });
    // The pass died before Discord: nothing until the 2-minute lease runs out, then the same row again.
    expect(await claim()).toEqual([]);
    await superuser.query("update public.ticket_sla_escalations set next_attempt_at = now() where id = $1", [
      first?.id,
    ]);
    const [again] = await claim();
    expect(again).toMatchObject({ id: first?.id, attempts: 2 });
    await finish(again?.id ?? 0, false, "Discord 503");
    expect(await claim()).toEqual([]);
    const { rows } = await superuser.query<{ wait: number; last_error: string }>(
      "select extract(epoch from next_attempt_at - now()) as wait, last_error from public.ticket_sla_escalations where id = $1",
      [first?.id],
    );
    expect(rows[0]?.last_error).toBe("Discord 503");
    expect(Number(rows[0]?.wait)).toBeGreaterThan(10);

    const answered = await seedTicket(g.guildId, g.memberB.sub, 45, "critical"); // 15-min target, warn at 12
    await superuser.query(
      `update public.tickets set first_staff_response_at = now(), first_responder_id = $3, status = 'in_progress'
        where guild_id = $1 and number = $2`,
      [g.guildId, answered, g.agent.sub],
    );
    expect(await claim()).toEqual([]);
    expect((await escalationsOf(g.guildId)).filter((e) => e.number === answered)).toEqual([]);
  });

  it("show staff each ticket's time left and sort the inbox by it; members see none", async () => {
    const h = newGuild();
    await mustCall("service_role", "server_settings_ensure", { p_guild_id: h.guildId, p_defaults: {} });
    await mustCall(h.admin, "server_sla_update", { p_changes: { enabled: true } });
    const soon = await seedTicket(h.guildId, h.memberA.sub, 470, "medium"); // 480-min target: 10 min left
    const overdue = await seedTicket(h.guildId, h.memberA.sub, 100, "critical"); // 60-min target: 40 min over
    const later = await seedTicket(h.guildId, h.memberA.sub, 5, "low");
    type Page = { items: { number: number; sla: { target: string; dueAt: string } | null }[] };
    const page = await mustCall<Page>(h.agent, "ticket_list", { p_sort: "due" });
    expect(page.items.map((t) => t.number)).toEqual([overdue, soon, later]);
    expect(page.items[0]?.sla?.target).toBe("first_response");
    expect(new Date(page.items[0]?.sla?.dueAt ?? 0).getTime()).toBeLessThan(Date.now());
    const byNumber = await mustCall<Page>(h.agent, "ticket_list", {});
    expect(byNumber.items.map((t) => t.number)).toEqual([later, overdue, soon]);
    const mine = await mustCall<Page>(h.memberA, "ticket_list", { p_sort: "due" });
    expect(mine.items.every((t) => t.sla === null)).toBe(true);
    expect((await callAs(h.agent, "ticket_list", { p_sort: "age" })).error?.message).toBe("invalid_sort");

    // Turning the targets off clears the time left.
    await mustCall(h.admin, "server_sla_update", { p_changes: { enabled: false } });
    const off = await mustCall<Page>(h.agent, "ticket_list", { p_sort: "due" });
    expect(off.items.every((t) => t.sla === null)).toBe(true);
  });

  it("count compliance and the backlog per day", async () => {
    const inTime = await seedTicket(g.guildId, g.memberB.sub, 10); // answered within its 60 minutes
    await superuser.query(
      `update public.tickets set first_staff_response_at = now(), first_responder_id = $3, status = 'in_progress'
        where guild_id = $1 and number = $2`,
      [g.guildId, inTime, g.agent.sub],
    );
    const stats = await mustCall<{ firstResponse: { met: number; breached: number; running: number } }>(
      g.agent,
      "ticket_sla_stats",
      { p_days: 30 },
    );
    // met: inTime; breached: late, died, answered (after 45 of 15 minutes); running: close, fresh
    expect(stats.firstResponse).toEqual({ met: 1, breached: 3, running: 2 });
    const backlog = await mustCall<{
      daily: { date: string; opened: number; closed: number; backlog: number }[];
    }>(g.agent, "ticket_backlog_series", { p_days: 7 });
    expect(backlog.daily).toHaveLength(7);
    // Per UTC day: the six tickets (1 to 120 minutes old) are split over yesterday and today when the
    // test runs before 02:00 UTC, so each day is checked against the UTC days the tickets were created on.
    const created = await superuser.query<{ created_at: Date }>(
      "select created_at from public.tickets where guild_id = $1",
      [g.guildId],
    );
    const openedOn = new Map<string, number>();
    for (const { created_at } of created.rows) {
      const day = created_at.toISOString().slice(0, 10);
      openedOn.set(day, (openedOn.get(day) ?? 0) + 1);
    }
    let open = 0;
    const expected = backlog.daily.map(({ date }) => {
      open += openedOn.get(date) ?? 0;
      return { date, opened: openedOn.get(date) ?? 0, closed: 0, backlog: open };
    });
    expect(backlog.daily).toEqual(expected);
    expect(backlog.daily.at(-1)).toMatchObject({ closed: 0, backlog: 6 });
    expect((await callAs(g.memberA, "ticket_backlog_series", { p_days: 7 })).error?.message).toBe(
      "staff_only",
    );
  });

  it("are claimed by Maxis's scheduler only", async () => {
    for (const caller of [g.admin, "service_role", "anon"] as const) {
      expect((await callAs(caller, "sla_claim_escalations", { p_limit: 5 })).error).not.toBeNull();
    }
  });
});
