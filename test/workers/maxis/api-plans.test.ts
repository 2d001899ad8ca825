/**
 * `/api/v1/plans` in workerd, with the API's conventions: admins of the session's server only,
 * no-store, CSRF (Origin) on cookie-borne writes, `{"error":{"code","message"}}` in the reader's
 * language, and each server's plans its own.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { api, sessionFor } from "./api-support";

const SERVER_A = "1300000000000000601";
const SERVER_B = "1300000000000000602";
const admin = (guildId: string) => sessionFor({ userId: "1300000000000000333", guildId }, "admin");
const plan = (key: string) => ({
  key,
  name: "Gold",
  nameFr: "Or",
  priceCents: 999,
  floorCents: 500,
  currency: "EUR",
  duration: "month",
});

// The first request starts Maxis in workerd, which takes seconds on a busy machine.
describe("/api/v1/plans", { timeout: 20_000 }, () => {
  it("creates, lists and edits the session's server's plans; another server's admin sees none of them", async () => {
    const token = await admin(SERVER_A);
    const created = await api("/plans", { method: "POST", token, body: plan("gold") });
    expect(created.status).toBe(201);
    expect(created.headers.get("Cache-Control")).toBe("no-store");
    expect(created.json).toMatchObject({ guildId: SERVER_A, key: "gold", priceCents: 999, active: true });
    const id = String(created.json?.["id"]);

    const edited = await api(`/plans/${id}`, {
      method: "PATCH",
      token,
      body: {
        ...plan("gold"),
        priceCents: 1299,
        sortOrder: 10,
        expectedUpdatedAt: created.json?.["updatedAt"],
      },
    });
    expect(edited.status).toBe(200);
    expect(edited.json).toMatchObject({ priceCents: 1299 });
    const stale = await api(`/plans/${id}`, {
      method: "PATCH",
      token,
      body: { ...plan("gold"), sortOrder: 10, expectedUpdatedAt: created.json?.["updatedAt"] },
    });
    expect(stale.status).toBe(409);
    expect(stale.json).toMatchObject({ error: { code: "plan_changed" } });

    const other = await admin(SERVER_B);
    const list = await api("/plans", { token: other });
    expect(list.status).toBe(200);
    expect((list.json as unknown as { id: string }[]).some((p) => p.id === id)).toBe(false);
    expect((await api(`/plans/${id}`, { token: other })).status).toBe(404);
    expect((await api(`/plans/${id}/archive`, { method: "POST", token: other, body: {} })).status).toBe(404);
    // The same key is free on the other server.
    expect((await api("/plans", { method: "POST", token: other, body: plan("gold") })).status).toBe(201);
  });

  it("refuses bad values with the database's code, in the reader's language", async () => {
    const token = await admin(SERVER_A);
    const fr = await api("/plans", {
      method: "POST",
      token,
      body: { ...plan("cheap"), priceCents: 0 },
      headers: { "Accept-Language": "fr-FR" },
    });
    expect(fr.status).toBe(400);
    expect(fr.json).toEqual({
      error: {
        code: "invalid_price",
        message: "Le prix est un nombre entier de centimes, de 1 à 100\u202f000\u202f000.",
      },
    });
    const shape = await api("/plans", { method: "POST", token, body: { ...plan("x"), priceCents: "12" } });
    expect(shape.status).toBe(400);
    expect(shape.json).toMatchObject({ error: { code: "invalid_request" } });
    expect(JSON.stringify(shape.json)).toContain("priceCents");
  });

  it("refuses agents, and cookie-borne writes from another origin", async () => {
    const agent = await sessionFor({ userId: "1300000000000000222", guildId: SERVER_A }, "agent");
    const refused = await api("/plans", { token: agent });
    expect(refused.status).toBe(403);
    expect(refused.json).toMatchObject({ error: { code: "admin_only" } });

    const token = await admin(SERVER_A);
    const csrf = await api("/plans", {
      method: "POST",
      token,
      cookie: true,
      body: plan("forged"),
      headers: { Origin: "https://evil.example" },
    });
    expect(csrf.status).toBe(403);
    expect(csrf.json).toMatchObject({ error: { code: "csrf_origin" } });
    const fromDashboard = await api("/plans", {
      method: "POST",
      token,
      cookie: true,
      body: plan("legit"),
      headers: { Origin: env.DASHBOARD_ORIGIN },
    });
    expect(fromDashboard.status).toBe(201);
  });
});
