/**
 * The control audit trail in Postgres: only the control system identity writes it, members cannot
 * touch it, and nobody (not even the table owner) updates or deletes a row.
 */
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { rpcAs } from "../../support/postgrest";

const supabase = inject("supabase");
let db: pg.Client;

beforeAll(async () => {
  db = new pg.Client({ connectionString: supabase.databaseUrl });
  await db.connect();
});
afterAll(() => db.end());

const rpc = (fn: string, args: Record<string, unknown>, claims: Record<string, unknown>) =>
  rpcAs(supabase, claims, fn, args);

const entry = {
  p_key_id: "primary",
  p_claimed_key_id: "primary",
  p_operator_id: "1300000000000000333",
  p_operator_name: "operator",
  p_action: "status",
  p_outcome: "accepted",
  p_code: "ok",
  p_request: {},
};

describe("control_audit", () => {
  it("records a call made as the control system identity, with who recorded it", async () => {
    const { status, json } = await rpc("control_audit_record", entry, {
      role: "service_role",
      sub: "control:primary",
    });
    expect(status).toBe(200);
    const row = await db.query(
      "select key_id, operator_id, outcome, recorded_by from public.control_audit where id = $1",
      [json],
    );
    expect(row.rows[0]).toEqual({
      key_id: "primary",
      operator_id: "1300000000000000333",
      outcome: "accepted",
      recorded_by: "control:primary",
    });
  });

  it("refuses members and a service-role token that is not the control identity", async () => {
    const member = await rpc("control_audit_record", entry, {
      role: "authenticated",
      sub: "1300000000000000111",
      app_role: "admin",
    });
    expect(member.status).toBeGreaterThanOrEqual(401);
    const other = await rpc("control_audit_record", entry, { role: "service_role", sub: "someone" });
    expect(other.status).toBe(403);
    expect(other.json).toMatchObject({ message: "control identity required" });
    const read = await rpc("control_audit_recent", {}, { role: "authenticated", sub: "1300000000000000111" });
    expect(read.status).toBeGreaterThanOrEqual(401);
  });

  it("is append-only, even for the table owner", async () => {
    await expect(db.query("update public.control_audit set code = 'changed'")).rejects.toThrow(/append-only/);
    await expect(
      db.query("update public.control_audit set operator_name = 'someone else' where outcome <> 'pending'"),
    ).rejects.toThrow(/append-only/);
    await expect(db.query("delete from public.control_audit")).rejects.toThrow(/append-only/);
    await expect(db.query("truncate public.control_audit")).rejects.toThrow(/append-only/);
  });

  it("has row level security on", async () => {
    const { rows } = await db.query(
      "select relrowsecurity from pg_class where oid = 'public.control_audit'::regclass",
    );
    expect(rows[0]).toEqual({ relrowsecurity: true });
  });
});

const control = { role: "service_role", sub: "control:primary" };
const nonce = () =>
  Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join("");
const begin = (overrides: Record<string, unknown> = {}, claims: Record<string, unknown> = control) =>
  rpc(
    "control_audit_begin",
    {
      p_key_id: "primary",
      p_nonce: nonce(),
      p_method: "POST",
      p_action: "execute",
      p_outcome: "pending",
      p_code: "pending",
      p_operator_id: "1300000000000000333",
      p_operator_name: "operator",
      p_request: { operation: "maintenance", args: ["on"] },
      ...overrides,
    },
    claims,
  );

