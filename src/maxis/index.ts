import { Hono } from "hono";
import { handleInteractionRequest } from "../shared/discord/app";
import { healthEndpoint } from "../shared/health";
import { acceptLanguageLocale, translate } from "../shared/i18n";
import { apiRoutes, SESSION_COOKIE } from "./api";
import { apiError } from "./api/errors";
import { noStore } from "./api/no-store";
import { maxisHandlers } from "./commands";
import { withMaintenance } from "./control/maintenance";
import { controlRoutes } from "./control/routes";
import { requireDashboardOrigin } from "./dashboard-auth/origin";
import { dashboardAuthRoutes } from "./dashboard-auth/routes";
import { paymentWebhooks } from "./payments/webhooks";
import { runScheduledJobs } from "./scheduled";
import { transcriptRoutes } from "./transcripts/routes";

export { InteractionLedger } from "../shared/discord/interaction-ledger";
export { ControlNonceStore } from "./control/nonce-store";
export { ControlStateStore } from "./control/state-store";
export { OAuthStateLedger } from "./dashboard-auth/oauth-state-ledger";
export { StaffSessionStore } from "./dashboard-auth/session-store";
export { GatewayShard } from "./gateway/gateway-object";
export { GiveawayIndex } from "./giveaways/giveaway-index";
export { GiveawayObject } from "./giveaways/giveaway-object";

/** Members get a localized notice instead of the feature while an operator has maintenance on. */
const interactionHandlers = withMaintenance(maxisHandlers);

const app = new Hono<{ Bindings: MaxisEnv }>();
app.route("/health", healthEndpoint("maxis"));
app.post("/interactions", (c) =>
  handleInteractionRequest(interactionHandlers, c.req.raw, c.env, c.executionCtx),
);
// Stripe's and Discord's payment webhooks, each checked against its own signature before parsing.
app.route("/webhooks", paymentWebhooks);
// Shellia's signed control API; nothing here reaches back to Shellia.
app.route("/control/v1", controlRoutes);
// The staff dashboard: Discord sign-in, and CSRF protection (Origin check) on every cookie-borne write.
app.route("/auth", dashboardAuthRoutes);
app.use("/api/v1/*", noStore, requireDashboardOrigin(SESSION_COOKIE));
// The staff dashboard's REST API: staff session required, CORS for the dashboard's origin only.
app.route("/api/v1", apiRoutes);
// Ticket transcripts for members, through the signed, expiring link /ticket transcript gives them.
app.route("/transcripts", transcriptRoutes);
// Anything else: the API's error shape, in the reader's language as the API's other errors are.
app.notFound((c) =>
  apiError(
    c,
    404,
    "not_found",
    translate(acceptLanguageLocale(c.req.header("Accept-Language")), "error.no_such_endpoint"),
  ),
);

export default {
  fetch: app.fetch,
  // Cron Trigger (wrangler.maxis.toml): every periodic job is listed in scheduled.ts.
  scheduled(_controller, env, ctx) {
    ctx.waitUntil(runScheduledJobs(env));
  },
} satisfies ExportedHandler<MaxisEnv>;
