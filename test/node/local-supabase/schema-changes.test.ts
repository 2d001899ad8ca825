/**
 * The stand-in keeps what pg_proc says about a function between calls (as PostgREST keeps its schema
 * cache) and sends each call to PostgreSQL as one batch; a migration or a test changing a function
 * while it runs must still be seen at the very next call, with no reload.
 */
import { afterAll, describe, expect, it } from "vitest";
import { client, sql, unique, userJwt } from "./support";

const prefix = unique("ddl");
const fn = (name: string) => `${prefix}_${name}`;
const created: string[] = [];

async function define(signature: string, rest: string) {
  await sql(`create or replace function public.${signature} ${rest}`);
  created.push(signature.slice(0, signature.indexOf("(")));
}

afterAll(async () => {
  for (const name of new Set(created)) {
    const overloads = await sql<{ signature: string }>(
      `select p.oid::regprocedure::text as signature from pg_proc p
        where p.pronamespace = 'public'::regnamespace and p.proname = $1`,
      [name],
    );
    for (const { signature } of overloads) await sql(`drop function ${signature}`);
  }
});

describe("a function changed between two calls", () => {
  it("runs the new body of a replaced function at once", async () => {
    await define(`${fn("answer")}()`, `returns int language sql as $$ select 1 $$`);
    expect((await client().rpc(fn("answer"))).data).toBe(1);
    await define(`${fn("answer")}()`, `returns int language sql as $$ select 2 $$`);
    expect((await client().rpc(fn("answer"))).data).toBe(2);
  });

  it("answers in the new shape of a function dropped and created again", async () => {
    await define(`${fn("shape")}()`, `returns int language sql as $$ select 7 $$`);
    expect((await client().rpc(fn("shape"))).data).toBe(7);
    await sql(`drop function public.${fn("shape")}()`);
    await define(`${fn("shape")}()`, `returns setof int language sql as $$ select generate_series(1, 3) $$`);
    expect((await client().rpc(fn("shape"))).data).toEqual([1, 2, 3]);
  });

  it("takes the parameters of the new definition", async () => {
    await define(`${fn("params")}(a int)`, `returns int language sql as $$ select a $$`);
    expect((await client().rpc(fn("params"), { a: 4 })).data).toBe(4);
    await sql(`drop function public.${fn("params")}(int)`);
    await define(`${fn("params")}(a int, b int)`, `returns int language sql as $$ select a + b $$`);
    const { data, error } = await client().rpc(fn("params"), { a: 4, b: 5 });
    expect(error).toBeNull();
    expect(data).toBe(9);
    const old = await client().rpc(fn("params"), { a: 4 });
    expect(old.status).toBe(404);
    expect(old.error?.code).toBe("PGRST202");
  });

  it("answers PGRST202 once a function is dropped, without running anything", async () => {
    await define(`${fn("gone")}()`, `returns text language sql as $$ select 'here' $$`);
    expect((await client().rpc(fn("gone"))).data).toBe("here");
    await sql(`drop function public.${fn("gone")}()`);
    const { status, error } = await client().rpc(fn("gone"));
    expect(status).toBe(404);
    expect(error?.code).toBe("PGRST202");
  });

  it("sees an overload added since the last call, and says the call is ambiguous", async () => {
    await define(`${fn("twin")}(a int)`, `returns text language sql as $$ select 'int' $$`);
    expect((await client().rpc(fn("twin"), { a: 1 })).data).toBe("int");
    await define(`${fn("twin")}(a text)`, `returns text language sql as $$ select 'text' $$`);
    const { status, error } = await client().rpc(fn("twin"), { a: 1 });
    expect(status).toBe(300);
    expect(error?.code).toBe("PGRST203");
  });

  it("runs a function made STABLE in a read-only transaction from the next call", async () => {
    const table = `public.${fn("writes")}`;
    await sql(`create table ${table} (id int); grant select, insert on ${table} to authenticated`);
    // A STABLE function may not write itself; the read-only transaction is what stops the volatile
    // function it calls.
    await define(
      `${fn("insert_row")}()`,
      `returns int language sql as $$ insert into ${table} values (1) returning id $$`,
    );
    await define(
      `${fn("writer")}()`,
      `returns int language sql as $$ select public.${fn("insert_row")}() $$`,
    );
    const user = client(await userJwt());
    const first = await user.rpc(fn("writer"));
    expect(first.error).toBeNull();
    expect(first.data).toBe(1);
    await sql(`alter function public.${fn("writer")}() stable`);
    const { status, error } = await user.rpc(fn("writer"));
    expect(status).toBe(405);
    expect(error?.code).toBe("25006");
    expect(await sql(`select count(*)::int as n from ${table}`)).toEqual([{ n: 1 }]);
    await sql(`drop function public.${fn("writer")}(), public.${fn("insert_row")}(); drop table ${table}`);
  });

  it("loses its privilege at once when execute is revoked", async () => {
    await define(`${fn("granted")}()`, `returns text language sql as $$ select 'ok' $$`);
    const user = client(await userJwt());
    expect((await user.rpc(fn("granted"))).data).toBe("ok");
    await sql(`revoke execute on function public.${fn("granted")}() from public, authenticated`);
    const { status, error } = await user.rpc(fn("granted"));
    expect(status).toBe(403);
    expect(error?.code).toBe("42501");
  });
});
