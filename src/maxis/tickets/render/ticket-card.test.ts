import type { APIEmbed } from "discord-api-types/v10";
import { describe, expect, it } from "vitest";
import { translatorFor } from "../../../shared/i18n";
import { catalogueNames, messageFixture, ticketFixture } from "./fixtures.test-support";
import { threadEmbed, ticketCard, ticketViewEmbeds } from "./ticket-card";

const en = translatorFor("en");
const fr = translatorFor("fr");
const embedSize = (embeds: APIEmbed[]) =>
  embeds.reduce(
    (sum, e) =>
      sum +
      (e.title?.length ?? 0) +
      (e.description?.length ?? 0) +
      (e.footer?.text.length ?? 0) +
      (e.fields ?? []).reduce((s, f) => s + f.name.length + f.value.length, 0),
    0,
  );

describe("ticketCard", () => {
  it("shows the ticket's state in the reader's language", () => {
    const card = ticketCard(fr, ticketFixture(), catalogueNames("fr"));
    expect(card.title).toBe("#42 · Broken login");
    expect(card.description).toBe("It fails");
    expect(card.fields).toEqual(
      expect.arrayContaining([
        { name: "Statut", value: "🟢 Ouvert", inline: true },
        { name: "Priorité", value: "🟠 Haute", inline: true },
        { name: "Catégorie", value: "Compte", inline: true },
        { name: "Assigné à", value: "Personne pour l'instant", inline: true },
        { name: "Ouvert le", value: "<t:1795514400:f>", inline: true },
      ]),
    );
  });

  it("renders member text harmless: no formatting, no link, no mention", () => {
    const card = ticketCard(
      en,
      ticketFixture({
        subject: "@everyone **urgent**",
        description: "[free nitro](https://x.example) <@&1>",
      }),
      catalogueNames("en"),
    );
    expect(card.title).toBe("#42 · \\@everyone \\*\\*urgent\\*\\*");
    expect(card.description).toBe("\\[free nitro\\](https://x.example) \\<\\@&1\\>");
  });

  it("shows when and why a ticket was closed", () => {
    const card = ticketCard(
      en,
      ticketFixture({ status: "closed", closedAt: "2026-11-25T10:00:00.000Z", closeReason: "Fixed _now_" }),
      catalogueNames("en"),
    );
    expect(card.fields).toEqual(
      expect.arrayContaining([
        { name: "Closed", value: "<t:1795600800:f>", inline: true },
        { name: "Reason", value: "Fixed \\_now\\_" },
      ]),
    );
  });
});

describe("threadEmbed", () => {
  it("labels staff replies and internal notes", () => {
    const thread = threadEmbed(en, [
      messageFixture({ body: "My reply" }),
      messageFixture({ id: 2, authorId: "222", fromStaff: true, body: "Staff reply" }),
      messageFixture({ id: 3, authorId: "222", fromStaff: true, isInternal: true, body: "Note" }),
    ]);
    expect(thread.description).toBe(
      [
        "**<@1300000000000000111>** · <t:1795514700:R>\nMy reply",
        "**<@222> (staff)** · <t:1795514700:R>\nStaff reply",
        "🔒 **Internal note** · <@222> (staff) · <t:1795514700:R>\nNote",
      ].join("\n\n"),
    );
  });

  it("says so when nobody has answered yet", () => {
    expect(threadEmbed(fr, []).description).toBe("Aucune réponse pour l'instant.");
  });

  it("keeps the newest messages and stays within Discord's 6000 characters with the card", () => {
    const messages = Array.from({ length: 30 }, (_, i) =>
      messageFixture({ id: i, body: `${i} ${"*".repeat(1990)}` }),
    );
    const ticket = ticketFixture({
      subject: "*".repeat(100),
      description: "_".repeat(4000),
      status: "closed",
      closedAt: "2026-11-25T10:00:00.000Z",
      closeReason: "~".repeat(500),
    });
    const embeds = ticketViewEmbeds(en, { ticket, messages, audit: null }, catalogueNames("en"));
    expect(embedSize(embeds)).toBeLessThanOrEqual(6000);
    expect(embeds[1]?.description).toMatch(/^\*Earlier messages \(\d+\) are in `\/ticket transcript`\.\*/);
    expect(embeds[1]?.description).toContain("29 \\*");
    for (const embed of embeds) expect(embed.description?.length ?? 0).toBeLessThanOrEqual(4096);
  });
});
