import { Hono } from "hono";
import { handleInteractionRequest } from "../shared/discord/app";
import { healthEndpoint } from "../shared/health";
import { shelliaHandlers } from "./commands";

const app = new Hono<{ Bindings: ShelliaEnv }>();
app.route("/health", healthEndpoint("shellia"));
app.post("/interactions", (c) => handleInteractionRequest(shelliaHandlers, c.req.raw, c.env, c.executionCtx));
app.notFound((c) => c.json({ error: { code: "not_found", message: "No such endpoint." } }, 404));

export default app satisfies ExportedHandler<ShelliaEnv>;
