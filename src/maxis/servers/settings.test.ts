import { describe, expect, it } from "vitest";
import { newServerDefaults } from "./settings";

const env = {
  STAFF_ROLE_ID: "1300000000000000030",
  TICKET_STAFF_CHANNEL_ID: "1300000000000000040",
  DISCORD_SUPPORT_CHANNEL_ID: "1300000000000000045",
  DISCORD_GUILD_ID: "1300000000000000010",
};

describe("what a brand-new server starts with", () => {
  it("the environment's staff channel only for the server it belongs to", () => {
    expect(newServerDefaults(env, "1300000000000000010", "fr")).toEqual({
      staffRoleIds: ["1300000000000000030"],
      staffChannelId: "1300000000000000040",
      supportChannelId: "1300000000000000045",
      defaultLocale: "fr",
    });
    const elsewhere = newServerDefaults(env, "1300000000000000099", "en");
    expect(elsewhere.staffChannelId).toBeNull();
    expect(elsewhere.supportChannelId).toBeNull();
  });

  it("nothing from empty or malformed environment values", () => {
    const empty = {
      STAFF_ROLE_ID: " ",
      TICKET_STAFF_CHANNEL_ID: "#staff",
      DISCORD_SUPPORT_CHANNEL_ID: "",
      DISCORD_GUILD_ID: "",
    };
    expect(newServerDefaults(empty, "1300000000000000010", "en")).toEqual({
      staffRoleIds: [],
      staffChannelId: null,
      supportChannelId: null,
      defaultLocale: "en",
    });
  });
});
