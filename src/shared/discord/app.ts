import type { APIInteraction } from "discord-api-types/v10";
import type { InteractionHandlers } from "./handlers";
import { routeInteraction } from "./router";
import { verifyDiscordSignature } from "./signature";

const jsonError = (status: number, code: string, message: string) =>
  Response.json({ error: { code, message } }, { status });

/**
 * Serves `POST /interactions` for either Worker: signature first (401 before any parsing),
 * then JSON, then the router.
 */
export async function handleInteractionRequest<Env extends { DISCORD_PUBLIC_KEY: string }>(
  handlers: InteractionHandlers<Env>,
  request: Request,
  env: Env,
  ctx: Pick<ExecutionContext, "waitUntil">,
): Promise<Response> {
  const rawBody = await request.text();
  const signed = await verifyDiscordSignature(
    env.DISCORD_PUBLIC_KEY,
    request.headers.get("X-Signature-Ed25519") ?? undefined,
    request.headers.get("X-Signature-Timestamp") ?? undefined,
    rawBody,
  );
  if (!signed) return jsonError(401, "invalid_signature", "Bad request signature.");

  let interaction: APIInteraction;
  try {
    interaction = JSON.parse(rawBody) as APIInteraction;
  } catch {
    return jsonError(400, "invalid_json", "The body is not JSON.");
  }
  const response = await routeInteraction(handlers, interaction, {
    env,
    waitUntil: (promise) => ctx.waitUntil(promise),
  });
  return Response.json(response);
}
