import { describe, expect, it } from "vitest";
import { translatorFor } from "../../../shared/i18n";
import { staffReplyDm, ticketClosedDm } from "./dm";
import { messageFixture, ticketFixture } from "./fixtures.test-support";

describe("member DMs", () => {
  it("carries the staff reply, escaped", () => {
    const dm = staffReplyDm(
      translatorFor("en"),
      ticketFixture(),
      messageFixture({ body: "Try **again** @here", fromStaff: true }),
    );
    expect(dm.content).toBe("The support team replied to your ticket **#42**: Broken login");
    expect(dm.embeds?.[0]).toMatchObject({
      description: "Try \\*\\*again\\*\\* \\@here",
      footer: { text: "Answer with /ticket reply ticket:42 in the server." },
    });
  });

  it("says the ticket was closed, and why", () => {
    const dm = ticketClosedDm(
      translatorFor("fr"),
      ticketFixture({ status: "closed", closedAt: "2026-11-24T11:00:00.000Z", closeReason: "Résolu" }),
    );
    expect(dm.content).toBe("Votre ticket **#42** a été fermé par l'équipe de support : Broken login");
    expect(dm.embeds?.[0]).toMatchObject({
      description: "**Raison :** Résolu",
      footer: { text: "Toujours bloqué ? Rouvrez-le avec /ticket rouvrir ticket:42 dans le serveur." },
    });
  });
});
