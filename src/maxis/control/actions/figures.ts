/**
 * Reading one feature's figures for status, analytics and the report. One part failing (its
 * database call, or a feature not built yet on this Maxis) never hides the others.
 */
import type { PostgrestError } from "@supabase/postgrest-js";
import type { Figure } from "../../../shared/control/protocol";
import { err, ok } from "../../../shared/result";
import { TicketRpcError } from "../../tickets/rpc";

/** PostgREST's "no such function" (PGRST202) and PostgreSQL's (42883): the feature is not deployed. */
const MISSING_FUNCTION = new Set(["PGRST202", "42883"]);

export class FigureError extends Error {
  constructor(readonly reason: "not_available" | "unreachable") {
    super(reason);
  }
}

export function figureFromPostgrest(error: PostgrestError): FigureError {
  return new FigureError(MISSING_FUNCTION.has(error.code) ? "not_available" : "unreachable");
}

export async function figure<T>(label: string, read: () => Promise<T>): Promise<Figure<T>> {
  try {
    return ok(await read());
  } catch (error) {
    if (error instanceof FigureError) return err(error.reason);
    if (error instanceof TicketRpcError && error.code && MISSING_FUNCTION.has(error.code)) {
      return err("not_available");
    }
    console.error(`control: could not read ${label}`, error);
    return err("unreachable");
  }
}
