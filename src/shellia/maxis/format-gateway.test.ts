/**
 * The Gateway line of `/maxis status`: the shard's state in the operator's language (it once read
 * "connected" in a French answer), reconnections counted with the right plural, and a state this
 * Shellia does not know shown inert rather than as Markdown.
 */
import { describe, expect, it } from "vitest";
import { healthyStatus } from "../../shared/control/fixtures.test-support";
import type { GatewayShardStatus, StatusResult } from "../../shared/control/protocol";
import { translatorFor } from "../../shared/i18n";
import type { MaxisTarget } from "../control-client";
import { formatStatus } from "./format";

const target: MaxisTarget = {
  name: "maxis",
  key: { keyId: "k1", secret: "x".repeat(32) },
  origin: "https://maxis.internal",
  send: async () => new Response(),
};

const withShard = (shard: Partial<GatewayShardStatus>): StatusResult => ({
  ...healthyStatus,
  gateway: {
    ok: true,
    value: [{ shard: 0, shards: 1, state: "connected", lastEventAt: null, reconnects: 0, ...shard }],
  },
});

const gatewayLine = (locale: "en" | "fr", shard: Partial<GatewayShardStatus>) =>
  formatStatus(translatorFor(locale), target, withShard(shard), 5).split("\n").at(-1);

describe("formatStatus: the Gateway line", () => {
  it("names the shard's state in French, with French plurals", () => {
    expect(gatewayLine("fr", { reconnects: 1 })).toBe(
      "Gateway, shard 0/1 : **connecté** · dernier événement aucun pour l'instant · 1 reconnexion",
    );
    expect(gatewayLine("fr", { state: "resuming", reconnects: 3 })).toBe(
      "Gateway, shard 0/1 : **reprise en cours** · dernier événement aucun pour l'instant · 3 reconnexions",
    );
  });

  it("in English too", () => {
    expect(gatewayLine("en", { state: "disconnected", reconnects: 1 })).toBe(
      "Gateway shard 0/1: **disconnected** · last event none yet · 1 reconnection",
    );
  });

  it("shows a state it does not know as inert text", () => {
    expect(gatewayLine("en", { state: "**new** <@&1>", reconnects: 2 })).toContain(
      "**\\*\\*new\\*\\* \\<\\@&1\\>**",
    );
  });
});
