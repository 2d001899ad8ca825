import { describe, expect, it } from "vitest";
import { serverSettingsWith } from "../../../../test/support/server-settings";
import type { TicketCategory } from "../../../shared/contracts/settings";
import { translatorFor } from "../../../shared/i18n";
import { panelMessage } from "./panel-message";

const category = (key: string, emoji: string | null): TicketCategory => ({
  key,
  position: 0,
  labelEn: key,
  labelFr: key,
  emoji,
  questions: [],
  enabled: true,
  staffRoleIds: [],
});

const settingsWith = (categories: TicketCategory[]) => serverSettingsWith({ categories });

type Control = { label?: string; emoji?: unknown; options?: { label: string; emoji?: unknown }[] };
const controlsOf = (categories: TicketCategory[]): Control[] => {
  const [row] = panelMessage(translatorFor("en"), "en", settingsWith(categories)).components ?? [];
  return (row as { components: Control[] }).components;
};

describe("the ticket panel's buttons", () => {
  it("carry a category's Unicode or server emoji, and leave off one Discord would refuse", () => {
    const buttons = controlsOf([
      category("billing", "💳"),
      category("account", "billing"),
      category("bug", "<:bug:1300000000000000555>"),
      category("other", "<:broken:12>"),
      category("partners", null),
    ]);
    expect(buttons.map((b) => b.emoji)).toEqual([
      { name: "💳" },
      undefined,
      { name: "bug", id: "1300000000000000555", animated: false },
      undefined,
      undefined,
    ]);
    expect(buttons.map((b) => b.label)).toEqual(["billing", "account", "bug", "other", "partners"]);
  });

  it("leave it off the select menu's options too (more categories than a row of buttons)", () => {
    const [menu] = controlsOf([
      category("a1", "🎫"),
      category("a2", ":ticket:"),
      category("a3", "🎫"),
      category("a4", "🎫"),
      category("a5", "🎫"),
      category("a6", "x"),
    ]);
    expect(menu?.options?.map((o) => o.emoji)).toEqual([
      { name: "🎫" },
      undefined,
      { name: "🎫" },
      { name: "🎫" },
      { name: "🎫" },
      undefined,
    ]);
  });
});
