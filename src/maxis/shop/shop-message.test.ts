import { describe, expect, it } from "vitest";
import { translatorFor } from "../../shared/i18n";
import { shopMessage } from "./shop-message";
import type { ShopPlan } from "./types";

const plans: ShopPlan[] = [
  {
    id: "basic",
    key: "basic",
    duration: "month",
    discordSkuId: null,
    grantsRole: false,
    name: "Basic",
    description: "",
    priceCents: 499,
    currency: "EUR",
    promotion: null,
  },
  {
    id: "pro",
    key: "pro",
    duration: "month",
    discordSkuId: null,
    grantsRole: false,
    name: "Pro",
    description: "Priority support",
    priceCents: 1299,
    currency: "EUR",
    promotion: { id: 1, percent: 20, promotedCents: 1039, endsAt: "2026-11-26T12:00:00Z" },
  },
];

describe("shopMessage", () => {
  it("shows each plan, with the promoted price and a live countdown while a promotion runs", () => {
    const message = shopMessage(plans, "en", translatorFor("en"));
    const fields = typeof message === "string" ? [] : (message.embeds?.[0]?.fields ?? []);
    expect(fields).toEqual([
      { name: "Basic", value: "**€4.99**" },
      { name: "Pro", value: "~~€12.99~~ **€10.39** (−20 %), ends <t:1795694400:R>\nPriority support" },
    ]);
  });

  it("shows the discount the prices give when the plan's floor price holds it below the asked percent", () => {
    const premium: ShopPlan = {
      key: "premium",
      duration: "month",
      discordSkuId: null,
      grantsRole: false,
      description: "",
      currency: "EUR",
      id: "premium",
      name: "Premium",
      priceCents: 2999,
      promotion: { id: 2, percent: 90, promotedCents: 1999, endsAt: "2026-11-26T12:00:00Z" },
    };
    const message = shopMessage([premium], "en", translatorFor("en"));
    const value = typeof message === "string" ? "" : (message.embeds?.[0]?.fields?.[0]?.value ?? "");
    expect(value).toContain("~~€29.99~~ **€19.99** (−33 %)");
  });

  it("follows the member's language", () => {
    const message = shopMessage(plans, "fr", translatorFor("fr"));
    const embed = typeof message === "string" ? undefined : message.embeds?.[0];
    expect(embed?.title).toBe("Boutique");
    expect(embed?.fields?.[1]?.value.replace(/[\u00a0\u202f]/g, " ")).toContain("~~12,99 €~~ **10,39 €**");
  });

  it("says so when nothing is for sale", () => {
    expect(shopMessage([], "en", translatorFor("en"))).toEqual({
      content: "There is nothing for sale right now.",
    });
  });
});
