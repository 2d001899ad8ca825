import { type GiveawayConfig, type GiveawayResult, giveawayLimits, type StartGiveawayInput } from "./types";

const SNOWFLAKE = /^\d{5,20}$/;
/**
 * Control characters (NUL, newlines, escapes…), lone surrogates, and the bidirectional overrides and
 * isolates that can make the text around a prize read backwards: nothing a prize needs.
 */
const UNPRINTABLE = /[\p{Cc}\p{Cs}\u202a-\u202e\u2066-\u2069]/u;
/** Spaces and invisible format characters: a prize made only of these shows nothing. */
const INVISIBLE = /[\p{Z}\p{Cf}\s]/gu;

/** Checks a start request before anything is created; the first problem found is the answer. */
export function validateStartInput(
  input: StartGiveawayInput,
  now: number,
): GiveawayResult<Omit<GiveawayConfig, "id">> {
  const prize = input.prize.trim();
  if (!prize.replace(INVISIBLE, "")) return { ok: false, error: { code: "prize_empty" } };
  if (UNPRINTABLE.test(prize)) return { ok: false, error: { code: "prize_invalid" } };
  if ([...prize].length > giveawayLimits.maxPrizeLength) {
    return { ok: false, error: { code: "prize_too_long" } };
  }
  if (
    !Number.isInteger(input.winners) ||
    input.winners < giveawayLimits.minWinners ||
    input.winners > giveawayLimits.maxWinners
  ) {
    return { ok: false, error: { code: "invalid_winners" } };
  }
  if (
    !Number.isFinite(input.endsAt) ||
    input.endsAt < now + giveawayLimits.minDurationMs ||
    input.endsAt > now + giveawayLimits.maxDurationMs
  ) {
    return { ok: false, error: { code: "invalid_end_time" } };
  }
  const bonusEntries = [...(input.bonusEntries ?? [])];
  const roles = new Set(bonusEntries.map((bonus) => bonus.roleId));
  if (
    bonusEntries.length > giveawayLimits.maxBonusRoles ||
    roles.size !== bonusEntries.length ||
    bonusEntries.some(
      (bonus) =>
        !SNOWFLAKE.test(bonus.roleId) ||
        !Number.isInteger(bonus.entries) ||
        bonus.entries < 1 ||
        bonus.entries > giveawayLimits.maxBonusEntries,
    )
  ) {
    return { ok: false, error: { code: "invalid_bonus" } };
  }
  // @everyone (whose role id is the server's id) restricts nothing: the giveaway is open to all.
  const requiredRoleId = input.requiredRoleId === input.guildId ? null : (input.requiredRoleId ?? null);
  if (!SNOWFLAKE.test(input.channelId)) return { ok: false, error: { code: "invalid_channel" } };
  if (requiredRoleId !== null && !SNOWFLAKE.test(requiredRoleId)) {
    return { ok: false, error: { code: "invalid_role" } };
  }
  if (!SNOWFLAKE.test(input.guildId) || (input.hostId !== null && !SNOWFLAKE.test(input.hostId))) {
    throw new Error("startGiveaway: guildId and hostId must be Discord snowflakes");
  }
  return {
    ok: true,
    value: {
      prize,
      winners: input.winners,
      endsAt: Math.floor(input.endsAt),
      guildId: input.guildId,
      channelId: input.channelId,
      hostId: input.hostId,
      requiredRoleId,
      bonusEntries,
      locale: input.locale ?? "en",
    },
  };
}

/**
 * A member's tickets: none without the required role, otherwise 1 plus the bonus of every bonus role
 * they hold. Every member holds @everyone, whose id is the server's id, though Discord never lists
 * it in `member.roles`.
 */
export function entryWeight(
  config: Pick<GiveawayConfig, "guildId" | "requiredRoleId" | "bonusEntries">,
  memberRoles: readonly string[],
): number {
  const holds = (roleId: string) => roleId === config.guildId || memberRoles.includes(roleId);
  if (config.requiredRoleId && !holds(config.requiredRoleId)) return 0;
  return config.bonusEntries.reduce(
    (weight, bonus) => (holds(bonus.roleId) ? weight + bonus.entries : weight),
    1,
  );
}
