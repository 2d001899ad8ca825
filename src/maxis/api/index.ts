/**
 * The staff dashboard's REST API, mounted at /api/v1. In order: CORS (the dashboard's origin only),
 * ETags on reads, the reader's language, a valid staff session (401 otherwise), JSON-only writes,
 * then the routes. Every error, including unexpected ones, is `{"error":{"code","message"}}`.
 */
import { Hono } from "hono";

import { etag, RETAINED_304_HEADERS } from "hono/etag";
import { translatorFor } from "../../shared/i18n";
import { dashboardCors } from "../dashboard-auth/origin";
import { assigneeRoutes } from "./assignees";
import { apiLocale, requireStaffSession } from "./auth";
import { automationRoutes } from "./automation";
import type { ApiEnv } from "./context";
import { apiError } from "./errors";
import { peopleRoutes } from "./people";
import { planRoutes } from "./plans";
import { salesRoutes } from "./sales";
import { settingsRoutes } from "./settings";
import { categoryRoutes } from "./settings-categories";
import { slaRoutes } from "./sla";
import { snippetRoutes } from "./snippets";
import { statsSeriesRoutes } from "./stats-series";
import { ticketRoutes } from "./tickets";
import { requireJson } from "./validate";

export { issueStaffSession, SESSION_COOKIE, verifyStaffSession } from "../dashboard-auth/session-token";

export const apiRoutes = new Hono<ApiEnv>();

apiRoutes.use(
  "*",
  dashboardCors({
    allowMethods: ["GET", "POST", "PUT", "PATCH", "DELETE"],
    allowHeaders: ["Content-Type", "Authorization", "If-None-Match"],
    exposeHeaders: ["ETag"],
    maxAge: 600,
  }),
);
/**
 * The dashboard polls with If-None-Match: an unchanged list or ticket costs a 304 and no body. A 304
 * keeps the CORS headers, or the browser would refuse it.
 */
apiRoutes.use(
  "*",
  etag({
    retainedHeaders: [
      ...RETAINED_304_HEADERS,
      "access-control-allow-origin",
      "access-control-allow-credentials",
      "access-control-expose-headers",
    ],
  }),
);
apiRoutes.use("*", apiLocale, requireStaffSession, requireJson);

/** Who the session says the caller is: the dashboard shows it, and knows when to sign in again. */
apiRoutes.get("/session", (c) => {
  // The session id stays in the HttpOnly cookie: page scripts have no use for it.
  const { sid: _sid, ...session } = c.var.session;
  return c.json(session);
});
apiRoutes.route("/", ticketRoutes);
apiRoutes.route("/", assigneeRoutes);
apiRoutes.route("/", statsSeriesRoutes);
apiRoutes.route("/", peopleRoutes);
apiRoutes.route("/", planRoutes);
apiRoutes.route("/", salesRoutes);
apiRoutes.route("/", slaRoutes);
apiRoutes.route("/", settingsRoutes);
apiRoutes.route("/", categoryRoutes);
apiRoutes.route("/", snippetRoutes);
apiRoutes.route("/", automationRoutes);

apiRoutes.onError((error, c) => {
  console.error("api: request failed", { path: c.req.path, error });
  const t = c.var.t ?? translatorFor("en");
  return apiError(c, 500, "internal", t("api.error.internal"));
});
