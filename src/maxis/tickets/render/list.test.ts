import { ButtonStyle, ComponentType } from "discord-api-types/payloads/v10";
import { describe, expect, it } from "vitest";
import { translatorFor } from "../../../shared/i18n";
import type { TicketList } from "../rpc";
import { buttonsOf, ticketFixture } from "./fixtures.test-support";
import { ticketListMessage } from "./list";

const en = translatorFor("en");
const list = (total: number, offset: number): TicketList => ({
  total,
  limit: 10,
  offset,
  items: [ticketFixture({ subject: "Login `broken`", lastActivityAt: "2026-11-24T12:00:00.000Z" })],
});

describe("ticketListMessage", () => {
  it("shows one line per ticket and the page count", () => {
    const message = ticketListMessage(
      en,
      list(1, 0),
      { guildId: "10", status: undefined, mine: false },
      false,
    );
    expect(message.embeds?.[0]).toMatchObject({
      title: "Your tickets",
      description: "`#42` **Login \\`broken\\`**\n🟢 Open · 🟠 High · <t:1795521600:R>",
      footer: { text: "Page 1/1 · 1 ticket" },
    });
    expect(message.components).toEqual([]);
  });

  it("names the owner for staff", () => {
    const message = ticketListMessage(
      en,
      list(1, 0),
      { guildId: "10", status: undefined, mine: false },
      true,
    );
    expect(message.embeds?.[0]?.title).toBe("Tickets in this server");
    expect(message.embeds?.[0]?.description).toContain(" · <@1300000000000000111> · ");
  });

  it("pages with buttons that carry the filter and the next offset", () => {
    const message = ticketListMessage(en, list(25, 10), { guildId: "10", status: "open", mine: true }, true);
    expect(message.embeds?.[0]?.footer?.text).toBe("Page 2/3 · 25 tickets");
    expect(message.components).toEqual([
      {
        type: ComponentType.ActionRow,
        components: [
          expect.objectContaining({
            style: ButtonStyle.Secondary,
            label: "Previous",
            custom_id: "ticket-page:10:open:1:0",
            disabled: false,
          }),
          expect.objectContaining({ label: "Next", custom_id: "ticket-page:10:open:1:20", disabled: false }),
        ],
      },
    ]);
  });

  it("disables the buttons at either end", () => {
    const first = ticketListMessage(
      en,
      list(25, 0),
      { guildId: "10", status: undefined, mine: false },
      false,
    );
    const last = ticketListMessage(
      en,
      list(25, 20),
      { guildId: "10", status: undefined, mine: false },
      false,
    );
    expect(buttonsOf(first).map((b) => b.disabled)).toEqual([true, false]);
    expect(buttonsOf(last).map((b) => b.disabled)).toEqual([false, true]);
    expect(new Set(buttonsOf(first).map((b) => b.custom_id)).size).toBe(2);
  });
});