describe("control_audit: the row comes before the action", () => {
  it("writes a pending row, finishes it once, and never again", async () => {
    const started = await begin();
    expect(started.status).toBe(200);
    const id = started.json as number;
    expect(
      (await rpc("control_audit_finish", { p_id: id, p_outcome: "accepted", p_code: "ok" }, control)).status,
    ).toBe(204);
    const row = await db.query("select outcome, code, finished_at from public.control_audit where id = $1", [
      id,
    ]);
    expect(row.rows[0]).toMatchObject({ outcome: "accepted", code: "ok", finished_at: expect.any(Date) });
    const twice = await rpc(
      "control_audit_finish",
      { p_id: id, p_outcome: "failed", p_code: "internal" },
      control,
    );
    expect(twice).toMatchObject({ status: 400, json: { message: "no pending control call with this id" } });
    await expect(
      db.query("update public.control_audit set outcome = 'failed', finished_at = now() where id = $1", [id]),
    ).rejects.toThrow(/append-only/);
  });

  it("lets a pending row change its outcome only, not what was asked or by whom", async () => {
    const id = (await begin()).json as number;
    await expect(
      db.query(
        "update public.control_audit set outcome = 'accepted', finished_at = now(), request = '{}' where id = $1",
        [id],
      ),
    ).rejects.toThrow(/append-only/);
  });

  it("is one row per nonce", async () => {
    const once = nonce();
    expect((await begin({ p_nonce: once })).status).toBe(200);
    expect((await begin({ p_nonce: once })).status).toBe(409);
  });

  it("refuses what a request could smuggle in: NUL, a path as the action, a key that did not sign", async () => {
    // PostgreSQL cannot store U+0000 in text or jsonb (22P05): Maxis refuses such bodies before this.
    expect((await begin({ p_request: { prize: "Nitro\u0000" } })).status).toBe(400);
    expect(
      (
        await begin({
          p_action: "[click](https://evil.example/k)",
          p_outcome: "rejected",
          p_code: "not_found",
        })
      ).status,
    ).toBe(400);
    expect((await begin({ p_key_id: "next" })).status).toBe(403);
    expect((await begin({ p_outcome: "accepted" })).status).toBe(400);
    expect(
      (await begin({}, { role: "authenticated", sub: "1300000000000000111", app_role: "admin" })).status,
    ).toBeGreaterThanOrEqual(401);
  });
});

describe("control_audit_refusals: refused calls are counted, not stored one by one", () => {
  const refusals = async () =>
    (
      await db.query(
        "select code, key_id, count from public.control_audit_refusals where code = 'malformed_nonce'",
      )
    ).rows as {
      code: string;
      key_id: string | null;
      count: number;
    }[];

  it("counts 200 refused calls of a minute in one row per reason and key", async () => {
    const before = (await refusals()).reduce((sum, r) => sum + r.count, 0);
    const unverified = { role: "service_role", sub: "control:unverified" };
    await Promise.all(
      Array.from({ length: 200 }, () =>
        rpc("control_audit_refused", { p_code: "malformed_nonce" }, unverified),
      ),
    );
    const after = await refusals();
    expect(after.reduce((sum, r) => sum + r.count, 0) - before).toBe(200);
    // One row per minute: the 200 calls straddle at most one minute boundary.
    expect(after.filter((r) => r.key_id === null).length).toBeLessThanOrEqual(2);
    const summary = await rpc(
      "control_audit_refusals_summary",
      { p_since: new Date(Date.now() - 120_000).toISOString() },
      control,
    );
    expect(summary.json).toContainEqual(
      expect.objectContaining({ code: "malformed_nonce", keyId: null, count: expect.any(Number) }),
    );
  });

  it("keeps only codes and key ids, and only ever counts up", async () => {
    const unverified = { role: "service_role", sub: "control:unverified" };
    expect(
      (await rpc("control_audit_refused", { p_code: "[click](https://evil.example)" }, unverified)).status,
    ).toBe(400);
    expect(
      (await rpc("control_audit_refused", { p_code: "unknown_key", p_key_id: "a b" }, unverified)).status,
    ).toBe(400);
    await expect(db.query("update public.control_audit_refusals set count = 1")).rejects.toThrow(
      /only counts/,
    );
    await expect(db.query("delete from public.control_audit_refusals")).rejects.toThrow(/only counts/);
    await expect(db.query("truncate public.control_audit_refusals")).rejects.toThrow(/only counts/);
    const member = await rpc(
      "control_audit_refused",
      { p_code: "bad_signature" },
      { role: "authenticated", sub: "1300000000000000111" },
    );
    expect(member.status).toBeGreaterThanOrEqual(401);
  });
});
