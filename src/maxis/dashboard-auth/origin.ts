/**
 * CSRF protection for the dashboard's writes: a state-changing request must say it comes from the
 * dashboard's origin. Browsers always send `Origin` on cross-origin requests and on POST/PUT/PATCH/
 * DELETE, and a page cannot forge it; the session cookie is also SameSite=Strict, so this is the
 * second of two independent locks. Requests without a cookie (API clients with a Bearer token) are
 * not exposed to CSRF and pass.
 */
import type { MiddlewareHandler } from "hono";
import { getCookie } from "hono/cookie";
import { cors } from "hono/cors";
import { resolveLocale, translate } from "../../shared/i18n";

/**
 * CORS for what the dashboard (another origin) calls with its cookie: DASHBOARD_ORIGIN only, and no
 * origin at all when it is not configured.
 */
export const dashboardCors = (
  options: Omit<NonNullable<Parameters<typeof cors>[0]>, "origin" | "credentials">,
) =>
  cors({
    origin: (origin, c) => (c.env.DASHBOARD_ORIGIN && origin === c.env.DASHBOARD_ORIGIN ? origin : null),
    credentials: true,
    ...options,
  });

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function isAllowedWrite(
  method: string,
  origin: string | undefined,
  allowed: readonly string[],
): boolean {
  if (SAFE_METHODS.has(method)) return true;
  return origin !== undefined && allowed.includes(origin);
}

export function requireDashboardOrigin(
  cookieName: string,
): MiddlewareHandler<{ Bindings: Pick<MaxisEnv, "DASHBOARD_ORIGIN"> }> {
  return async (c, next) => {
    if (!getCookie(c, cookieName)) return next();
    const allowed = [c.env.DASHBOARD_ORIGIN, new URL(c.req.url).origin].filter(Boolean);
    if (isAllowedWrite(c.req.method, c.req.header("Origin"), allowed)) return next();
    const locale = resolveLocale(c.req.header("Accept-Language")?.split(",")[0]);
    return c.json({ error: { code: "csrf_origin", message: translate(locale, "dashboardAuth.csrf") } }, 403);
  };
}
