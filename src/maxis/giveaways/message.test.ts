import { ButtonStyle, ComponentType, MessageFlags } from "discord-api-types/payloads/v10";
import { describe, expect, it } from "vitest";
import { translatorFor } from "../../shared/i18n";
import { announcement, endedMessage, parseGiveawayButton, runningMessage } from "./message";
import type { GiveawayConfig } from "./types";

const config: GiveawayConfig = {
  id: "abcd2345",
  prize: "Nitro @everyone",
  winners: 2,
  endsAt: 1_800_000_000_000,
  guildId: "1300000000000000010",
  channelId: "1300000000000000020",
  hostId: "1300000000000000222",
  requiredRoleId: "1300000000000000031",
  bonusEntries: [{ roleId: "1300000000000000032", entries: 3 }],
  locale: "fr",
};
const t = translatorFor("fr");

describe("giveaway messages", () => {
  it("shows the prize, a live countdown, the count, the rules and an Enter button, pinging nobody", () => {
    const body = runningMessage(config, 42, t);
    const description = body.embeds?.[0]?.description ?? "";
    expect(description).toContain("Fin <t:1800000000:R>");
    expect(description).toContain("Participants : **42**");
    expect(description).toContain("<@&1300000000000000031>");
    expect(description).toContain("<@&1300000000000000032> : +3 participations");
    expect(body.components).toEqual([
      {
        type: ComponentType.ActionRow,
        components: [
          {
            type: ComponentType.Button,
            style: ButtonStyle.Success,
            custom_id: "giveaway:enter:abcd2345",
            label: "Participer",
            emoji: { name: "🎉" },
          },
        ],
      },
    ]);
    expect(body.allowed_mentions).toEqual({ parse: [] });
  });

  it("removes the button once drawn and lists the winners", () => {
    const body = endedMessage(config, 42, [{ drawnAt: 1_800_000_000_000, winners: ["111111", "222222"] }], t);
    expect(body.components).toEqual([]);
    expect(body.embeds?.[0]?.description).toContain("Terminé <t:1800000000:R>");
    expect(body.embeds?.[0]?.description).toContain("Gagnants : <@111111>, <@222222>");
  });

  it("keeps the first winners after a reroll and lists each new draw under them", () => {
    const body = endedMessage(
      config,
      42,
      [
        { drawnAt: 1_800_000_000_000, winners: ["111111", "222222"] },
        { drawnAt: 1_800_000_600_000, winners: ["333333"] },
      ],
      t,
    );
    expect(body.embeds?.[0]?.description?.split("\n").slice(0, 3)).toEqual([
      "Terminé <t:1800000000:R>",
      "Gagnants : <@111111>, <@222222>",
      "Nouveau tirage <t:1800000600:R> : <@333333>",
    ]);
  });

  it("keeps the first winners and the latest new draws within Discord's 4,096-character description", () => {
    const twenty = (from: number) =>
      Array.from({ length: 20 }, (_, i) => `13000000000000${String(from + i).padStart(5, "0")}`);
    const draws = Array.from({ length: 12 }, (_, round) => ({
      drawnAt: 1_800_000_000_000 + round * 60_000,
      winners: twenty(round * 20),
    }));
    const description =
      endedMessage({ ...config, prize: "*".repeat(256) }, 240, draws, t).embeds?.[0]?.description ?? "";
    expect(description.length).toBeLessThanOrEqual(4096);
    const lines = description.split("\n");
    expect(lines[2]).toBe(
      `Gagnants : ${twenty(0)
        .map((id) => `<@${id}>`)
        .join(", ")}`,
    );
    expect(lines[3]).toBe("…les tirages précédents sont dans les annonces de ce salon.");
    expect(lines.at(-3)).toContain(`<@${twenty(220)[19]}>`);
    expect(lines.at(-2)).toBe("Participants : **240**");
  });

  it("shows the prize as typed text: no formatting, link or mention", () => {
    const prize = "**Free** @everyone <@123> [click](https://evil.example)";
    const escaped = "\\*\\*Free\\*\\* \\@everyone \\<\\@123\\> \\[click\\](https\\://evil.example)";
    const running = runningMessage({ ...config, prize }, 0, t);
    expect(running.embeds?.[0]?.title).toBe(`🎉 ${escaped}`);
    const won = announcement({ ...config, prize, messageId: "1" }, 1, ["111111"], t);
    expect(won.content).toBe(`🎉 Félicitations <@111111> ! Vous avez gagné **${escaped}** !`);
  });

  it("never makes a link of the prize: no clickable URL, no embedded preview, in the post or the announcement", () => {
    const prize = "Nitro https://evil.example/free et www.example.com";
    const shown = "Nitro https\\://evil.example/free et www\\.example.com";
    const ended = endedMessage(
      { ...config, prize },
      3,
      [{ drawnAt: 1_800_000_000_000, winners: ["111111"] }],
      t,
    );
    expect(ended.embeds?.[0]?.title).toBe(`🎉 ${shown}`);
    expect(ended.allowed_mentions).toEqual({ parse: [] });
    const won = announcement({ ...config, prize, messageId: "1" }, 1, ["111111"], t);
    expect(won.content).toBe(`🎉 Félicitations <@111111> ! Vous avez gagné **${shown}** !`);
    expect(won.content).not.toMatch(/https:\/\/|www\./);
    expect(won.flags).toBe(MessageFlags.SuppressEmbeds);
  });

  it("shows no invite card for a prize naming a Discord invite without a scheme", () => {
    const prize = "Join discord.gg/free-nitro";
    const won = announcement({ ...config, prize, messageId: "1" }, 1, ["111111"], t);
    expect(won.content).toBe(
      "🎉 Félicitations <@111111> ! Vous avez gagné **Join discord\\.gg/free-nitro** !",
    );
  });

  it("cuts a long prize to Discord's 256-character title and shows it whole in the description", () => {
    const prize = "*".repeat(256);
    const body = runningMessage({ ...config, prize }, 0, t);
    const title = body.embeds?.[0]?.title ?? "";
    expect(title.length).toBe(256);
    expect(title.endsWith("…")).toBe(true);
    expect(title).not.toMatch(/[^\\]\\…$/);
    expect(body.embeds?.[0]?.description?.split("\n")[0]).toBe(`Lot : ${"\\*".repeat(256)}`);
    expect(runningMessage({ ...config, prize: "x".repeat(253) }, 0, t).embeds?.[0]?.title).toBe(
      `🎉 ${"x".repeat(253)}`,
    );
  });

  it("announces with mentions limited to the winners, whatever the prize says", () => {
    const body = announcement({ ...config, messageId: "999999" }, 1, ["111111", "222222"], t);
    expect(body.content).toBe(
      "🎉 Félicitations <@111111>, <@222222> ! Vous avez gagné **Nitro \\@everyone** !",
    );
    expect(body.allowed_mentions).toEqual({ parse: [], users: ["111111", "222222"] });
    expect(body.message_reference).toEqual({ message_id: "999999", fail_if_not_exists: false });
    // Discord drops a second message with the same nonce: a repeated round cannot be posted twice.
    expect(body.nonce).toBe("gw-abcd2345-1");
    expect(body.enforce_nonce).toBe(true);
    expect(String(body.nonce).length).toBeLessThanOrEqual(25);
  });

  it("announces a reroll and an empty draw differently", () => {
    expect(announcement({ ...config, messageId: "1" }, 2, ["333333"], t).content).toContain("Nouveau tirage");
    const nobody = announcement({ ...config, messageId: "1" }, 1, [], t);
    expect(nobody.content).toContain("aucun gagnant");
    expect(nobody.allowed_mentions).toEqual({ parse: [], users: [] });
  });
});

describe("parseGiveawayButton", () => {
  it("reads back exactly what the Enter and Leave buttons carry", () => {
    expect(parseGiveawayButton(["enter", "abcd2345"])).toEqual({ action: "enter", giveawayId: "abcd2345" });
    expect(parseGiveawayButton(["leave", "abcd2345"])).toEqual({ action: "leave", giveawayId: "abcd2345" });
  });

  it("refuses any other action, a bad id, a missing or an extra part", () => {
    for (const args of [
      ["anything", "abcd2345"],
      ["ENTER", "abcd2345"],
      ["", "abcd2345"],
      ["enter", "ABCD2345"],
      ["enter", "abcd234"],
      ["enter"],
      ["abcd2345"],
      ["enter", "abcd2345", "extra"],
      [],
    ]) {
      expect(parseGiveawayButton(args), JSON.stringify(args)).toBeNull();
    }
  });
});
