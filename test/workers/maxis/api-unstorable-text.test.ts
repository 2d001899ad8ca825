/**
 * Text Postgres cannot store (U+0000, a lone surrogate) sent to the dashboard's API: a clear 400 in
 * the reader's language before any database call, where it used to be a 500 "Something went wrong"
 * from the database (a NUL in a reply, a note, a new category's name, a snippet or the inbox's search).
 */
import { describe, expect, it } from "vitest";
import { api, loginInbox, sessionFor } from "./api-support";
import { countSupabaseCalls } from "./tickets-support";

describe("the dashboard's API and text Postgres cannot store", () => {
  it("refuses a NUL or a lone surrogate in any body with 400 invalid_character, writing nothing", async () => {
    const inbox = await loginInbox();
    const admin = await sessionFor(inbox.admin, "admin");
    const cases: [string, string, string, unknown][] = [
      ["POST", "/tickets/1/replies", inbox.token, { body: "It works\u0000 now" }],
      ["POST", "/tickets/1/notes", inbox.token, { body: "Check\ud800 Stripe" }],
      ["POST", "/settings/categories", admin, { labelEn: "Events\u0000", labelFr: "Événements" }],
      ["POST", "/snippets", admin, { name: "refund\u0000", bodyEn: "Hi", bodyFr: "Bonjour" }],
      // The inbox's search box: a query string, not a body.
      ["GET", "/tickets?search=log%00in", inbox.token, undefined],
    ];
    for (const [method, path, token, body] of cases) {
      const calls = await countSupabaseCalls(async () => {
        const res = await api(path, { method, token, body });
        expect(res.status, path).toBe(400);
        expect(res.json, path).toMatchObject({ error: { code: "invalid_character" } });
      });
      expect(calls, `${path}: refused before the database`).toEqual([]);
    }

    const view = await api("/tickets/1", { token: inbox.token });
    expect(view.json).toMatchObject({ messages: [] });
    const settings = await api("/settings", { token: admin });
    const labels = (settings.json as { categories: { labelEn: string }[] }).categories.map((c) => c.labelEn);
    expect(labels.some((label) => label.startsWith("Events"))).toBe(false);
    expect((await api("/snippets", { token: admin })).json).toEqual([]);
  }, 30_000);

  it("says which character, in French for a French reader", async () => {
    const { token } = await loginInbox();
    const res = await api("/tickets/1/replies", {
      method: "POST",
      token,
      body: { body: "Ça marche\u0000" },
      headers: { "Accept-Language": "fr-FR,fr;q=0.9" },
    });
    expect(res.json).toEqual({
      error: {
        code: "invalid_character",
        message:
          "Votre saisie contient un caractère qui ne peut pas être enregistré (U+0000). Retirez-le et réessayez.",
      },
    });
  });
});
