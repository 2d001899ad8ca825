/**
 * The dashboard's REST API with a minted staff session: the ticket routes over the real SQL functions
 * (RLS as the staff member the session names), and validation errors as JSON.
 */
import { env, exports } from "cloudflare:workers";
import { describe, expect, inject, it } from "vitest";
import {
  LOCAL_GUILD_ID,
  LOCAL_MEMBER_ID,
  LOCAL_STAFF_ID,
  LOCAL_STAFF_ROLE_ID,
} from "../../../scripts/lib/local-identities";
import { api, sessionFor } from "./api-support";
import { countSupabaseCalls, freshCast, run, visibleText } from "./tickets-support";

/** A server with two members' tickets and a staff member signed in to the dashboard. */
async function setUp() {
  const cast = freshCast();
  await run(
    cast.memberA,
    "/ticket create subject:Broken login description:It fails category:account priority:high",
  );
  await run(
    cast.memberB,
    "/ticket create subject:Invoice missing description:Where is it category:billing priority:low",
  );
  await run(cast.memberA, "/ticket create subject:Login slow description:Very slow category:technical");
  return { ...cast, token: await sessionFor(cast.staff) };
}

describe("GET /api/v1/tickets", () => {
  it("lists the server's tickets with filters, subject search and paging", async () => {
    const { token, memberA } = await setUp();
    const all = await api("/tickets", { token });
    expect(all.status).toBe(200);
    expect(all.json).toMatchObject({ total: 3, limit: 10, offset: 0 });
    expect(((all.json?.["items"] ?? []) as { number: number }[]).map((t) => t.number)).toEqual([3, 2, 1]);

    const search = await api("/tickets?search=login&priority=high", { token });
    expect(search.json).toMatchObject({
      total: 1,
      items: [
        {
          number: 1,
          subject: "Broken login",
          category: "account",
          priority: "high",
          ownerId: memberA.userId,
        },
      ],
    });
    expect((await api("/tickets?category=billing", { token })).json).toMatchObject({
      total: 1,
      items: [{ number: 2 }],
    });
    expect((await api("/tickets?assignee=none&status=open", { token })).json).toMatchObject({ total: 3 });
    const page = await api("/tickets?limit=2&offset=2", { token });
    expect(page.json).toMatchObject({ total: 3, limit: 2, offset: 2, items: [{ number: 1 }] });
  });

  it("makes one Supabase call per request", async () => {
    const { token } = await setUp();
    expect(await countSupabaseCalls(() => api("/tickets", { token }))).toEqual(["ticket_list"]);
    expect(await countSupabaseCalls(() => api("/tickets/1", { token }))).toEqual(["ticket_view"]);
    expect(await countSupabaseCalls(() => api("/stats", { token }))).toEqual(["ticket_stats"]);
  });
});

