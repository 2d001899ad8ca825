import type { Locale } from "../../shared/i18n";
import type { CodedError, Result } from "../../shared/result";

/** Extra tickets for members holding a role: a member's weight is 1 + the sum of their roles' entries. */
export interface BonusEntries {
  roleId: string;
  entries: number;
}

/** What it takes to start a giveaway, from a slash command or from the control API. */
export interface StartGiveawayInput {
  prize: string;
  /** How many winners to draw: 1–20. */
  winners: number;
  /** When the draw happens, ms since the epoch: at least a minute ahead, at most 60 days. */
  endsAt: number;
  guildId: string;
  /** Where Maxis posts the giveaway message. */
  channelId: string;
  /** The staff member who started it, or null when the control API (an operator through Shellia) did. */
  hostId: string | null;
  /** Only members with this role may enter. */
  requiredRoleId?: string | null;
  bonusEntries?: readonly BonusEntries[];
  /** Language of the public message and announcement (default English). */
  locale?: Locale;
}

/** A validated giveaway, as its Durable Object stores it: the input with every default filled in. */
export interface GiveawayConfig extends Required<Omit<StartGiveawayInput, "bonusEntries">> {
  id: string;
  bonusEntries: BonusEntries[];
}

export type GiveawayStatus = "running" | "ended";

export interface GiveawaySummary {
  id: string;
  prize: string;
  guildId: string;
  channelId: string;
  messageId: string;
  hostId: string | null;
  winnersCount: number;
  status: GiveawayStatus;
  entrants: number;
  createdAt: number;
  endsAt: number;
  /** When the draw happened (ended early or at the end time), ms since the epoch. */
  endedAt: number | null;
  /** The winners of the latest draw (after a reroll: the new ones). */
  winners: string[];
}

/** Giveaway activity since a moment, for analytics. */
export interface GiveawayFigures {
  /** Giveaways created since then. */
  started: number;
  /** Giveaways whose draw happened since then. */
  ended: number;
  /** Giveaways running now. */
  running: number;
  /** Entrants of the giveaways counted in `started`. */
  entrants: number;
}

/** Why a giveaway operation was refused; each has a localized message (`giveawayErrorMessage`). */
export type GiveawayErrorCode =
  | "invalid_winners"
  | "invalid_end_time"
  | "prize_empty"
  | "prize_too_long"
  | "prize_invalid"
  | "invalid_bonus"
  | "invalid_channel"
  | "invalid_role"
  | "invalid_id"
  | "not_found"
  | "already_ended"
  | "not_ended"
  | "no_entrants"
  | "no_entrants_left"
  | "discord_failed";

export type GiveawayError = CodedError<GiveawayErrorCode>;

export type GiveawayResult<T> = Result<T, GiveawayError>;

export const giveawayLimits = {
  minWinners: 1,
  maxWinners: 20,
  maxPrizeLength: 256,
  minDurationMs: 60_000,
  maxDurationMs: 60 * 24 * 3_600_000,
  maxBonusRoles: 5,
  maxBonusEntries: 10,
} as const;

/** A member's click on Enter or Leave: who, in which server, holding which roles. */
export interface EntryRequest {
  guildId: string;
  userId: string;
  roles: readonly string[];
}

/** What a member's click on Enter or Leave did: a status each worded apart, several of them successes (no Result). */
export type EntryOutcome =
  | { status: "entered" | "already_entered" | "left" | "not_entered"; entrants: number }
  | { status: "missing_role"; roleId: string }
  | { status: "ended" | "not_found" };
