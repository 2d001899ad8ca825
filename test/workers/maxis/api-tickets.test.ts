/**
 * More of the dashboard's ticket API, as a staff member would meet it: every route one Supabase call,
 * search that takes the member's words literally, the audit history of a change, paging past the end,
 * bad ticket numbers quoted back, and sessions that are signed but not staff.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { newSessionId } from "../../../src/maxis/dashboard-auth/session-token";
import { signedClaims } from "../../support/session-tokens";
import { api, castWithTickets } from "./api-support";
import { countSupabaseCalls, freshCast } from "./tickets-support";

const setUp = () =>
  castWithTickets(
    ["memberA", "/ticket create subject:Login broken description:It fails category:account priority:high"],
    ["memberB", "/ticket create subject:100% charged twice description:Card category:billing"],
    ["memberA", "/ticket create subject:login_slow on mobile description:Slow"],
  );

describe("each /api/v1 ticket route", () => {
  it("makes exactly one Supabase call, reads and writes alike", async () => {
    const { token, staff } = await setUp();
    const routes: [string, Parameters<typeof api>[1], string][] = [
      ["/tickets?status=open&search=login", { token }, "ticket_list"],
      ["/tickets/1", { token }, "ticket_view"],
      ["/tickets/1/replies", { method: "POST", token, body: { body: "On it" } }, "ticket_reply"],
      ["/tickets/1/notes", { method: "POST", token, body: { body: "Note" } }, "ticket_note"],
      ["/tickets/1/assignee", { method: "PUT", token, body: { assigneeId: staff.userId } }, "ticket_assign"],
      ["/tickets/1/status", { method: "PUT", token, body: { status: "in_progress" } }, "ticket_set_status"],
      ["/tickets/1/priority", { method: "PATCH", token, body: { priority: "low" } }, "ticket_set_priority"],
      ["/tickets/1/close", { method: "POST", token, body: { reason: "Done" } }, "ticket_close"],
      ["/stats", { token }, "ticket_stats"],
    ];
    for (const [path, call, fn] of routes) {
      let status = 0;
      const calls = await countSupabaseCalls(async () => {
        status = (await api(path, call)).status;
      });
      expect(status, path).toBeLessThan(300);
      expect(calls, `${call?.method ?? "GET"} ${path}`).toEqual([fn]);
    }
  });
});

describe("GET /api/v1/tickets", () => {
  it("searches subjects case-insensitively, taking % and _ literally", async () => {
    const { token } = await setUp();
    const numbers = async (query: string) =>
      (((await api(`/tickets?${query}`, { token })).json?.["items"] ?? []) as { number: number }[]).map(
        (t) => t.number,
      );
    expect(await numbers("search=LOGIN")).toEqual([3, 1]);
    expect(await numbers(`search=${encodeURIComponent("%")}`)).toEqual([2]);
    expect(await numbers("search=_")).toEqual([3]);
    expect(await numbers("search=login&category=account")).toEqual([1]);
    expect(await numbers("search=nothing like this")).toEqual([]);
  });

  it("pages past the end with an empty page and the true total", async () => {
    const { token } = await setUp();
    expect((await api("/tickets?limit=2&offset=2", { token })).json).toMatchObject({
      total: 3,
      items: [{ number: 1 }],
    });
    expect((await api("/tickets?offset=50", { token })).json).toEqual({
      total: 3,
      limit: 10,
      offset: 50,
      items: [],
    });
  });
});

describe("GET /api/v1/tickets/:number", () => {
  it("records who changed what in the audit history", async () => {
    const { token, staff } = await setUp();
    await api("/tickets/1/priority", { method: "PUT", token, body: { priority: "critical" } });
    const audit = ((await api("/tickets/1", { token })).json?.["audit"] ?? []) as Record<string, unknown>[];
    expect(audit.map((entry) => entry["action"])).toEqual(["created", "priority_changed"]);
    expect(audit[1]).toMatchObject({
      action: "priority_changed",
      actorId: staff.userId,
      actorRole: "agent",
      before: { priority: "high" },
      after: { priority: "critical" },
    });
  });

  it("quotes a bad ticket number back, in the reader's language", async () => {
    const { token } = await setUp();
    expect(await api("/tickets/abc", { token })).toMatchObject({
      status: 400,
      json: {
        error: {
          code: "invalid_ticket_number",
          message: "“abc” is not a ticket number. Type it like 42 or #42.",
        },
      },
    });
    expect(
      (
        await api("/tickets/4x/replies", {
          method: "POST",
          token,
          body: { body: "hi" },
          headers: { "Accept-Language": "fr" },
        })
      ).json,
    ).toEqual({
      error: {
        code: "invalid_ticket_number",
        message: "« 4x » n'est pas un numéro de ticket. Écrivez-le comme 42 ou #42.",
      },
    });
  });

  it("never quotes half an emoji back, whichever route refused the number", async () => {
    const { token } = await setUp();
    // Nineteen digits, then an emoji whose two UTF-16 units straddle the 20-unit quote.
    const sent = `/tickets/${"1".repeat(19)}${encodeURIComponent("🎟")}`;
    const quoted = `“${"1".repeat(19)}” is not a ticket number. Type it like 42 or #42.`;
    for (const [path, method] of [
      [sent, "GET"],
      [`${sent}/close-request`, "POST"],
    ] as const) {
      const { status, json } = await api(path, { method, token, ...(method === "POST" ? { body: {} } : {}) });
      expect(status).toBe(400);
      expect(json).toEqual({ error: { code: "invalid_ticket_number", message: quoted } });
    }
  });
});

describe("a session that is signed but not a staff session", () => {
  it("is refused like a forged one", async () => {
    const { memberA } = freshCast();
    // Signed with Maxis's own key, well formed, but naming a plain member: no such session is ever issued.
    const token = await signedClaims(env.SESSION_SECRET, {
      sid: newSessionId(),
      sub: memberA.userId,
      guild_id: memberA.guildId,
      app_role: "member",
      exp: Math.floor(Date.now() / 1000) + 3600,
    });
    const calls = await countSupabaseCalls(async () => {
      expect(await api("/tickets", { token })).toMatchObject({
        status: 401,
        json: { error: { code: "invalid_session" } },
      });
    });
    expect(calls).toEqual([]);
  });
});
