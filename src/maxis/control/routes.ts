/**
 * `POST /control/v1/<action>`: Shellia's signed control API. Every request passes the signature
 * check first (401 otherwise), then its body is checked, the action runs, and the call is audited
 * with who asked, what and the result.
 */
import { Hono } from "hono";
import type { ControlAction, ControlOperator } from "../../shared/control/protocol";
import { isControlAction } from "../../shared/control/protocol";
import { translatorFor } from "../../shared/i18n";
import { analytics } from "./actions/analytics";
import { choices } from "./actions/choices";
import { execute } from "./actions/execute";
import { giveaway } from "./actions/giveaway";
import { promo } from "./actions/promo";
import { report } from "./actions/report";
import { restart } from "./actions/restart";
import { status } from "./actions/status";
import { recordAudit } from "./audit";
import { type ActionOutcome, type Body, type ControlContext, failed, rejected } from "./context";
import { type ControlVariables, requireControlSignature } from "./require-signature";

const actions: { [A in ControlAction]: (ctx: ControlContext, body: Body) => Promise<ActionOutcome<A>> } = {
  status,
  analytics,
  promo,
  giveaway,
  restart,
  report,
  execute,
  choices,
};

const SNOWFLAKE = /^\d{5,20}$/;

function readBody(raw: string): { body: Body; operator: ControlOperator; locale: "en" | "fr" } | string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return "the body is not JSON";
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed))
    return "the body is not an object";
  const body = parsed as Body;
  const operator = body["operator"] as Partial<ControlOperator> | undefined;
  if (typeof operator?.id !== "string" || !SNOWFLAKE.test(operator.id))
    return "operator.id is not a Discord id";
  if (typeof operator.name !== "string" || operator.name.length > 100) return "operator.name is missing";
  return {
    body,
    operator: { id: operator.id, name: operator.name },
    locale: body["locale"] === "fr" ? "fr" : "en",
  };
}

export const controlRoutes = new Hono<{ Bindings: MaxisEnv; Variables: ControlVariables }>();

controlRoutes.use("*", requireControlSignature);

controlRoutes.post("/:action", async (c) => {
  const verified = c.get("verified");
  const name = c.req.param("action");
  const parsed = readBody(c.get("rawBody"));
  const locale = typeof parsed === "string" ? "en" : parsed.locale;
  const t = translatorFor(locale);

  let outcome: ActionOutcome<ControlAction>;
  if (typeof parsed === "string") {
    outcome = rejected("invalid_body", t("control.error.invalid_body", { detail: parsed }), 400);
  } else if (!isControlAction(name)) {
    outcome = rejected(
      "unknown_action",
      t("control.error.unknown_action", { action: name.slice(0, 64) }),
      404,
    );
  } else {
    const ctx: ControlContext = {
      env: c.env,
      keyId: verified.keyId,
      operator: parsed.operator,
      locale,
      t,
      waitUntil: (promise) => c.executionCtx.waitUntil(promise),
    };
    try {
      outcome = await actions[name](ctx, parsed.body);
    } catch (error) {
      console.error(`control: ${name} failed`, error);
      outcome = failed("internal", t("control.error.internal"));
    }
  }

  const {
    operator: _operator,
    locale: _locale,
    ...args
  } = typeof parsed === "string" ? { operator: null, locale: null } : parsed.body;
  c.executionCtx.waitUntil(
    recordAudit(c.env, {
      keyId: verified.keyId,
      claimedKeyId: verified.keyId,
      operatorId: typeof parsed === "string" ? null : parsed.operator.id,
      operatorName: typeof parsed === "string" ? null : parsed.operator.name,
      action: name.slice(0, 64),
      outcome: outcome.ok ? "accepted" : outcome.outcome,
      code: outcome.ok ? "ok" : outcome.code,
      request: typeof parsed === "string" ? null : args,
    }),
  );
  if (outcome.ok) return c.json({ ok: true, result: outcome.result });
  return c.json({ error: { code: outcome.code, message: outcome.message } }, outcome.status);
});
