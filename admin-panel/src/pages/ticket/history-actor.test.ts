import { describe, expect, it } from "vitest";
import { historyActor } from "./history-actor";

const names: Record<string, string> = {
  "1300000000000000111": "Camille Dubois",
  "1300000000000000222": "Alex Martin",
};
const userName = (id: string) => names[id] ?? `User …${id.slice(-4)}`;

describe("historyActor", () => {
  it("names a message typed in the thread by its author, not by Maxis's identity that stored it", () => {
    const entry = {
      action: "message_added" as const,
      actorId: "maxis:notify",
      after: { author_id: "1300000000000000111", body: "It still fails" },
    };
    expect(historyActor(entry, userName, "System")).toBe("Camille Dubois");
  });

  it("names people by name, and any other identity as the system", () => {
    expect(
      historyActor({ action: "assigned", actorId: "1300000000000000222", after: null }, userName, "System"),
    ).toBe("Alex Martin");
    expect(
      historyActor({ action: "closed", actorId: "maxis:automation", after: null }, userName, "Système"),
    ).toBe("Système");
    expect(historyActor({ action: "sla_escalated", actorId: null, after: null }, userName, "System")).toBe(
      "System",
    );
  });
});
