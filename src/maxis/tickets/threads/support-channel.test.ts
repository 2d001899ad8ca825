import { describe, expect, it } from "vitest";
import { effectiveSupportChannel } from "./support-channel";

const env = { DISCORD_GUILD_ID: "1300000000000000010", DISCORD_SUPPORT_CHANNEL_ID: "1300000000000000045" };

describe("the support channel a ticket thread opens in", () => {
  it("is the server's setting when it has one", () => {
    expect(effectiveSupportChannel("1300000000000000099", env, env.DISCORD_GUILD_ID)).toBe(
      "1300000000000000099",
    );
  });
  it("falls back to DISCORD_SUPPORT_CHANNEL_ID on the home server only (an upgraded row without the setting)", () => {
    expect(effectiveSupportChannel(null, env, env.DISCORD_GUILD_ID)).toBe("1300000000000000045");
    expect(effectiveSupportChannel(null, env, "1300000000000000777")).toBeNull();
    expect(
      effectiveSupportChannel(null, { ...env, DISCORD_SUPPORT_CHANNEL_ID: "" }, env.DISCORD_GUILD_ID),
    ).toBeNull();
    expect(
      effectiveSupportChannel(null, { ...env, DISCORD_SUPPORT_CHANNEL_ID: "#general" }, env.DISCORD_GUILD_ID),
    ).toBeNull();
  });
});
