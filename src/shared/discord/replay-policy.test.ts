import type { APIInteraction } from "discord-api-types/v10";
import { describe, expect, it } from "vitest";
import {
  buttonInteraction,
  commandInteraction,
  modalSubmitInteraction,
  pingInteraction,
} from "../../../scripts/lib/interaction-builder";
import type { InteractionHandlers } from "./handlers";
import { mustClaim } from "./replay-policy";
import { ephemeral } from "./responses";

const member = { userId: "1300000000000000111" };
const answer = () => ephemeral("ok");

const handlers: InteractionHandlers<unknown> = {
  commands: [
    { data: { name: "create", description: "writes" }, run: answer },
    { data: { name: "look", description: "reads" }, readOnly: true, run: answer },
    {
      data: { name: "mixed", description: "reads unless told to write" },
      readOnly: (interaction) => interaction.data.options?.[0]?.name === "read",
      run: answer,
    },
  ],
  components: [
    { prefix: "close", run: answer },
    { prefix: "page", readOnly: true, run: answer },
  ],
  modals: [{ prefix: "form", run: answer }],
};

const command = (name: string, sub?: string, autocomplete = false): APIInteraction =>
  commandInteraction(
    member,
    { name, options: sub ? [{ name: sub, type: 1, options: [] }] : [] },
    autocomplete,
  );

describe("mustClaim: which interactions the ledger claims before they run", () => {
  it("claims commands, buttons and forms by default", () => {
    expect(mustClaim(handlers, command("create"))).toBe(true);
    expect(mustClaim(handlers, buttonInteraction(member, "close:1"))).toBe(true);
    expect(mustClaim(handlers, modalSubmitInteraction(member, "form:1", { a: "b" }))).toBe(true);
  });

  it("skips handlers declared read-only, for the interactions they declare", () => {
    expect(mustClaim(handlers, command("look"))).toBe(false);
    expect(mustClaim(handlers, buttonInteraction(member, "page:2"))).toBe(false);
    expect(mustClaim(handlers, command("mixed", "read"))).toBe(false);
    expect(mustClaim(handlers, command("mixed", "write"))).toBe(true);
  });

  it("skips what changes nothing: PING, autocomplete, and what no handler owns", () => {
    expect(mustClaim(handlers, pingInteraction())).toBe(false);
    expect(mustClaim(handlers, command("unknown"))).toBe(false);
    expect(mustClaim(handlers, buttonInteraction(member, "nobody:1"))).toBe(false);
    expect(mustClaim(handlers, modalSubmitInteraction(member, "nobody:1", {}))).toBe(false);
    expect(mustClaim(handlers, command("create", undefined, true))).toBe(false);
  });
});
