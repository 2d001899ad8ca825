import type { MiddlewareHandler } from "hono";
import { getCookie } from "hono/cookie";
import { acceptLanguageLocale, translatorFor } from "../../shared/i18n";
import { authenticateStaff } from "../dashboard-auth/server-session";
import { SESSION_COOKIE } from "../dashboard-auth/session-token";
import type { ApiEnv } from "./context";
import { apiError } from "./errors";

/** The reader's language from Accept-Language (`fr-FR,fr;q=0.9,…` → French), English otherwise. */
export const apiLocale: MiddlewareHandler<ApiEnv> = async (c, next) => {
  const locale = acceptLanguageLocale(c.req.header("Accept-Language"));
  c.set("locale", locale);
  c.set("t", translatorFor(locale));
  await next();
};

/**
 * Every /api/v1 route needs an open staff session, from `Authorization: Bearer` or the HttpOnly
 * `maxis_session` cookie: a genuine token whose server-side record is still there (not logged out)
 * and whose person Discord still sees as staff. Anything else is a 401 before the route runs.
 */
export const requireStaffSession: MiddlewareHandler<ApiEnv> = async (c, next) => {
  const t = c.var.t;
  const bearer = /^Bearer\s+(\S+)$/i.exec(c.req.header("Authorization") ?? "")?.[1];
  const token = bearer ?? getCookie(c, SESSION_COOKIE);
  if (!token) return apiError(c, 401, "unauthenticated", t("api.error.unauthenticated"));
  const check = await authenticateStaff(c.env, token);
  if (!check.ok) return apiError(c, 401, check.error, t(`api.error.${check.error}`));
  c.set("session", check.value.session);
  c.set("roleIds", check.value.roleIds);
  return next();
};
