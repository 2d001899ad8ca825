import { OverwriteType, PermissionFlagsBits as P } from "discord-api-types/payloads/v10";
import { describe, expect, it } from "vitest";
import { type ChannelAccessFacts, channelPermissions, missingPermissions } from "./channel-permissions";

const GUILD = "1300000000000000010";
const BOT = "1300000000000000001";
const BOT_ROLE = "1300000000000000901";
const MUTED = "1300000000000000902";
const s = (bits: bigint) => bits.toString();
const SUPPORT =
  P.ViewChannel |
  P.SendMessages |
  P.CreatePrivateThreads |
  P.SendMessagesInThreads |
  P.ManageThreads |
  P.ManageWebhooks;

const base: ChannelAccessFacts = {
  guildId: GUILD,
  guildOwnerId: "1300000000000000999",
  roles: [
    { id: GUILD, permissions: s(P.ViewChannel | P.SendMessages) },
    { id: BOT_ROLE, permissions: s(P.EmbedLinks | P.ManageThreads) },
    { id: MUTED, permissions: "0" },
  ],
  memberId: BOT,
  memberRoleIds: [BOT_ROLE],
  overwrites: [],
};
const role = (id: string, allow: bigint, deny: bigint) => ({
  id,
  type: OverwriteType.Role,
  allow: s(allow),
  deny: s(deny),
});
const member = (id: string, allow: bigint, deny: bigint) => ({
  id,
  type: OverwriteType.Member,
  allow: s(allow),
  deny: s(deny),
});

describe("a member's permissions in a channel (Discord's documented order)", () => {
  const table: { case: string; facts: Partial<ChannelAccessFacts>; has: bigint[]; lacks: bigint[] }[] = [
    {
      case: "@everyone and the member's roles add up",
      facts: {},
      has: [P.ViewChannel, P.SendMessages, P.EmbedLinks, P.ManageThreads],
      lacks: [P.ManageWebhooks],
    },
    {
      case: "a role the member does not hold gives nothing",
      facts: { memberRoleIds: [] },
      has: [P.SendMessages],
      lacks: [P.EmbedLinks],
    },
    {
      case: "@everyone's overwrite denies",
      facts: { overwrites: [role(GUILD, 0n, P.SendMessages)] },
      has: [P.ViewChannel],
      lacks: [P.SendMessages],
    },
    {
      case: "a role's allow beats @everyone's deny",
      facts: { overwrites: [role(GUILD, 0n, P.SendMessages), role(BOT_ROLE, P.SendMessages, 0n)] },
      has: [P.SendMessages],
      lacks: [],
    },
    {
      case: "among the member's roles, an allow beats a deny",
      facts: {
        memberRoleIds: [BOT_ROLE, MUTED],
        overwrites: [role(MUTED, 0n, P.SendMessages), role(BOT_ROLE, P.SendMessages, 0n)],
      },
      has: [P.SendMessages],
      lacks: [],
    },
    {
      case: "the member's own overwrite comes last",
      facts: { overwrites: [role(BOT_ROLE, P.SendMessages, 0n), member(BOT, 0n, P.SendMessages)] },
      has: [P.ViewChannel],
      lacks: [P.SendMessages],
    },
    {
      case: "another member's overwrite does not apply",
      facts: { overwrites: [member("1300000000000000777", 0n, P.SendMessages)] },
      has: [P.SendMessages],
      lacks: [],
    },
    {
      case: "without View Channel nothing counts",
      facts: { overwrites: [role(GUILD, 0n, P.ViewChannel)] },
      has: [],
      lacks: [P.ViewChannel, P.SendMessages, P.EmbedLinks],
    },
    {
      case: "Administrator ignores every overwrite",
      facts: {
        roles: [...(base.roles ?? []), { id: BOT_ROLE, permissions: s(P.Administrator) }].filter(
          (r, i, all) => all.findLastIndex((x) => x.id === r.id) === i,
        ),
        overwrites: [member(BOT, 0n, P.ViewChannel | P.SendMessages)],
      },
      has: [P.ViewChannel, P.SendMessages, P.ManageWebhooks],
      lacks: [],
    },
    {
      case: "the server's owner has everything",
      facts: { guildOwnerId: BOT, overwrites: [role(GUILD, 0n, P.ViewChannel)] },
      has: [P.ViewChannel, P.ManageWebhooks],
      lacks: [],
    },
  ];

  for (const row of table) {
    it(row.case, () => {
      const permissions = channelPermissions({ ...base, ...row.facts });
      for (const flag of row.has) expect(permissions & flag).toBe(flag);
      for (const flag of row.lacks) expect(permissions & flag).toBe(0n);
    });
  }
});

describe("what is missing for each use", () => {
  it("names the support channel's missing permissions in order", () => {
    expect(missingPermissions("support", P.ViewChannel | P.SendMessages | P.ManageThreads)).toEqual([
      "CreatePrivateThreads",
      "SendMessagesInThreads",
      "ManageWebhooks",
    ]);
    expect(missingPermissions("support", SUPPORT)).toEqual([]);
  });

  it("the staff channel needs embeds", () => {
    expect(missingPermissions("staff", P.ViewChannel | P.SendMessages)).toEqual(["EmbedLinks"]);
    expect(missingPermissions("staff", 0n)).toEqual(["ViewChannel", "SendMessages", "EmbedLinks"]);
  });
});
