/** PostgreSQL errors as PostgREST reports them, and one transaction per call. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { client, post, sql, unique, userJwt } from "./support";

const prefix = unique("err");
const fn = (name: string) => `${prefix}_${name}`;
const log = `public.${fn("log")}`;

beforeAll(async () => {
  await sql(`
    create table ${log} (id int primary key, note text);
    grant select, insert on ${log} to authenticated;
    create function public.${fn("raise")}(p_code text, p_message text) returns void language plpgsql as $$
    begin
      raise exception using errcode = p_code, message = p_message, detail = 'the detail', hint = 'the hint';
    end $$;
    create function public.${fn("insert_then_fail")}(p_id int) returns void language plpgsql as $$
    begin
      insert into ${log} (id, note) values (p_id, 'should be rolled back');
      raise exception 'refused after writing';
    end $$;
    create function public.${fn("insert")}(p_id int) returns void language sql as $$
      insert into ${log} (id) values (p_id)
    $$;
    create function public.${fn("insert_two")}(p_id int) returns setof ${log} language sql as $$
      insert into ${log} (id) values (p_id), (p_id + 1) returning *
    $$;
    -- A STABLE function may not write itself; calling a volatile one that does is what the
    -- read-only transaction catches.
    create function public.${fn("writer")}(p_id int) returns int language sql as $$
      insert into ${log} (id) values (p_id) returning id
    $$;
    create function public.${fn("stable_writer")}(p_id int) returns int language sql stable as $$
      select public.${fn("writer")}(p_id)
    $$;
    create function public.${fn("custom_response")}() returns text language plpgsql as $$
    begin
      perform set_config('response.status', '201', true);
      perform set_config('response.headers', '[{"X-Made-By": "test"}]', true);
      return 'created';
    end $$;
    create function public.${fn("full_control")}() returns void language plpgsql as $$
    begin
      raise sqlstate 'PGRST' using
        message = '{"code":"TEAPOT","message":"no coffee","details":"only tea","hint":"try tea"}',
        detail = '{"status":418,"headers":{"X-Brew":"tea"}}';
    end $$;
  `);
});

afterAll(async () => {
  await sql(`
    drop function public.${fn("raise")}, public.${fn("insert_then_fail")}, public.${fn("insert")},
      public.${fn("insert_two")}, public.${fn("stable_writer")}, public.${fn("writer")}, public.${fn("custom_response")},
      public.${fn("full_control")};
    drop table ${log};
  `);
});

const rows = async (id: number) => sql(`select * from ${log} where id = $1`, [id]);

describe("SQLSTATE to HTTP status", () => {
  // [SQLSTATE, status for an authenticated caller], per PostgREST's table.
  const table: [string, number][] = [
    ["23505", 409],
    ["23503", 409],
    ["23502", 400],
    ["22P02", 400],
    ["22023", 400],
    ["P0001", 400],
    ["P0002", 500],
    ["25006", 405],
    ["40001", 500],
    ["42883", 404],
    ["42P01", 404],
    ["42501", 403],
    ["08006", 503],
    ["53300", 503],
    ["53400", 500],
    ["0P000", 403],
    ["28000", 403],
    ["XX000", 500],
    ["PT402", 402],
    ["PT418", 418],
  ];

  it.each(table)("%s answers %i with PostgREST's error body", async (code, status) => {
    const message = `failure ${code}`;
    const response = await post(
      `/rest/v1/rpc/${fn("raise")}`,
      { p_code: code, p_message: message },
      { Authorization: `Bearer ${await userJwt()}` },
    );
    expect(response.status).toBe(status);
    expect(await response.json()).toEqual({ code, message, details: "the detail", hint: "the hint" });
  });

  it("maps insufficient privilege to 401 for the anonymous role, with WWW-Authenticate", async () => {
    const response = await post(`/rest/v1/rpc/${fn("raise")}`, { p_code: "42501", p_message: "no" });
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toBe("Bearer");
  });

  it("reports a real unique violation as 409 through supabase-js", async () => {
    const user = client(await userJwt());
    expect((await user.rpc(fn("insert"), { p_id: 1 })).status).toBe(204);
    const again = await user.rpc(fn("insert"), { p_id: 1 });
    expect(again.status).toBe(409);
    expect(again.error?.code).toBe("23505");
    expect(again.error?.details).toContain("(id)=(1)");
  });

  it("lets a function choose status, body and headers with RAISE SQLSTATE 'PGRST'", async () => {
    const response = await post(`/rest/v1/rpc/${fn("full_control")}`, {});
    expect(response.status).toBe(418);
    expect(response.headers.get("x-brew")).toBe("tea");
    expect(await response.json()).toEqual({
      code: "TEAPOT",
      message: "no coffee",
      details: "only tea",
      hint: "try tea",
    });
  });

  it("honours response.status and response.headers set by the function", async () => {
    const response = await post(`/rest/v1/rpc/${fn("custom_response")}`, {});
    expect(response.status).toBe(201);
    expect(response.headers.get("x-made-by")).toBe("test");
    expect(await response.json()).toBe("created");
  });
});

describe("transactions", () => {
  it("rolls back everything a failing call wrote", async () => {
    const { error, status } = await client(await userJwt()).rpc(fn("insert_then_fail"), { p_id: 10 });
    expect(status).toBe(400);
    expect(error).toMatchObject({ code: "P0001", message: "refused after writing" });
    expect(await rows(10)).toEqual([]);
  });

  it("commits a successful call", async () => {
    expect((await client(await userJwt()).rpc(fn("insert"), { p_id: 20 })).error).toBeNull();
    expect(await rows(20)).toHaveLength(1);
  });

  it("runs STABLE functions read-only: a write answers 405 and persists nothing", async () => {
    const { error, status } = await client(await userJwt()).rpc(fn("stable_writer"), { p_id: 30 });
    expect(status).toBe(405);
    expect(error?.code).toBe("25006");
    expect(await rows(30)).toEqual([]);
  });

  it("rolls back when the result cannot be coerced to the single object asked for", async () => {
    const { error, status } = await client(await userJwt())
      .rpc(fn("insert_two"), { p_id: 40 })
      .single();
    expect(status).toBe(406);
    expect(error?.code).toBe("PGRST116");
    expect(await rows(40)).toEqual([]);
  });
});
