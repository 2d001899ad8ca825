/**
 * What a member may do in a channel, computed the way Discord documents it ("Permission Overwrites",
 * docs/topics/permissions): the server's @everyone role and the member's roles give the base; the
 * server's owner and Administrator have everything; then the channel's overwrites apply in order:
 * @everyone's, the member's roles' (all denies, then all allows), the member's own. Without View
 * Channel nothing else in the channel counts. Pure: the roles and overwrites are given.
 */
import { OverwriteType, PermissionFlagsBits } from "discord-api-types/payloads/v10";

export interface RolePermissions {
  id: string;
  /** Discord sends permission sets as decimal strings (they exceed 2^53). */
  permissions: string;
}

export interface PermissionOverwrite {
  id: string;
  type: OverwriteType;
  allow: string;
  deny: string;
}

export interface ChannelAccessFacts {
  guildId: string;
  guildOwnerId?: string | null;
  /** Every role of the server (the @everyone role's id is the server's id). */
  roles: readonly RolePermissions[];
  memberId: string;
  memberRoleIds: readonly string[];
  overwrites: readonly PermissionOverwrite[];
}

const ALL = (1n << 64n) - 1n;

export function channelPermissions(facts: ChannelAccessFacts): bigint {
  if (facts.guildOwnerId && facts.guildOwnerId === facts.memberId) return ALL;
  const roleById = new Map(facts.roles.map((role) => [role.id, BigInt(role.permissions)]));
  let permissions = roleById.get(facts.guildId) ?? 0n;
  for (const id of facts.memberRoleIds) permissions |= roleById.get(id) ?? 0n;
  if ((permissions & PermissionFlagsBits.Administrator) !== 0n) return ALL;

  const everyone = facts.overwrites.find((o) => o.type === OverwriteType.Role && o.id === facts.guildId);
  if (everyone) permissions = (permissions & ~BigInt(everyone.deny)) | BigInt(everyone.allow);
  let allow = 0n;
  let deny = 0n;
  for (const overwrite of facts.overwrites) {
    if (overwrite.type === OverwriteType.Role && facts.memberRoleIds.includes(overwrite.id)) {
      allow |= BigInt(overwrite.allow);
      deny |= BigInt(overwrite.deny);
    }
  }
  permissions = (permissions & ~deny) | allow;
  const own = facts.overwrites.find((o) => o.type === OverwriteType.Member && o.id === facts.memberId);
  if (own) permissions = (permissions & ~BigInt(own.deny)) | BigInt(own.allow);

  return (permissions & PermissionFlagsBits.ViewChannel) === 0n ? 0n : permissions;
}

/** The permissions Maxis needs in each kind of channel it is given. */
export const REQUIRED_PERMISSIONS = {
  /** Ticket threads: private threads with the member, replies said through a webhook. */
  support: [
    "ViewChannel",
    "SendMessages",
    "CreatePrivateThreads",
    "SendMessagesInThreads",
    "ManageThreads",
    "ManageWebhooks",
  ],
  /** Staff posts and ticket panels: embeds with buttons. */
  staff: ["ViewChannel", "SendMessages", "EmbedLinks"],
  panel: ["ViewChannel", "SendMessages", "EmbedLinks"],
} as const satisfies Record<string, readonly (keyof typeof PermissionFlagsBits)[]>;

export type ChannelPurpose = keyof typeof REQUIRED_PERMISSIONS;
export type PermissionName = (typeof REQUIRED_PERMISSIONS)[ChannelPurpose][number];

/** Which of the permissions a purpose needs are missing from `permissions`, in the order listed. */
export function missingPermissions(purpose: ChannelPurpose, permissions: bigint): PermissionName[] {
  return REQUIRED_PERMISSIONS[purpose].filter((name) => (permissions & PermissionFlagsBits[name]) === 0n);
}
