import { describe, expect, it } from "vitest";
import { serverSettingsWith } from "../../../test/support/server-settings";
import { translatorFor } from "../../shared/i18n";
import { hasMembersIntent } from "./members-intent";
import { settingsText } from "./setup-view";

const settings = serverSettingsWith();

describe("the Server Members intent", () => {
  it("is on with GATEWAY_GUILD_MEMBERS or GATEWAY_GUILD_MEMBERS_LIMITED, off with neither", () => {
    expect(hasMembersIntent(1 << 14)).toBe(true);
    expect(hasMembersIntent((1 << 15) | (1 << 19))).toBe(true);
    expect(hasMembersIntent((1 << 12) | (1 << 19))).toBe(false);
    expect(hasMembersIntent(0)).toBe(false);
  });

  it.each([
    ["en", "⚠️ Maxis does not have the **Server Members Intent**, so Discord will not give it"],
    ["fr", "⚠️ Maxis n'a pas l'intent **Server Members**, donc Discord ne lui donne pas"],
  ] as const)("is reported by /setup when off, in %s, and only then", (locale, warning) => {
    const t = translatorFor(locale);
    const off = settingsText(t, locale, settings, { membersIntent: false }).split("\n");
    expect(off[0]).toBe(`**${t("setup.title")}**`);
    expect(off[1]).toContain(warning);
    expect(off[1]).toContain("Privileged Gateway Intents → Server Members Intent");
    for (const membersIntent of [true, null]) {
      expect(settingsText(t, locale, settings, { membersIntent })).not.toContain("⚠️");
    }
    expect(settingsText(t, locale, settings)).not.toContain("⚠️");
  });
});
