import { Hono } from "hono";
import { handleInteractionRequest } from "../shared/discord/app";
import { healthEndpoint } from "../shared/health";
import { acceptLanguageLocale, translate } from "../shared/i18n";
import { shelliaHandlers } from "./commands";

export { InteractionLedger } from "../shared/discord/interaction-ledger";

const app = new Hono<{ Bindings: ShelliaEnv }>();
app.route("/health", healthEndpoint("shellia"));
app.post("/interactions", (c) => handleInteractionRequest(shelliaHandlers, c.req.raw, c.env, c.executionCtx));
app.notFound((c) => {
  const message = translate(acceptLanguageLocale(c.req.header("Accept-Language")), "error.no_such_endpoint");
  return c.json({ error: { code: "not_found", message } }, 404);
});

export default app satisfies ExportedHandler<ShelliaEnv>;
