import { env } from "cloudflare:workers";
import { inject } from "vitest";
import type { GatewayState } from "../../../scripts/local-discord/gateway";
import type { GatewayStatus } from "../../../src/maxis/gateway/gateway-object";
import { pollUntil } from "../../support/poll";

const local = () => inject("discordLocalUrl");

export type StandInGateway = GatewayState;

/** Steers the stand-in's Gateway: settings (POST /__local/gateway) or an action (drop, reconnect…). */
export async function standInGateway(action = "", body: object = {}): Promise<unknown> {
  const res = await fetch(`${local()}/__local/gateway${action}`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`stand-in gateway ${action}: HTTP ${res.status}`);
  return res.json();
}

export async function standInGatewayState(): Promise<StandInGateway> {
  return (await (await fetch(`${local()}/__local/gateway`)).json()) as StandInGateway;
}

export async function gatewayUrl(): Promise<string> {
  const res = await fetch(`${env.DISCORD_API_BASE}/gateway/bot`, {
    headers: { Authorization: `Bot ${env.DISCORD_BOT_TOKEN}` },
  });
  return ((await res.json()) as { url: string }).url;
}

/** A Gateway object of its own (by name), so tests never share a session. */
export const shardObject = (name: string) => env.GATEWAY.get(env.GATEWAY.idFromName(name));

/** `pollUntil` that throws, naming `what` and the last value, when the time is up. */
export async function waitUntil<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 10_000,
  what = "condition",
): Promise<T> {
  const value = await pollUntil(read, done, { timeoutMs, intervalMs: 25 });
  if (!done(value)) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)}`);
  return value;
}

export const isConnected = (status: GatewayStatus) => status.state === "connected";
