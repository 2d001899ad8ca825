import { Hono } from "hono";
import { handleInteractionRequest } from "../shared/discord/app";
import { healthEndpoint } from "../shared/health";
import { maxisHandlers } from "./commands";

const app = new Hono<{ Bindings: MaxisEnv }>();
app.route("/health", healthEndpoint("maxis"));
app.post("/interactions", (c) => handleInteractionRequest(maxisHandlers, c.req.raw, c.env, c.executionCtx));
app.notFound((c) => c.json({ error: { code: "not_found", message: "No such endpoint." } }, 404));

export default app satisfies ExportedHandler<MaxisEnv>;
