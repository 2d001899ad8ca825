/** Shared helpers for the local Supabase stand-in tests: clients, JWTs and superuser SQL. */
import { randomBytes } from "node:crypto";
import { createClient, type SupabaseClient } from "@supabase/supabase-js";
import { sign } from "hono/jwt";
import pg from "pg";
import { inject } from "vitest";

export const supabase = () => inject("supabase");

export const nowSeconds = () => Math.floor(Date.now() / 1000);

/**
 * A user JWT shaped like the ones Maxis signs; `overrides` replace or add claims. `key` is a private
 * JWK (ES256 with its kid, by default the project's signing key) or an HS256 secret.
 */
export function userJwt(
  overrides: Record<string, unknown> = {},
  key: JsonWebKey | string = JSON.parse(supabase().signingKey) as JsonWebKey,
): Promise<string> {
  const now = nowSeconds();
  return sign(
    {
      sub: "111",
      role: "authenticated",
      app_role: "member",
      guild_id: "999",
      iat: now,
      exp: now + 60,
      ...overrides,
    },
    key,
    typeof key === "string" ? "HS256" : "ES256",
  );
}

const clientOptions = { auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false } };

/** supabase-js as the Workers use it: the publishable key, plus the user's JWT (accessToken) when given. */
export function client(jwt?: string, options: { schema?: string } = {}): SupabaseClient {
  const { restUrl, publishableKey } = supabase();
  return createClient(restUrl, publishableKey, {
    ...(jwt ? { accessToken: async () => jwt } : clientOptions),
    ...(options.schema ? { db: { schema: options.schema } } : {}),
  }) as SupabaseClient;
}

export function serviceClient(): SupabaseClient {
  const { restUrl, secretKey } = supabase();
  return createClient(restUrl, secretKey, clientOptions);
}

/** A raw HTTP call, for what supabase-js hides (headers, missing API key); a string body is sent as is. */
export function post(path: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${supabase().restUrl}${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/json", apikey: supabase().publishableKey, ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

/** Unique per call, so test files running in parallel never share database objects. */
export const unique = (prefix: string) => `${prefix}_${randomBytes(5).toString("hex")}`;

/** Runs SQL as the superuser (test set-up and inspection only). */
export async function sql<Row extends pg.QueryResultRow = pg.QueryResultRow>(
  text: string,
  values: unknown[] = [],
  database?: string,
): Promise<Row[]> {
  const url = new URL(supabase().databaseUrl);
  if (database) url.pathname = `/${database}`;
  const db = new pg.Client({ connectionString: url.href });
  db.on("notice", () => undefined);
  await db.connect();
  try {
    return (await db.query<Row>(text, values)).rows;
  } finally {
    await db.end();
  }
}
