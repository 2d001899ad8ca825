/**
 * The automation in the staff dashboard (issue 13): `GET|PATCH /automation` (the server's automation
 * settings: staff read, admins change), `POST /tickets/:number/close-request` (ask the owner to close)
 * and `GET /stats/satisfaction?days=30` (ratings). One automation function call each, as the staff
 * member the session names; refusals are `{"error":{"code","message"}}` in the reader's language.
 */
import { Hono } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import * as v from "valibot";
import type { MessageKey } from "../../shared/i18n";
import {
  type AutomationErrorCode,
  type AutomationResult,
  automationSettings,
  requestClose,
  satisfaction,
  updateAutomationSettings,
} from "../tickets/automation/automation-rpc";
import { runAutomationPass } from "../tickets/automation/pass";
import { isTicketErrorCode } from "../tickets/rpc";
import type { ApiContext, ApiEnv } from "./context";
import { apiError, ticketError } from "./errors";
import { daysQuery } from "./schemas";
import { clientOf } from "./session-client";
import { ticketNumber } from "./tickets";
import { check, jsonBody } from "./validate";

const OWN_ERRORS: Partial<Record<AutomationErrorCode, [ContentfulStatusCode, MessageKey]>> = {
  admin_only: [403, "automation.error.admin_only"],
  invalid_settings: [400, "automation.error.invalid_settings"],
  invalid_inactivity_hours: [400, "automation.error.invalid_inactivity_hours"],
  invalid_warning_hours: [400, "automation.error.invalid_warning_hours"],
  invalid_close_request_hours: [400, "automation.error.invalid_close_request_hours"],
  server_not_set_up: [409, "automation.error.server_not_set_up"],
};

function answer<T>(c: ApiContext, result: AutomationResult<T>, ticket?: number) {
  if (result.ok) return c.json(result.value as object);
  const own = OWN_ERRORS[result.error.code];
  if (own) return apiError(c, own[0], result.error.code, c.var.t(own[1]));
  if (isTicketErrorCode(result.error.code)) return ticketError(c, result.error.code, ticket);
  throw new Error(`automation: unexpected refusal ${result.error.code}`);
}

const hours = (max: number, code: string) =>
  v.exactOptional(v.pipe(v.number(), v.integer(code), v.minValue(1, code), v.maxValue(max, code)));
const settingsBody = v.strictObject({
  autoCloseEnabled: v.exactOptional(v.boolean()),
  inactivityHours: hours(720, "invalid_inactivity_hours"),
  warningHours: hours(168, "invalid_warning_hours"),
  closeRequestHours: hours(168, "invalid_close_request_hours"),
  ratingsEnabled: v.exactOptional(v.boolean()),
});
export const automationRoutes = new Hono<ApiEnv>();

automationRoutes.get("/automation", async (c) => answer(c, await automationSettings(await clientOf(c))));

automationRoutes.patch("/automation", async (c) => {
  const body = await jsonBody(c, settingsBody);
  if (!body.ok) return body.error;
  return answer(c, await updateAutomationSettings(await clientOf(c), body.value));
});

automationRoutes.post("/tickets/:number/close-request", async (c) => {
  const number = ticketNumber(c);
  if (!number.ok) return number.error;
  const result = await requestClose(await clientOf(c), number.value);
  if (result.ok) {
    // The owner is asked now rather than at the next minute's pass.
    c.executionCtx.waitUntil(
      runAutomationPass(c.env, { guildId: c.var.session.guild_id }).catch((e: unknown) =>
        console.error("automation kick", e),
      ),
    );
  }
  return answer(c, result, number.value);
});

automationRoutes.get("/stats/satisfaction", async (c) => {
  const query = check(c, daysQuery, c.req.query());
  if (!query.ok) return query.error;
  return answer(c, await satisfaction(await clientOf(c), query.value.days ?? 30));
});