describe("conditional reads (the dashboard's polling)", () => {
  it("answers 304 without a body while a ticket or list is unchanged, and 200 once it changed", async () => {
    const { token } = await setUp();
    const first = await api("/tickets/1", { token });
    const tag = first.headers.get("ETag");
    expect(tag).toMatch(/^"[0-9a-f]+"$/);
    const same = await api("/tickets/1", {
      token,
      headers: { "If-None-Match": tag ?? "", Origin: env.DASHBOARD_ORIGIN },
    });
    expect(same.status).toBe(304);
    expect(same.json).toBeNull();
    // Still readable by the dashboard across origins.
    expect(same.headers.get("Access-Control-Allow-Origin")).toBe(env.DASHBOARD_ORIGIN);
    expect(same.headers.get("ETag")).toBe(tag);

    const list = await api("/tickets", { token });
    const listTag = list.headers.get("ETag") ?? "";
    expect((await api("/tickets", { token, headers: { "If-None-Match": listTag } })).status).toBe(304);

    await api("/tickets/1/replies", { method: "POST", token, body: { body: "On it" } });
    const changed = await api("/tickets/1", { token, headers: { "If-None-Match": tag ?? "" } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get("ETag")).not.toBe(tag);
    expect((await api("/tickets", { token, headers: { "If-None-Match": listTag } })).status).toBe(200);
  });

  it("lets the dashboard send If-None-Match and read ETag across origins", async () => {
    const preflight = await api("/tickets", {
      method: "OPTIONS",
      headers: {
        Origin: env.DASHBOARD_ORIGIN,
        "Access-Control-Request-Method": "GET",
        "Access-Control-Request-Headers": "if-none-match",
      },
    });
    expect(preflight.headers.get("Access-Control-Allow-Headers")?.toLowerCase()).toContain("if-none-match");
    const { token } = await setUp();
    const read = await api("/tickets", { token, headers: { Origin: env.DASHBOARD_ORIGIN } });
    expect(read.headers.get("Access-Control-Expose-Headers")).toContain("ETag");
  });
});

describe("GET /api/v1/people", () => {
  const local = inject("discordLocalUrl");
  const memberLookups = async () =>
    ((await (await fetch(`${local}/__local/requests`)).json()) as { method: string; path: string }[]).filter(
      (r) => r.method === "GET" && r.path.startsWith(`/guilds/${LOCAL_GUILD_ID}/members/`),
    ).length;

  it("names the server's members for the dashboard, once per hour at most", async () => {
    const token = await sessionFor({
      userId: LOCAL_STAFF_ID,
      guildId: LOCAL_GUILD_ID,
      roles: [LOCAL_STAFF_ROLE_ID],
    });
    const gone = "1300000000000000999";
    const before = await memberLookups();
    const res = await api(`/people?ids=${LOCAL_MEMBER_ID},${LOCAL_STAFF_ID},${gone},${LOCAL_MEMBER_ID}`, {
      token,
    });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({
      people: [
        { id: LOCAL_MEMBER_ID, name: "Camille Dubois", avatarUrl: null },
        { id: LOCAL_STAFF_ID, name: "Alex Martin", avatarUrl: null },
        { id: gone, name: null, avatarUrl: null },
      ],
    });
    expect((await memberLookups()) - before).toBe(3);
    const again = await api(`/people?ids=${LOCAL_STAFF_ID},${gone}`, { token });
    expect(again.json).toMatchObject({ people: [{ name: "Alex Martin" }, { name: null }] });
    expect((await memberLookups()) - before).toBe(3);
  });

  it("refuses a malformed or oversized list before asking Discord", async () => {
    const token = await sessionFor({ userId: LOCAL_STAFF_ID, guildId: LOCAL_GUILD_ID });
    const before = await memberLookups();
    const many = Array.from({ length: 51 }, (_, i) => String(1300000000000001000n + BigInt(i))).join(",");
    for (const ids of ["bob", "1,,2", many]) {
      const res = await api(`/people?ids=${ids}`, { token });
      expect(res.status, ids).toBe(400);
      expect((res.json as { error: { code: string } }).error.code).toBe("invalid_request");
    }
    expect((await api("/people", { token })).status).toBe(400);
    expect(await memberLookups()).toBe(before);
  });
});

describe("a ticket through the dashboard", () => {
  it("shows the thread and audit history, and takes replies, notes, assignment, status, priority and close", async () => {
    const { token, staff, memberA } = await setUp();

    const reply = await api("/tickets/1/replies", {
      method: "POST",
      token,
      body: { body: "We are on it", status: "waiting_for_member" },
    });
    expect(reply.status).toBe(201);
    expect(reply.json).toMatchObject({
      ticket: { number: 1, status: "waiting_for_member" },
      message: { body: "We are on it", fromStaff: true, isInternal: false, authorId: staff.userId },
    });

    const note = await api("/tickets/1/notes", {
      method: "POST",
      token,
      body: { body: "Check the SSO logs" },
    });
    expect(note.status).toBe(201);
    expect(note.json).toMatchObject({ message: { body: "Check the SSO logs", isInternal: true } });

    const assigned = await api("/tickets/1/assignee", {
      method: "PUT",
      token,
      body: { assigneeId: staff.userId },
    });
    expect(assigned.status).toBe(200);
    expect(assigned.json).toMatchObject({ number: 1, assigneeId: staff.userId });
    expect((await api("/tickets?mine=true", { token })).json).toMatchObject({
      total: 1,
      items: [{ number: 1 }],
    });

    expect(
      (await api("/tickets/1/priority", { method: "PATCH", token, body: { priority: "critical" } })).json,
    ).toMatchObject({
      priority: "critical",
    });
    expect(
      (await api("/tickets/1/status", { method: "PUT", token, body: { status: "in_progress" } })).json,
    ).toMatchObject({
      status: "in_progress",
    });
    const closed = await api("/tickets/1/close", {
      method: "POST",
      token,
      body: { reason: "Fixed the SSO" },
    });
    expect(closed.json).toMatchObject({
      status: "closed",
      closedBy: staff.userId,
      closeReason: "Fixed the SSO",
    });

    const view = await api("/tickets/1", { token });
    expect(view.status).toBe(200);
    expect(view.json).toMatchObject({
      ticket: { number: 1, description: "It fails", status: "closed" },
      messages: [
        { body: "We are on it", isInternal: false },
        { body: "Check the SSO logs", isInternal: true },
      ],
    });
    const actions = ((view.json?.["audit"] ?? []) as { action: string }[]).map((a) => a.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        "created",
        "message_added",
        "note_added",
        "assigned",
        "priority_changed",
        "closed",
      ]),
    );

    // The member, in Discord, sees the reply and the closing, never the note.
    const memberView = visibleText(await run(memberA, "/ticket view ticket:1"));
    expect(memberView).toContain("We are on it");
    expect(memberView).toContain("Fixed the SSO");
    expect(memberView).not.toContain("SSO logs");

    const unassigned = await api("/tickets/2/assignee", { method: "PUT", token, body: { assigneeId: null } });
    expect(unassigned.json).toMatchObject({ number: 2, assigneeId: null });
  });

  it("gives the server's stats", async () => {
    const { token } = await setUp();
    const stats = await api("/stats", { token });
    expect(stats.status).toBe(200);
    expect(stats.json).toMatchObject({
      last7Days: { total: 3, byCategory: { account: 1, billing: 1, technical: 1 }, byStatus: { open: 3 } },
      allTime: { total: 3 },
    });
  });

  it("answers another server's ticket as not found", async () => {
    const { token } = await setUp();
    const other = freshCast();
    await run(other.memberA, "/ticket create subject:Elsewhere description:Other server");
    await run(other.memberA, "/ticket create subject:Elsewhere 2 description:Other server");
    await run(other.memberA, "/ticket create subject:Elsewhere 3 description:Other server");
    await run(other.memberA, "/ticket create subject:Elsewhere 4 description:Other server");
    const missing = await api("/tickets/4", { token });
    expect(missing).toMatchObject({
      status: 404,
      json: { error: { code: "ticket_not_found", message: "Ticket #4 was not found." } },
    });
    const reply = await api("/tickets/4/replies", { method: "POST", token, body: { body: "hi" } });
    expect(reply.status).toBe(404);
  });

  it("answers conflicts with 409", async () => {
    const { token } = await setUp();
    await api("/tickets/2/close", { method: "POST", token, body: {} });
    expect(await api("/tickets/2/close", { method: "POST", token, body: {} })).toMatchObject({
      status: 409,
      json: { error: { code: "ticket_already_closed", message: "Ticket #2 is already closed." } },
    });
  });
});

