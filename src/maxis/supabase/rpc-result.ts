/**
 * The one way Maxis calls a SQL function: one `.rpc()`, one transaction. A refusal the function
 * raises on purpose (its message is one of the module's error codes) comes back as `err(...)`, the
 * answer as `ok(data)`; anything else (network, a bug) throws `RpcError`, which the router logs and
 * answers with its generic error.
 */
import type { PostgrestError } from "@supabase/postgrest-js";
import { err, ok, type Result } from "../../shared/result";
import type { RpcClient } from "./client";

/** A failure that is not a business refusal. `code` is Postgres's (e.g. 42883: no such function). */
export class RpcError extends Error {
  readonly code: string | undefined;

  constructor(
    readonly fn: string,
    error: Pick<PostgrestError, "code" | "message">,
  ) {
    const code = error.code || undefined;
    super(`${fn}: ${error.message}${code ? ` (${code})` : ""}`);
    this.name = "RpcError";
    this.code = code;
  }
}

/** Reads a refusal out of a failed call, or null when the failure is not one. */
export type Refusal<E> = (error: PostgrestError) => E | null;

/**
 * A refusal is an exception the function raised itself (SQLSTATE P0001, `raise exception 'code'`)
 * whose message is a known code; `anyState` also accepts other states (functions that raise theirs
 * with a specific SQLSTATE, e.g. 42501 for a permission check).
 */
export const codeRefusal =
  <C extends string>(codes: readonly C[], anyState = false): Refusal<{ code: C }> =>
  (error) =>
    (anyState || error.code === "P0001") && (codes as readonly string[]).includes(error.message)
      ? { code: error.message as C }
      : null;

/** A module's `call`: every wrapper of one SQL module makes its one `.rpc()` through it. */
export const rpcCaller =
  <E>(refusal: Refusal<E>) =>
  async <T>(client: RpcClient, fn: string, args: Record<string, unknown> = {}): Promise<Result<T, E>> => {
    const { data, error } = await client.rpc(fn, args);
    if (!error) return ok(data as T);
    const refused = refusal(error);
    if (refused !== null) return err(refused);
    throw new RpcError(fn, error);
  };

/** A call with no refusal to report (scheduler and service calls): the answer, or it throws. */
export async function rpcOrThrow<T>(
  client: RpcClient,
  fn: string,
  args: Record<string, unknown> = {},
): Promise<T> {
  const { data, error } = await client.rpc(fn, args);
  if (error) throw new RpcError(fn, error);
  return data as T;
}
