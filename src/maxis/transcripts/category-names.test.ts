import { describe, expect, it } from "vitest";
import { type Locale, translatorFor } from "../../shared/i18n";
import { catalogueNames, serverNames, ticketFixture } from "../tickets/render/fixtures.test-support";
import { staffPost } from "../tickets/render/staff-post";
import { statsMessage } from "../tickets/render/stats";
import { threadCard } from "../tickets/render/thread-card";
import { ticketCard } from "../tickets/render/ticket-card";
import { transcriptMarkdown } from "../tickets/render/transcript";
import type { TicketStats, TicketStatsWindow } from "../tickets/rpc";
import { transcriptPage } from "./page";

const partnership = ticketFixture({ category: "partnerships" });
const categoryField = (fields: { name: string; value: string }[] | undefined, name: string) =>
  fields?.find((f) => f.name === name)?.value;

const cases: { locale: Locale; field: string; partnerships: string; billing: string; account: string }[] = [
  {
    locale: "en",
    field: "Category",
    partnerships: "🤝 Partnerships",
    billing: "Payments",
    account: "👤 Account",
  },
  {
    locale: "fr",
    field: "Catégorie",
    partnerships: "🤝 Partenariats",
    billing: "Paiements",
    account: "👤 Compte",
  },
];

describe.each(cases)("a ticket's category as the server names it ($locale)", (c) => {
  const t = translatorFor(c.locale);
  const names = serverNames(c.locale);

  it("names a category the server added, a renamed one and a seeded one by the server's labels", () => {
    expect(names("partnerships")).toBe(c.partnerships);
    expect(names("billing")).toBe(c.billing);
    expect(names("account")).toBe(c.account);
  });

  it("shows the label on the ticket card, the staff post and the thread card", () => {
    expect(categoryField(ticketCard(t, partnership, names).fields, c.field)).toBe(c.partnerships);
    const post = staffPost(t, partnership, undefined, names);
    expect(categoryField(post.embeds?.[0]?.fields, c.field)).toBe(c.partnerships);
    const thread = threadCard(t, partnership, names);
    expect(categoryField(thread.embeds?.[0]?.fields, c.field)).toBe(c.partnerships);
  });

  it("shows the label in the Markdown and the web transcripts", () => {
    const transcript = { ticket: partnership, messages: [], includesInternal: false };
    const markdown = transcriptMarkdown(
      { t, locale: c.locale, names: new Map(), categoryName: names },
      transcript,
      "2026-11-24T12:00:00.000Z",
    );
    expect(markdown).toContain(
      `- ${t("ticket.transcript.field", { label: c.field, value: c.partnerships })}`,
    );
    const html = transcriptPage({
      t,
      locale: c.locale,
      transcript,
      categoryName: names,
      people: new Map(),
      generatedAt: "2026-11-24T12:00:00.000Z",
      nonce: "n",
      reader: "member",
      downloadHref: null,
    });
    expect(html).toContain(`<dt>${c.field}</dt><dd>${c.partnerships}</dd>`);
  });

  it("counts tickets by the server's labels in the statistics", () => {
    const window: TicketStatsWindow = {
      total: 2,
      byStatus: { open: 2, in_progress: 0, waiting_for_member: 0, closed: 0 },
      byCategory: {
        general: 0,
        billing: 1,
        technical: 0,
        bug: 0,
        account: 0,
        suggestion: 0,
        partnerships: 1,
      },
      byPriority: { critical: 0, high: 0, medium: 2, low: 0 },
      firstResponse: { count: 0, meanSeconds: null, medianSeconds: null },
      resolution: { count: 0, meanSeconds: null, medianSeconds: null },
      agents: [],
    };
    const stats: TicketStats = {
      generatedAt: "2026-11-24T10:00:00.000Z",
      last7Days: window,
      last30Days: window,
      allTime: window,
    };
    const byCategory = statsMessage(t, c.locale, stats, "7d", names).embeds?.[0]?.fields?.[2]?.value;
    expect(byCategory).toContain(`${c.billing}${c.locale === "fr" ? " : " : ": "}**1**`);
    expect(byCategory).toContain(`${c.partnerships}${c.locale === "fr" ? " : " : ": "}**1**`);
  });
});

describe("naming a category the server's labels do not cover", () => {
  it("keeps the catalogue's translation of the six when the server has no settings", () => {
    expect(catalogueNames("fr")("billing")).toBe("Facturation");
    expect(catalogueNames("en")("billing")).toBe("Billing");
  });

  it("falls back to the key of a category the server no longer has", () => {
    const card = ticketCard(translatorFor("en"), ticketFixture({ category: "old-press" }), serverNames("en"));
    expect(categoryField(card.fields, "Category")).toBe("old-press");
  });

  it("escapes an admin's label and leaves a custom emoji's markup out of text", () => {
    const press = ticketFixture({ category: "press" });
    const card = ticketCard(translatorFor("en"), press, serverNames("en"));
    expect(categoryField(card.fields, "Category")).toBe("Press \\*kit\\* \\<\\@&1\\>");
    const html = transcriptPage({
      t: translatorFor("en"),
      locale: "en",
      transcript: { ticket: press, messages: [], includesInternal: false },
      categoryName: serverNames("en"),
      people: new Map(),
      generatedAt: "2026-11-24T12:00:00.000Z",
      nonce: "n",
      reader: "member",
      downloadHref: null,
    });
    expect(html).toContain("<dd>Press *kit* &lt;@&amp;1&gt;</dd>");
  });
});
