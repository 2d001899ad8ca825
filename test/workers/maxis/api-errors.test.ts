/**
 * The dashboard's REST API answering bad requests: validation errors as JSON with a code and a message
 * in the reader's language, and addresses Maxis does not serve.
 */
import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { api, loginInbox, sessionFor } from "./api-support";
import { countSupabaseCalls, freshCast } from "./tickets-support";

describe("validation errors, as JSON", () => {
  it("names the problem with a code and a message in the reader's language", async () => {
    const { token } = await loginInbox();
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
    const { token } = await loginInbox();
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
        "Requête invalide : le champ « body » est manquant.",
      ],
      [
        "/tickets/1/status",
        { method: "PUT", token, body: {} },
        "Invalid request: the field “status” is missing.",
      ],
      [
        "/tickets/1/assignee",
        { method: "PUT", token, body: {}, headers: fr },
        "Requête invalide : le champ « assigneeId » est manquant.",
      ],
      [
        "/tickets/1/replies",
        { method: "POST", token, body: { body: 42 } },
        "Invalid request: the field “body” must be text.",
      ],
      [
        "/tickets/1/replies",
        { method: "POST", token, body: { body: 42 }, headers: fr },
        "Requête invalide : le champ « body » doit être du texte.",
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
    const { token } = await loginInbox();
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
      error: { code: "invalid_request", message: "Requête invalide : champ inconnu « pinned »." },
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
