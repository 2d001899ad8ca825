/**
 * `/control/v1/*`: Shellia's signed control API. Every request, whatever its method or path, passes
 * the door first (401 and a refusal count otherwise). A verified call is then one row in the audit
 * trail, written BEFORE anything runs: no row, no action. Only `POST /control/v1/<action>` with a
 * well-formed body runs its action; the row records how it ended.
 */
import { type Context, Hono } from "hono";
import type { ControlAction } from "../../shared/control/protocol";
import { acceptLanguageLocale, translatorFor } from "../../shared/i18n";
import { analytics } from "./actions/analytics";
import { choices } from "./actions/choices";
import { execute } from "./actions/execute";
import { giveaway } from "./actions/giveaway";
import { promo } from "./actions/promo";
import { report } from "./actions/report";
import { restart } from "./actions/restart";
import { status } from "./actions/status";
import { beginAudit, finishAudit } from "./audit";
import { readControlBody } from "./body";
import {
  type ActionFailure,
  type ActionOutcome,
  type Body,
  type ControlContext,
  failed,
  rejection,
} from "./context";
import { type PassedDoor, requireControlSignature } from "./require-signature";
import { auditedAction, type ControlRoute, matchControlRoute } from "./route";

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

type ControlEnv = { Bindings: MaxisEnv };

export const controlRoutes = new Hono<ControlEnv>();

controlRoutes.all("*", async (c) => {
  const door = await requireControlSignature(c);
  return door.ok ? handleVerifiedCall(c, door.value) : door.error;
});

/** Why a verified call does not run, decided before its row is written; null when it runs. */
function refusalOf(
  route: ControlRoute,
  body: ReturnType<typeof readControlBody>,
  t: ReturnType<typeof translatorFor>,
): ActionFailure | null {
  switch (route.kind) {
    case "not_found":
      return rejection("not_found", t("control.error.no_route"), 404);
    case "unknown_action":
      return rejection("unknown_action", t("control.error.unknown_action", { action: route.name }), 404);
    case "method_not_allowed":
      return rejection("method_not_allowed", t("control.error.method_not_allowed"), 405);
    case "action":
      if (body.ok) return null;
      return body.error.code === "invalid_characters"
        ? rejection(
            "invalid_characters",
            t("control.error.invalid_characters", { field: body.error.detail }),
            400,
          )
        : rejection(
            "invalid_body",
            t("control.error.invalid_body", { detail: t(`control.body.${body.error.detail}`) }),
            400,
          );
  }
}

async function handleVerifiedCall(c: Context<ControlEnv>, { verified, rawBody, path }: PassedDoor) {
  const route = matchControlRoute(c.req.method, path);
  const body = readControlBody(rawBody, acceptLanguageLocale(c.req.header("Accept-Language")));
  const t = translatorFor(body.ok ? body.value.locale : body.error.locale);
  const refusal = refusalOf(route, body, t);

  const auditId = await beginAudit(c.env, {
    keyId: verified.keyId,
    nonce: verified.nonce,
    method: c.req.method,
    action: auditedAction(route),
    operatorId: body.ok ? body.value.operator.id : body.error.operatorId,
    operatorName: body.ok ? body.value.operator.name : body.error.operatorName,
    outcome: refusal ? "rejected" : "pending",
    code: refusal ? refusal.code : "pending",
    request: body.ok ? body.value.args : null,
  });
  if (auditId === null) {
    return c.json(
      { error: { code: "audit_unavailable", message: t("control.error.audit_unavailable") } },
      503,
    );
  }
  if (refusal) {
    if (refusal.status === 405) c.header("Allow", "POST");
    return c.json({ error: { code: refusal.code, message: refusal.message } }, refusal.status);
  }
  if (route.kind !== "action" || !body.ok) throw new Error("unreachable: refusalOf lets only these through");

  const { operator, locale, body: fields } = body.value;
  const ctx: ControlContext = {
    env: c.env,
    keyId: verified.keyId,
    operator,
    locale,
    t,
    waitUntil: (promise) => c.executionCtx.waitUntil(promise),
  };
  let outcome: ActionOutcome<ControlAction>;
  try {
    outcome = await actions[route.action](ctx, fields);
  } catch (error) {
    console.error(`control: ${route.action} failed`, error);
    outcome = failed("internal", t("control.error.internal"));
  }
  c.executionCtx.waitUntil(
    finishAudit(
      c.env,
      verified.keyId,
      auditId,
      outcome.ok ? "accepted" : outcome.error.outcome,
      outcome.ok ? "ok" : outcome.error.code,
    ),
  );
  if (outcome.ok) return c.json({ ok: true, result: outcome.value });
  const { code, message, status } = outcome.error;
  return c.json({ error: { code, message } }, status);
}
