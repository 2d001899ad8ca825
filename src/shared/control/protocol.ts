/**
 * The control API between Shellia and each Maxis (contract: ../../../ARCHITECTURE.md and the shared
 * architecture notes). `POST /control/v1/<action>`, JSON body, four signature headers.
 */
import type { Result } from "../result";

export const CONTROL_HEADERS = {
  keyId: "X-Control-Key-Id",
  timestamp: "X-Control-Timestamp",
  nonce: "X-Control-Nonce",
  signature: "X-Control-Signature",
} as const;

export const CONTROL_PATH_PREFIX = "/control/v1/";

/** How far a request's timestamp may be from the receiver's clock, either way. */
export const CONTROL_WINDOW_SECONDS = 60;

export const CONTROL_ACTIONS = [
  "status",
  "analytics",
  "promo",
  "giveaway",
  "restart",
  "report",
  "execute",
  "choices",
] as const;

export type ControlAction = (typeof CONTROL_ACTIONS)[number];

export function isControlAction(value: string): value is ControlAction {
  return (CONTROL_ACTIONS as readonly string[]).includes(value);
}

export function controlPath(action: ControlAction): string {
  return `${CONTROL_PATH_PREFIX}${action}`;
}

/** Who asked, as Shellia vouches for it inside the signed body. */
export interface ControlOperator {
  /** Discord user id of the operator. */
  id: string;
  /** Their Discord username, for the audit trail. */
  name: string;
}

/**
 * A call that `/ask` proposed from an operator's words: the words and how they were understood ride
 * in the signed body, so Maxis's audit row of the call keeps them (Maxis does not act on them).
 */
export interface AskOrigin {
  kind: "ask";
  /** The `/ask` interaction id, shared by every call of one request. */
  askId: string;
  request: string;
  engine: "parser" | "model";
  model?: string;
  /** Read-only actions run without a confirmation. */
  confirmed: boolean;
}

interface ControlRequestBase {
  operator: ControlOperator;
  /** The operator's language: Maxis writes the messages it returns in it. */
  locale: "en" | "fr";
  via?: AskOrigin;
}

export interface ControlRequests {
  status: ControlRequestBase;
  /** `server`: whose revenue (the other figures are the whole Maxis's); absent, Maxis's home server. */
  analytics: ControlRequestBase & { period: string; server?: string };
  /**
   * `server`: the Discord server whose plan it is (its /shop is the only one that changes); empty or
   * absent, Maxis's home server.
   */
  promo: ControlRequestBase & { server?: string; percent: number; plan: string; duration: string };
  giveaway: ControlRequestBase & {
    prize: string;
    duration: string;
    winners: number;
    /** A channel of a server Maxis is in; Maxis reads its server from Discord. */
    channelId: string;
  };
  restart: ControlRequestBase;
  report: ControlRequestBase & { period: string; server?: string };
  execute: ControlRequestBase & { operation: string; args: string[] };
  /**
   * Read-only: suggestions for an option the operator is typing (`/maxis promo server` and `plan`,
   * `giveaway channel`). `server` narrows `plan` to that server's plans.
   */
  choices: ControlRequestBase & { field: ChoiceField; query: string; server?: string };
}

export const CHOICE_FIELDS = ["plan", "channel", "server"] as const;
export type ChoiceField = (typeof CHOICE_FIELDS)[number];

/** A part of Maxis whose figures could not be read; `not_available` means the feature is not built yet. */
export type FigureUnavailable = "not_available" | "unreachable";

export type Figure<T> = Result<T, FigureUnavailable>;

export interface StatusResult {
  version: string;
  bootId: string;
  /** ISO time the current boot id was recorded. */
  bootedAt: string;
  /** `by` is a Discord id; `byName` the operator's name when Maxis recorded it. */
  lastRestart: { at: string; by: string; byName?: string | null } | null;
  maintenance: { on: boolean; since: string | null; by: string | null; byName?: string | null };
  database: { reachable: boolean; latencyMs: number | null };
  openTickets: Figure<number>;
  runningGiveaways: Figure<number>;
  livePromotions: Figure<number>;
  /** Maxis's Gateway connection, one entry per shard (absent from a Maxis older than issue 12). */
  gateway?: Figure<GatewayShardStatus[]>;
}

/** The states a Gateway shard reports; Shellia names each in the operator's language. */
export const GATEWAY_STATES = [
  "connected",
  "connecting",
  "identifying",
  "resuming",
  "disconnected",
  "stopped",
] as const;

export interface GatewayShardStatus {
  shard: number;
  shards: number;
  /** One of GATEWAY_STATES, from a newer Maxis perhaps another. */
  state: string;
  lastEventAt: string | null;
  reconnects: number;
}

export interface PeriodWindow {
  /** The period's length as the operator reads it, in their language (`7 d`, `7 j`: formatDuration). */
  label: string;
  since: string;
  until: string;
}

/** Payments over the period (integer cents), by plan and promotion; active subscriptions now. */
export interface RevenueFigures {
  /** The server these figures are for, and its name when Discord told Maxis (absent: an older Maxis). */
  guildId?: string;
  guildName?: string | null;
  paidCents: number;
  refundedCents: number;
  payments: number;
  failedPayments: number;
  disputes: number;
  /** The currency of the period's payments; null when there were none. */
  currency: string | null;
  activeSubscriptions: number;
  byPlan: { planId: string | null; promotionId: number | null; payments: number; paidCents: number }[];
}

export interface AnalyticsResult {
  period: PeriodWindow;
  tickets: Figure<{ opened: number; closed: number; openNow: number }>;
  giveaways: Figure<{ started: number; ended: number; running: number; entrants: number }>;
  promotions: Figure<{
    promotionsRun: number;
    plansPromoted: number;
    averagePercent: number | null;
    liveNow: number;
  }>;
  /** Absent from a Maxis without payments. */
  revenue?: Figure<RevenueFigures>;
}

export interface PromoResult {
  id: number;
  /** The server's id, and its name when Discord told Maxis. */
  guildId: string;
  guildName: string | null;
  planName: string;
  percent: number;
  priceCents: number;
  promotedCents: number;
  currency: string;
  endsAt: string;
}

export interface GiveawayResult {
  id: string;
  prize: string;
  channelId: string;
  messageId: string;
  winners: number;
  /** ms since the epoch. */
  endsAt: number;
}

export interface RestartResult {
  bootId: string;
  previousBootId: string;
  restartedAt: string;
  /** Commands sent to Discord, or null when re-syncing failed (see `syncError`). */
  commandsSynced: number | null;
  syncError: string | null;
}

export interface ReportResult {
  /** A Discord embed, already in the operator's language. */
  embed: {
    title: string;
    description: string;
    fields: { name: string; value: string; inline?: boolean }[];
    timestamp: string;
  };
  markdown: string;
  filename: string;
}

export interface ExecuteResult {
  operation: string;
  /** What happened, in the operator's language. */
  message: string;
}

export interface ChoicesResult {
  /** At most 25, Discord's limit; `name` is what the operator sees, `value` what is sent back. */
  choices: { name: string; value: string }[];
}

export interface ControlResults {
  status: StatusResult;
  analytics: AnalyticsResult;
  promo: PromoResult;
  giveaway: GiveawayResult;
  restart: RestartResult;
  report: ReportResult;
  execute: ExecuteResult;
  choices: ChoicesResult;
}

/** Every failure, 401 included, has this body. `message` is in the request's language when known. */
export interface ControlErrorBody {
  error: { code: string; message: string };
}

export interface ControlSuccessBody<A extends ControlAction> {
  ok: true;
  result: ControlResults[A];
}
