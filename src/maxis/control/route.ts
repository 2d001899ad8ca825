/**
 * What a request to /control/v1… asks for, from its method and exact path. Only `POST
 * /control/v1/<action>` runs anything; every other shape is still a call (audited once) that is
 * answered with why it did not run. Pure.
 */
import { CONTROL_PATH_PREFIX, type ControlAction, isControlAction } from "../../shared/control/protocol";

/** Where a request goes: every kind is a call answered its own way (not a Result). */
export type ControlRoute =
  | { kind: "action"; action: ControlAction }
  /** A known action's path with another method than POST. */
  | { kind: "method_not_allowed"; action: ControlAction }
  /** One segment shaped like an action name, but not one Maxis has (safe to name back). */
  | { kind: "unknown_action"; name: string }
  /** Anything else under /control/v1: trailing slashes, `//`, extra segments, encoded characters. */
  | { kind: "not_found" };

const ACTION_SHAPE = /^[a-z][a-z0-9-]{0,31}$/;

export function matchControlRoute(method: string, path: string): ControlRoute {
  const name = path.startsWith(CONTROL_PATH_PREFIX) ? path.slice(CONTROL_PATH_PREFIX.length) : "";
  if (isControlAction(name)) {
    return method === "POST"
      ? { kind: "action", action: name }
      : { kind: "method_not_allowed", action: name };
  }
  return method === "POST" && ACTION_SHAPE.test(name)
    ? { kind: "unknown_action", name }
    : { kind: "not_found" };
}

/** The `action` column of the audit row: a known action, or `unknown` (never the requested path). */
export function auditedAction(route: ControlRoute): string {
  return route.kind === "action" || route.kind === "method_not_allowed" ? route.action : "unknown";
}
