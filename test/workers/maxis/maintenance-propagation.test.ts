/**
 * Maintenance turned on or off from another isolate (its state object changed directly, as the
 * isolate that served the control call changes it) reaches members within RUNTIME_STATE_TTL_MS:
 * each isolate keeps the state it read for that long instead of asking the object before every
 * interaction. The isolate that serves the control call applies it at once
 * (test/workers/shellia/maxis-actions.test.ts, "/maxis execute … maintenance").
 */
import { env, exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { commandInteraction } from "../../../scripts/lib/interaction-builder";
import { LOCAL_ADMIN_ID, LOCAL_MEMBER_ID } from "../../../scripts/lib/local-identities";
import { RUNTIME_STATE_TTL_MS } from "../../../src/maxis/control/runtime-state-cache";
import { stateStore } from "../../../src/maxis/control/state-store";
import { sendInteraction } from "../support/discord";

const ping = () => commandInteraction({ userId: LOCAL_MEMBER_ID }, { name: "ping", options: [] });
const answerTo = async () => JSON.stringify((await sendInteraction(exports.default, ping())).response);
const pastTheTtl = () => new Promise((resolve) => setTimeout(resolve, RUNTIME_STATE_TTL_MS + 50));

describe("maintenance set by another isolate", () => {
  it("turns members away within a second of being turned on, and serves them again within a second of being turned off", async () => {
    expect(await answerTo()).not.toContain("maintenance");

    await stateStore(env).setMaintenance(true, LOCAL_ADMIN_ID);
    await pastTheTtl();
    expect(await answerTo()).toContain("Maxis has been under maintenance since <t:");

    await stateStore(env).setMaintenance(false, LOCAL_ADMIN_ID);
    await pastTheTtl();
    expect(await answerTo()).not.toContain("maintenance");
  }, 30_000);
});
