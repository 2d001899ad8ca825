import { describe, expect, it } from "vitest";
import { type ActorNames, historyActor } from "./history-actor";

const names: Record<string, string> = {
  "1300000000000000111": "Camille Dubois",
  "1300000000000000222": "Alex Martin",
};
const userName = (id: string) => names[id] ?? `User …${id.slice(-4)}`;
const en: ActorNames = {
  system: "The system",
  automatic: "Maxis (automatic)",
  operator: "An operator (through Shellia)",
};
const fr: ActorNames = {
  system: "Le système",
  automatic: "Maxis (automatique)",
  operator: "Un opérateur (via Shellia)",
};

describe("historyActor", () => {
  it("names a message typed in the thread by its author, not by Maxis's identity that stored it", () => {
    const entry = {
      action: "message_added" as const,
      actorId: "maxis:notify",
      after: { author_id: "1300000000000000111", body: "It still fails" },
    };
    expect(historyActor(entry, userName, en)).toBe("Camille Dubois");
  });

  it("names people by name", () => {
    expect(
      historyActor({ action: "assigned", actorId: "1300000000000000222", after: null }, userName, en),
    ).toBe("Alex Martin");
  });

  it("names what Maxis's scheduler did as Maxis, automatically", () => {
    for (const actorId of ["maxis:automation", "maxis:sla"]) {
      expect(historyActor({ action: "closed", actorId, after: null }, userName, fr)).toBe(
        "Maxis (automatique)",
      );
      expect(historyActor({ action: "sla_escalated", actorId, after: null }, userName, en)).toBe(
        "Maxis (automatic)",
      );
    }
  });

  it("names a control call as an operator through Shellia, whatever key signed it", () => {
    for (const actorId of ["control:primary", "control:next"]) {
      expect(historyActor({ action: "closed", actorId, after: null }, userName, en)).toBe(
        "An operator (through Shellia)",
      );
      expect(historyActor({ action: "closed", actorId, after: null }, userName, fr)).toBe(
        "Un opérateur (via Shellia)",
      );
    }
  });

  it("names anything else (no actor) as the system", () => {
    expect(historyActor({ action: "sla_escalated", actorId: null, after: null }, userName, fr)).toBe(
      "Le système",
    );
  });
});
