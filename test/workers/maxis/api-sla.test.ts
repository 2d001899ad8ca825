/**
 * Response-time targets through the dashboard's API: admins turn them on (staff may not), the inbox
 * lists tickets with their time left and sorts by it, the stats carry compliance and the backlog, and
 * the CSV exports are spreadsheet-safe.
 */
import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { api, castWithTickets, sessionFor } from "./api-support";

async function csv(path: string, token: string) {
  const res = await exports.default.fetch(`https://maxis.test/api/v1${path}`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  return { status: res.status, type: res.headers.get("Content-Type"), text: await res.text() };
}

async function setUp() {
  const cast = await castWithTickets(
    ["memberA", "/ticket create subject:Low one description:Whenever category:general priority:low"],
    [
      "memberB",
      '/ticket create subject:=HYPERLINK("http://evil.example","click") description:x category:billing priority:critical',
    ],
    ["memberA", "/ticket create subject:Medium, with a comma description:y priority:medium"],
  );
  return { ...cast, staffToken: cast.token, adminToken: await sessionFor(cast.admin, "admin") };
}

describe("response-time targets over the API", { timeout: 30_000 }, () => {
  it("are changed by admins only, in the reader's language, and then time the inbox", async () => {
    const { staffToken, adminToken } = await setUp();
    const refused = await api("/sla", {
      method: "PATCH",
      token: staffToken,
      body: { enabled: true },
      headers: { "Accept-Language": "fr" },
    });
    expect(refused.status).toBe(403);
    expect(refused.json?.["error"]).toMatchObject({
      code: "admin_only",
      message: expect.stringContaining("administrateurs"),
    });
    const badZone = await api("/sla", {
      method: "PATCH",
      token: adminToken,
      body: { timeZone: "Europe/Atlantis" },
    });
    expect(badZone.status).toBe(400);
    expect(badZone.json?.["error"]).toMatchObject({ code: "invalid_time_zone" });

    const before = await api("/tickets?sort=due", { token: staffToken });
    expect(((before.json?.["items"] ?? []) as { sla: unknown }[]).every((t) => t.sla === null)).toBe(true);

    const saved = await api("/sla", { method: "PATCH", token: adminToken, body: { enabled: true } });
    expect(saved.status).toBe(200);
    expect(saved.json).toMatchObject({ enabled: true, timeZone: "UTC", weeklyHours: null });
    expect((await api("/sla", { token: staffToken })).json).toMatchObject({ enabled: true });

    // Critical answers within 1 h, medium 8 h, low 24 h (the defaults): least time left first.
    const due = await api("/tickets?sort=due", { token: staffToken });
    const items = due.json?.["items"] as { number: number; sla: { target: string; dueAt: string } | null }[];
    expect(items.map((t) => t.number)).toEqual([2, 3, 1]);
    expect(items[0]?.sla?.target).toBe("first_response");
    const left = Date.parse(items[0]?.sla?.dueAt ?? "") - Date.now();
    expect(left).toBeGreaterThan(50 * 60_000);
    expect(left).toBeLessThanOrEqual(60 * 60_000);
    expect((await api("/tickets?sort=age", { token: staffToken })).json?.["error"]).toMatchObject({
      code: "invalid_sort",
    });

    const report = await api("/stats/sla?days=7", { token: staffToken });
    expect(report.json).toMatchObject({
      days: 7,
      compliance: { firstResponse: { met: 0, breached: 0, running: 3 } },
    });
    expect(((report.json?.["backlog"] ?? []) as { backlog: number }[]).at(-1)).toMatchObject({ backlog: 3 });
  });

  it("export tickets and agents as CSV a spreadsheet shows as text", async () => {
    const { staffToken, memberA } = await setUp();
    const tickets = await csv("/export/tickets.csv?days=30", staffToken);
    expect(tickets.status).toBe(200);
    expect(tickets.type).toBe("text/csv; charset=utf-8");
    const lines = tickets.text.replace(/^\uFEFF/, "").split("\r\n");
    expect(lines[0]).toBe(
      "number,subject,category,priority,status,owner_id,assignee_id,created_at,first_staff_response_at,first_response_due_at,closed_at,resolution_due_at",
    );
    expect(lines[1]).toMatch(/^3,"Medium, with a comma",general,medium,open,/);
    expect(lines[2]).toMatch(/^2,"'=HYPERLINK\(""http:\/\/evil\.example"",""click""\)",billing,critical,/);
    expect(lines[3]).toContain(`,${memberA.userId},`);
    const agents = await csv("/export/agents.csv", staffToken);
    expect(agents.text.replace(/^\uFEFF/, "").split("\r\n")[0]).toBe(
      "agent_id,assigned,closed,median_first_response_seconds,median_resolution_seconds",
    );
    expect((await csv("/export/tickets.csv?days=0", staffToken)).status).toBe(400);
  });
});
