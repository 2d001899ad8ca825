/** POST /rest/v1/rpc/<fn> through supabase-js, as the Workers call it. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { snowflake } from "../../support/snowflake";
import { client, post, serviceClient, sql, supabase, unique, userJwt } from "./support";

const prefix = unique("rpc");
const fn = (name: string) => `${prefix}_${name}`;
const notes = `public.${fn("notes")}`;

beforeAll(async () => {
  await sql(`
    create table ${notes} (
      id bigint generated always as identity primary key,
      owner text not null default auth.jwt() ->> 'sub',
      body text not null
    );
    -- As a migration must (no default privileges, as on Supabase today): the roles reach the table,
    -- the policy decides which rows.
    grant select, insert on ${notes} to anon, authenticated, service_role;
    alter table ${notes} enable row level security;
    create policy own_rows on ${notes}
      using (owner = auth.jwt() ->> 'sub') with check (owner = auth.jwt() ->> 'sub');

    create function public.${fn("my_notes")}() returns setof ${notes}
      language sql stable as $$ select * from ${notes} order by id $$;
    create function public.${fn("add_note")}(p_body text) returns ${notes}
      language sql as $$ insert into ${notes} (body) values (p_body) returning * $$;
    create function public.${fn("add_note_for")}(p_owner text, p_body text) returns ${notes}
      language sql as $$ insert into ${notes} (owner, body) values (p_owner, p_body) returning * $$;
    create function public.${fn("typed")}(
      p_id bigint, p_tags text[], p_meta jsonb, p_at timestamptz, p_flag boolean default false
    ) returns jsonb language sql immutable as $$
      select jsonb_build_object(
        'id', p_id::text, 'id_type', pg_typeof(p_id)::text, 'tags', p_tags, 'tags_type', pg_typeof(p_tags)::text,
        'meta', p_meta, 'at_epoch', extract(epoch from p_at)::bigint, 'flag', p_flag)
    $$;
    create function public.${fn("whole")}(jsonb) returns jsonb language sql immutable as $$ select $1 $$;
    create function public.${fn("nothing")}() returns void language plpgsql as $$ begin end $$;
    create function public.${fn("numbers")}(n int) returns setof int
      language sql immutable as $$ select generate_series(1, n) $$;
    create function public.${fn("maybe")}(p text default null) returns text language sql immutable as $$ select p $$;
    create function public.${fn("twin")}(a int) returns text language sql as $$ select 'int' $$;
    create function public.${fn("twin")}(a text) returns text language sql as $$ select 'text' $$;
    create function public.${fn("context")}() returns jsonb language sql stable as $$
      select jsonb_build_object(
        'method', current_setting('request.method', true),
        'path', current_setting('request.path', true),
        'custom', current_setting('request.headers', true)::jsonb ->> 'x-custom',
        'search_path', current_setting('search_path'),
        'claims', auth.jwt(),
        'role', auth.role(),
        'current_user', current_user,
        'statement_timeout', current_setting('statement_timeout'))
    $$;
    create function public.${fn("staff_only")}() returns text language sql as $$ select 'staff' $$;
    revoke execute on function public.${fn("staff_only")}() from public, anon, authenticated;
  `);
});

afterAll(async () => {
  await sql(`
    drop function public.${fn("my_notes")}, public.${fn("add_note")}, public.${fn("add_note_for")}, public.${fn("typed")}, public.${fn("whole")},
      public.${fn("nothing")}, public.${fn("numbers")}, public.${fn("maybe")}, public.${fn("twin")}(int),
      public.${fn("twin")}(text), public.${fn("context")}, public.${fn("staff_only")};
    drop table ${notes};
  `);
});

describe("identity", () => {
  it("session_info sees the JWT's claims and runs as the authenticated role", async () => {
    const claims = { sub: snowflake(), app_role: "agent", guild_id: snowflake() };
    const { data, error, status } = await client(await userJwt(claims)).rpc("session_info");
    expect(error).toBeNull();
    expect(status).toBe(200);
    expect(data).toEqual({ ...claims, role: "authenticated" });
  });

  it("refuses session_info to the anonymous role with a 401 permission error", async () => {
    const { data, error, status } = await client().rpc("session_info");
    expect(data).toBeNull();
    expect(status).toBe(401);
    expect(error?.code).toBe("42501");
    expect(error?.message).toContain("session_info");
  });

  it("answers 403 when an authenticated role lacks the privilege, and the service role may call it", async () => {
    const denied = await client(await userJwt()).rpc(fn("staff_only"));
    expect(denied.status).toBe(403);
    expect(denied.error?.code).toBe("42501");

    const service = await serviceClient().rpc("session_info");
    expect(service.error).toBeNull();
    expect(service.data).toMatchObject({ role: "service_role", sub: null });
  });

  it("sets the request context as PostgREST does", async () => {
    const sub = snowflake();
    const jwt = await userJwt({ sub });
    const response = await post(
      `/rest/v1/rpc/${fn("context")}`,
      {},
      {
        Authorization: `Bearer ${jwt}`,
        "X-Custom": "hello",
      },
    );
    expect(response.status).toBe(200);
    const context = await response.json();
    expect(context).toMatchObject({
      method: "POST",
      path: `/rpc/${fn("context")}`,
      custom: "hello",
      role: "authenticated",
      current_user: "authenticated",
      claims: { sub, role: "authenticated" },
    });
    expect(context.search_path).toMatch(/public.*extensions/);
    // Role settings (ALTER ROLE ... SET) apply to the impersonated role.
    expect(context.statement_timeout).toBe("8s");
  });
});

describe("row level security", () => {
  it("applies the caller's policies inside functions; the service role bypasses them", async () => {
    const alice = client(await userJwt({ sub: snowflake() }));
    const bob = client(await userJwt({ sub: snowflake() }));
    const added = await alice.rpc(fn("add_note"), { p_body: "alice's" });
    expect(added.error).toBeNull();
    expect(added.data).toMatchObject({ body: "alice's" });
    await bob.rpc(fn("add_note"), { p_body: "bob's" });

    const mine = await alice.rpc(fn("my_notes"));
    expect(mine.data).toEqual([added.data]);
    const all = await serviceClient().rpc(fn("my_notes"));
    expect((all.data as unknown[]).length).toBeGreaterThanOrEqual(2);
  });

  it("lets a policy refuse a write: 403 for a user, 401 for the anonymous role", async () => {
    const mallory = client(await userJwt({ sub: snowflake() }));
    const forged = await mallory.rpc(fn("add_note_for"), { p_owner: snowflake(), p_body: "forged" });
    expect(forged.status).toBe(403);
    expect(forged.error?.code).toBe("42501");
    expect(forged.error?.message).toContain("row-level security");

    const anonymous = await client().rpc(fn("add_note_for"), { p_owner: snowflake(), p_body: "forged" });
    expect(anonymous.status).toBe(401);
    expect(anonymous.error?.code).toBe("42501");
  });
});

describe("arguments", () => {
  it("passes named arguments cast to their declared types", async () => {
    const id = "9007199254740993"; // above 2^53: survives only if JavaScript never parses it as a number
    const at = new Date(Date.UTC(2026, 10, 24, 8, 30));
    const { data, error } = await client(await userJwt()).rpc(fn("typed"), {
      p_id: id,
      p_tags: ["a", "b"],
      p_meta: { nested: { x: 1 } },
      p_at: at.toISOString(),
    });
    expect(error).toBeNull();
    expect(data).toEqual({
      id,
      id_type: "bigint",
      tags: ["a", "b"],
      tags_type: "text[]",
      meta: { nested: { x: 1 } },
      at_epoch: at.getTime() / 1000,
      flag: false,
    });
  });

  it("keeps the precision of large JSON numbers", async () => {
    const body = `{"p_id": 9007199254740993, "p_tags": [], "p_meta": null, "p_at": "2026-01-01T00:00:00Z", "p_flag": true}`;
    const response = await post(`/rest/v1/rpc/${fn("typed")}`, body);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ id: "9007199254740993", flag: true });
  });

  it("rejects a value that does not fit the parameter type with 400", async () => {
    const { error, status } = await client().rpc(fn("typed"), {
      p_id: "not a number",
      p_tags: [],
      p_meta: {},
      p_at: "2026-01-01",
    });
    expect(status).toBe(400);
    expect(error?.code).toBe("22P02");
  });

  it("answers PGRST202 when a required argument is missing", async () => {
    const { error, status } = await client().rpc(fn("typed"), { p_tags: [] });
    expect(status).toBe(404);
    expect(error?.code).toBe("PGRST202");
    expect(error?.message).toBe(
      `Could not find the function public.${fn("typed")}(p_tags) in the schema cache`,
    );
    expect(error?.details).toContain("with parameter p_tags or with a single unnamed json/jsonb parameter");
  });

  it("answers PGRST202 for an unknown argument, hinting at the real parameters", async () => {
    const args = { p_id: 1, p_tags: [], p_meta: {}, p_at: "2026-01-01", p_flagg: true };
    const { error, status } = await client().rpc(fn("typed"), args);
    expect(status).toBe(404);
    expect(error?.code).toBe("PGRST202");
    expect(error?.hint).toBe(
      `Perhaps you meant to call the function public.${fn("typed")}(p_at, p_flag, p_id, p_meta, p_tags)`,
    );
  });

  it("answers PGRST202 for an unknown function, suggesting a close name", async () => {
    const { error, status } = await client().rpc("session_infoo");
    expect(status).toBe(404);
    expect(error).toMatchObject({
      code: "PGRST202",
      message: "Could not find the function public.session_infoo without parameters in the schema cache",
      hint: "Perhaps you meant to call the function public.session_info",
    });
  });

  it("gives the whole body to a function with a single unnamed jsonb parameter", async () => {
    const body = { anything: [1, { b: null }], text: "é" };
    const { data, error } = await client().rpc(fn("whole"), body);
    expect(error).toBeNull();
    expect(data).toEqual(body);
  });

  it("uses parameter defaults for omitted arguments", async () => {
    expect((await client().rpc(fn("maybe"))).data).toBeNull();
    expect((await client().rpc(fn("maybe"), { p: "given" })).data).toBe("given");
  });

  it("answers 300 PGRST203 when overloads are ambiguous", async () => {
    const { error, status } = await client().rpc(fn("twin"), { a: 1 });
    expect(status).toBe(300);
    expect(error?.code).toBe("PGRST203");
    expect(error?.message).toContain(`public.${fn("twin")}(a => integer)`);
  });
});

describe("result shapes", () => {
  it("returns a JSON array for SETOF, empty when there are no rows", async () => {
    expect((await client().rpc(fn("numbers"), { n: 3 })).data).toEqual([1, 2, 3]);
    expect((await client().rpc(fn("numbers"), { n: 0 })).data).toEqual([]);
  });

  it("answers 204 without a body for void", async () => {
    const { data, error, status } = await client().rpc(fn("nothing"));
    expect(error).toBeNull();
    expect(status).toBe(204);
    expect(data).toBeNull();
  });

  it("coerces a single row to an object with .single(), and refuses otherwise with PGRST116", async () => {
    const one = await client().rpc(fn("numbers"), { n: 1 }).single();
    expect(one.data).toBe(1);
    const two = await client().rpc(fn("numbers"), { n: 2 }).single();
    expect(two.status).toBe(406);
    expect(two.error).toMatchObject({ code: "PGRST116", details: "The result contains 2 rows" });
  });

  it("reports the range of a SETOF result and its total when a count is asked for", async () => {
    const { count, data } = await client().rpc(fn("numbers"), { n: 4 }, { count: "exact" });
    expect(data).toHaveLength(4);
    expect(count).toBe(4);
  });
});

describe("routing", () => {
  it("answers 404 to table endpoints", async () => {
    const { error, status } = await client(await userJwt())
      .from("anything")
      .select();
    expect(status).toBe(404);
    expect(error?.code).toBeTruthy();
    const insert = await post("/rest/v1/anything", { a: 1 });
    expect(insert.status).toBe(404);
    expect(insert.headers.get("content-type")).toContain("application/json");
  });

  it("answers 404 to other methods and paths", async () => {
    const { restUrl, publishableKey } = supabase();
    const get = await fetch(`${restUrl}/rest/v1/rpc/session_info`, { headers: { apikey: publishableKey } });
    expect(get.status).toBe(404);
    const elsewhere = await fetch(`${restUrl}/auth/v1/health`, { headers: { apikey: publishableKey } });
    expect(elsewhere.status).toBe(404);
    expect(await elsewhere.json()).toHaveProperty("message");
  });

  it("refuses a schema other than public with PGRST106", async () => {
    const { error, status } = await client(undefined, { schema: "auth" }).rpc("jwt");
    expect(status).toBe(406);
    expect(error?.code).toBe("PGRST106");
  });
});
