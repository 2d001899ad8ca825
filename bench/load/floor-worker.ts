/**
 * The floor: the least a Discord interactions Worker can do, as Discord's own sample app for Workers
 * (cloudflare-sample-app) does it. It verifies the Ed25519 signature with discord-interactions'
 * `verifyKey` (the hex key imported on each call, as the sample does), answers PING with PONG and
 * any other signed interaction with one fixed private message. No ledger, no envelope check, no
 * locale, no routing: whatever the real Workers spend above this is their overhead.
 */
import {
  InteractionResponseFlags,
  InteractionResponseType,
  InteractionType,
  verifyKey,
} from "discord-interactions";

interface FloorEnv {
  DISCORD_PUBLIC_KEY: string;
}

export default {
  async fetch(request: Request, env: FloorEnv): Promise<Response> {
    if (request.method !== "POST") return new Response("Not found.", { status: 404 });
    const signature = request.headers.get("X-Signature-Ed25519");
    const timestamp = request.headers.get("X-Signature-Timestamp");
    const body = await request.text();
    if (!signature || !timestamp || !(await verifyKey(body, signature, timestamp, env.DISCORD_PUBLIC_KEY))) {
      return new Response("Bad request signature.", { status: 401 });
    }
    const interaction = JSON.parse(body) as { type: InteractionType };
    if (interaction.type === InteractionType.PING) {
      return Response.json({ type: InteractionResponseType.PONG });
    }
    return Response.json({
      type: InteractionResponseType.CHANNEL_MESSAGE_WITH_SOURCE,
      data: { content: "floor", flags: InteractionResponseFlags.EPHEMERAL },
    });
  },
};