describe("validation errors, as JSON", () => {
  it("names the problem with a code and a message in the reader's language", async () => {
    const { token } = await setUp();
    const cases: [string, Parameters<typeof api>[1], number, string][] = [
      ["/tickets?status=lost", { token }, 400, "invalid_status"],
      ["/tickets?category=Lottery!", { token }, 400, "invalid_category"],
      ["/tickets?limit=abc", { token }, 400, "invalid_page"],
      ["/tickets?limit=500", { token }, 400, "invalid_page"],
      [`/tickets?search=${"x".repeat(101)}`, { token }, 400, "search_too_long"],
      ["/tickets?assignee=bob", { token }, 400, "invalid_assignee"],
      ["/tickets?order=new", { token }, 400, "invalid_request"],
      ["/tickets?sort=new", { token }, 400, "invalid_sort"],
      ["/tickets/abc", { token }, 400, "invalid_ticket_number"],
      ["/tickets/0", { token }, 400, "invalid_ticket_number"],
      ["/tickets/1/replies", { method: "POST", token, body: { body: "   " } }, 400, "message_empty"],
      [
        "/tickets/1/replies",
        { method: "POST", token, body: { body: "m".repeat(2001) } },
        400,
        "message_too_long",
      ],
      ["/tickets/1/replies", { method: "POST", token, body: { body: 42 } }, 400, "invalid_request"],
      [
        "/tickets/1/replies",
        { method: "POST", token, body: { body: "hi", status: "closed" } },
        400,
        "invalid_status",
      ],
      [
        "/tickets/1/replies",
        { method: "POST", token, body: { body: "hi", extra: true } },
        400,
        "invalid_request",
      ],
      ["/tickets/1/replies", { method: "POST", token, body: "{not json" }, 400, "invalid_json"],
      ["/tickets/1/notes", { method: "POST", token, body: {} }, 400, "invalid_request"],
      ["/tickets/1/assignee", { method: "PUT", token, body: { assigneeId: "me" } }, 400, "invalid_assignee"],
      ["/tickets/1/status", { method: "PUT", token, body: { status: "done" } }, 400, "invalid_status"],
      [
        "/tickets/1/priority",
        { method: "PUT", token, body: { priority: "urgent" } },
        400,
        "invalid_priority",
      ],
      [
        "/tickets/1/close",
        { method: "POST", token, body: { reason: "r".repeat(501) } },
        400,
        "reason_too_long",
      ],
      [
        "/tickets/1/replies",
        {
          method: "POST",
          token,
          body: "body=hi",
          headers: { "Content-Type": "application/x-www-form-urlencoded" },
        },
        415,
        "unsupported_media_type",
      ],
    ];
    for (const [path, call, status, code] of cases) {
      const calls = await countSupabaseCalls(async () => {
        const res = await api(path, call);
        expect(res.status, `${path} ${JSON.stringify(call?.body)}`).toBe(status);
        const error = (res.json as { error: { code: string; message: string } }).error;
        expect(error.code, path).toBe(code);
        expect(error.message.length, path).toBeGreaterThan(10);
      });
      expect(calls, `${path}: refused before the database`).toEqual([]);
    }
    // Nothing was written by any of them.
    const view = await api("/tickets/1", { token });
    expect(view.json).toMatchObject({
      ticket: { status: "open", priority: "high", assigneeId: null },
      messages: [],
    });
  });

  it("says which field is missing, unknown or of the wrong kind, in the reader's language", async () => {
    const { token } = await setUp();
    const fr = { "Accept-Language": "fr-FR,fr;q=0.9" };
    const cases: [string, Parameters<typeof api>[1], string][] = [
      // Once reported as "unknown field body".
      [
        "/tickets/1/replies",
        { method: "POST", token, body: {} },
        "Invalid request: the field “body” is missing.",
      ],
      [
        "/tickets/1/notes",
        { method: "POST", token, body: {}, headers: fr },
        "Requête invalide : le champ « body » est manquant.",
      ],
      [
        "/tickets/1/status",
        { method: "PUT", token, body: {} },
        "Invalid request: the field “status” is missing.",
      ],
      [
        "/tickets/1/assignee",
        { method: "PUT", token, body: {}, headers: fr },
        "Requête invalide : le champ « assigneeId » est manquant.",
      ],
      [
        "/tickets/1/replies",
        { method: "POST", token, body: { body: 42 } },
        "Invalid request: the field “body” must be text.",
      ],
      [
        "/tickets/1/replies",
        { method: "POST", token, body: { body: 42 }, headers: fr },
        "Requête invalide : le champ « body » doit être du texte.",
      ],
      [
        "/tickets/1/replies",
        { method: "POST", token, body: { body: "hi", extra: true } },
        "Invalid request: unknown field “extra”.",
      ],
      [
        "/tickets/1/close",
        { method: "POST", token, body: "[1]" },
        "Invalid request: the body must be a JSON object.",
      ],
      [
        "/tickets/1/close",
        { method: "POST", token, body: "5", headers: fr },
        "Requête invalide : le corps doit être un objet JSON.",
      ],
    ];
    for (const [path, call, message] of cases) {
      const res = await api(path, call);
      expect(res, `${path} ${JSON.stringify(call?.body)}`).toMatchObject({
        status: 400,
        json: { error: { code: "invalid_request", message } },
      });
    }
    // An assignee of the wrong kind is an assignee error, like one of the right kind that is no id.
    expect(await api("/tickets/1/assignee", { method: "PUT", token, body: { assigneeId: 5 } })).toMatchObject(
      {
        status: 400,
        json: { error: { code: "invalid_assignee" } },
      },
    );
  });

  it("speaks French to a French dashboard", async () => {
    const { token } = await setUp();
    const res = await api("/tickets/1/replies", {
      method: "POST",
      token,
      body: { body: "" },
      headers: { "Accept-Language": "fr-FR,fr;q=0.9,en;q=0.8" },
    });
    expect(res.json).toEqual({ error: { code: "message_empty", message: "Le message est vide." } });
    const unknown = await api("/tickets/1/notes", {
      method: "POST",
      token,
      body: { body: "x", pinned: true },
      headers: { "Accept-Language": "fr" },
    });
    expect(unknown.json).toEqual({
      error: { code: "invalid_request", message: "Requête invalide : champ inconnu « pinned »." },
    });
    // Choices are named as the dashboard shows them in French, not by their stored English values.
    const category = await api("/tickets?category=Loterie!", { token, headers: { "Accept-Language": "fr" } });
    expect(category).toMatchObject({
      status: 400,
      json: {
        error: {
          code: "invalid_category",
          message: "Catégorie inconnue. Choisissez l'une des catégories de ce serveur dans la liste.",
        },
      },
    });
    const priority = await api("/tickets/1/priority", {
      method: "PATCH",
      token,
      body: { priority: "urgente" },
      headers: { "Accept-Language": "fr-CA" },
    });
    expect(priority.json).toEqual({
      error: {
        code: "invalid_priority",
        message: "Priorité inconnue. Choisissez parmi : Critique, Haute, Moyenne, Basse.",
      },
    });
  });
});

describe("an address Maxis does not serve", () => {
  it("answers 404 in the API's error shape, in the reader's language", async () => {
    const token = await sessionFor(freshCast().staff);
    const inside = await api("/tickets/1/archive", { method: "POST", token, body: {} });
    expect(inside.status).toBe(404);
    expect(inside.headers.get("Content-Type")).toMatch(/^application\/json/);
    expect(inside.json).toEqual({ error: { code: "not_found", message: "No such endpoint." } });
    const french = await api("/ticket", { token, headers: { "Accept-Language": "fr-FR,fr;q=0.9" } });
    expect(french).toMatchObject({
      status: 404,
      json: { error: { code: "not_found", message: "Cette adresse n'existe pas." } },
    });
    // Outside the API too: no session needed to be told there is nothing there.
    const outside = await exports.default.fetch("https://maxis.test/nothing/here", {
      headers: { "Accept-Language": "fr" },
    });
    expect(outside.status).toBe(404);
    expect(await outside.json()).toEqual({
      error: { code: "not_found", message: "Cette adresse n'existe pas." },
    });
  });
});
