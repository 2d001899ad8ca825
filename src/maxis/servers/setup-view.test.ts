import { describe, expect, it } from "vitest";
import type { ServerSettings } from "../../shared/contracts/settings";
import { translatorFor } from "../../shared/i18n";
import { settingsText, setupMessage } from "./setup-view";

const settings: ServerSettings = {
  guildId: "1300000000000000010",
  staffRoleIds: ["1300000000000000030"],
  supportChannelId: null,
  staffChannelId: null,
  openTicketLimit: 5,
  dmNotifications: true,
  defaultLocale: "en",
  panelTitle: "**Help** @everyone <@1300000000000000111> [site](https://evil.example)",
  panelText: null,
  panelChannelId: null,
  panelMessageId: null,
  categories: [
    {
      key: "billing",
      position: 0,
      labelEn: "__Pay__ ~~ment~~ @here",
      labelFr: "# Paiement `x`",
      emoji: "**",
      questions: [],
      enabled: true,
      staffRoleIds: ["1300000000000000031"],
    },
    {
      key: "bug",
      position: 1,
      labelEn: "Bugs",
      labelFr: "Bogues",
      emoji: "<:bug:1300000000000000555>",
      questions: [],
      enabled: true,
      staffRoleIds: [],
    },
  ],
};

describe("/setup show", () => {
  it("shows the admins' texts as typed, without formatting or mentions (EN)", () => {
    const text = settingsText(translatorFor("en"), "en", settings);
    expect(text).toContain(
      "Panel: \\*\\*Help\\*\\* \\@everyone \\<\\@1300000000000000111\\> \\[site\\](https\\://evil.example)",
    );
    expect(text).toContain("\\*\\* \\_\\_Pay\\_\\_ \\~\\~ment\\~\\~ \\@here: <@&1300000000000000031>");
    // A server emoji is shown as the emoji; the roles Maxis writes itself stay mentions.
    expect(text).toContain("<:bug:1300000000000000555> Bugs: every staff member");
    expect(text).toContain("Staff roles: <@&1300000000000000030>");
  });

  it("in French too", () => {
    const text = settingsText(translatorFor("fr"), "fr", settings);
    expect(text).toContain("\\# Paiement \\`x\\` : <@&1300000000000000031>");
  });
});

describe("the /setup message", () => {
  it("fits Discord's 2,000 characters without ending on half an emoji", () => {
    const status = `${"x".repeat(1998)}🎉 saved`;
    const { content = "" } = setupMessage(translatorFor("en"), "en", settings, { status });
    expect(content.length).toBeLessThanOrEqual(2000);
    // A boolean: a lone surrogate in a failure message breaks the test runner's own channel.
    expect(/[\ud800-\udbff](?![\udc00-\udfff])/.test(content)).toBe(false);
    expect(content.endsWith(`${"x".repeat(1998)}…`)).toBe(true);
  });
});
