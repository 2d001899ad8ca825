/**
 * The control audit trail in Postgres: only the control system identity writes it, members cannot
 * touch it, and nobody (not even the table owner) updates or deletes a row.
 */
import { sign } from "hono/jwt";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

const supabase = inject("supabase");
let db: pg.Client;

beforeAll(async () => {
  db = new pg.Client({ connectionString: supabase.databaseUrl });
  await db.connect();
});
afterAll(() => db.end());

async function rpc(fn: string, args: Record<string, unknown>, claims: Record<string, unknown>) {
  const now = Math.floor(Date.now() / 1000);
  const jwt = await sign({ iat: now, exp: now + 60, ...claims }, supabase.jwtSecret, "HS256");
  const response = await fetch(`${supabase.restUrl}/rest/v1/rpc/${fn}`, {
    method: "POST",
    headers: { apikey: supabase.anonKey, Authorization: `Bearer ${jwt}`, "Content-Type": "application/json" },
    body: JSON.stringify(args),
  });
  return { status: response.status, json: (await response.json()) as unknown };
}

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
