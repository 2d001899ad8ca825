/**
 * One giveaway: its entrants, its draws and its public message. Entries are rows keyed by member,
 * so concurrent clicks cannot double-count. One alarm does three jobs, each idempotent:
 * draw at the end time (stored before anything is announced), announce draws not yet announced,
 * and bring the entrant count on the message up to date at most once per REFRESH_DELAY_MS.
 * Alarms run at least once, so a second run finds the draw stored and the announcement marked.
 */

import { DurableObject } from "cloudflare:workers";
import type { APIMessage } from "discord-api-types/v10";
import { DiscordApiError, DiscordRest } from "../../shared/discord/rest";
import { translatorFor } from "../../shared/i18n";
import { cryptoUint32, drawWinners } from "./draw";
import { type GiveawayState, GiveawayStore, summaryOf } from "./giveaway-store";
import { announcement, endedMessage, runningMessage } from "./message";
import { giveawayIndex } from "./service";
import {
  type EntryOutcome,
  type EntryRequest,
  type GiveawayConfig,
  type GiveawayResult,
  type GiveawaySummary,
  giveawayLimits,
} from "./types";
import { entryWeight } from "./validate";

/** Entries within this window share one message edit, well inside Discord's per-channel limits. */
export const REFRESH_DELAY_MS = 5_000;
/** When an announcement could not be sent outside an alarm, the alarm tries again after this. */
const DELIVERY_RETRY_MS = 10_000;

/** Entries close at the end time, even if the alarm that draws has not run yet. */
const isClosed = (state: GiveawayState) => state.status !== "running" || Date.now() >= state.config.endsAt;

/** Discord refused the request itself (not a rate limit or an outage): sending it again would not help. */
const isPermanent = (error: unknown) =>
  error instanceof DiscordApiError && error.status >= 400 && error.status < 500 && error.status !== 429;

export class GiveawayObject extends DurableObject<MaxisEnv> {
  private readonly store: GiveawayStore;
  private readonly rest: DiscordRest;
  /** Deliveries run one at a time, so two callers cannot both announce the same draw. */
  private delivering: Promise<void> = Promise.resolve();

  constructor(ctx: DurableObjectState, env: MaxisEnv) {
    super(ctx, env);
    this.store = new GiveawayStore(ctx.storage.sql);
    this.rest = new DiscordRest({ baseUrl: env.DISCORD_API_BASE, botToken: env.DISCORD_BOT_TOKEN });
  }

  /** Posts the message, then stores the giveaway: if Discord refuses, nothing exists. */
  async create(config: GiveawayConfig): Promise<GiveawayResult<GiveawaySummary>> {
    if (this.store.state()) throw new Error(`giveaway ${config.id} already exists`);
    let message: APIMessage;
    try {
      message = await this.rest.request<APIMessage>("POST", `/channels/${config.channelId}/messages`, {
        body: runningMessage(config, 0, translatorFor(config.locale)),
      });
    } catch (error) {
      console.error("giveaway: could not post the message", { id: config.id, error });
      return { ok: false, error: { code: "discord_failed" } };
    }
    this.store.create(config, message.id, Date.now());
    await this.syncIndex().catch((error) => console.error("giveaway: index sync failed", error));
    await this.schedule();
    return { ok: true, value: this.summaryNow() };
  }

  /**
   * A member's click on Enter. Only a member of the giveaway's own server may enter; anyone else is
   * told it does not exist, as for another server's giveaway anywhere else.
   */
  async enter({ guildId, userId, roles }: EntryRequest): Promise<EntryOutcome> {
    const state = this.store.state();
    if (!state || state.config.guildId !== guildId) return { status: "not_found" };
    if (isClosed(state)) return { status: "ended" };
    const weight = entryWeight(state.config, roles);
    if (weight === 0 && state.config.requiredRoleId) {
      return { status: "missing_role", roleId: state.config.requiredRoleId };
    }
    const added = this.store.addEntrant(userId, weight);
    if (added) await this.requestRefresh(state);
    return { status: added ? "entered" : "already_entered", entrants: state.entrants + (added ? 1 : 0) };
  }

  async leave({ guildId, userId }: Omit<EntryRequest, "roles">): Promise<EntryOutcome> {
    const state = this.store.state();
    if (!state || state.config.guildId !== guildId) return { status: "not_found" };
    // Past the end time the entrants are what the draw will use, even before the alarm has run.
    if (isClosed(state)) return { status: "ended" };
    const removed = this.store.removeEntrant(userId);
    if (removed) await this.requestRefresh(state);
    return { status: removed ? "left" : "not_entered", entrants: state.entrants - (removed ? 1 : 0) };
  }

  isEntrant(userId: string): boolean {
    return this.store.isEntrant(userId);
  }

  /** How big this giveaway's storage is, for capacity planning (`npm run bench`). */
  storageStats(): { entrants: number; databaseBytes: number } {
    return { entrants: this.store.state()?.entrants ?? 0, databaseBytes: this.ctx.storage.sql.databaseSize };
  }

  summary(): GiveawaySummary | null {
    return this.store.state() ? this.summaryNow() : null;
  }

  /**
   * Draws now. `requestKey` (the interaction id) makes a retried request answer with the draw it
   * already made instead of "already ended".
   */
  async endNow(requestKey: string | null = null): Promise<GiveawayResult<GiveawaySummary>> {
    const state = this.store.state();
    if (!state) return { ok: false, error: { code: "not_found" } };
    const earlier = this.drawRequestedBy(requestKey);
    if (earlier) return { ok: true, value: earlier };
    if (state.status !== "running") return { ok: false, error: { code: "already_ended" } };
    this.drawFirstRound(Date.now(), requestKey);
    await this.deliverOrRetryLater();
    return { ok: true, value: this.summaryNow() };
  }

  /**
   * New winners among the entrants who never won this giveaway. The earlier winners stay winners:
   * the message lists every round. A retried request (same `requestKey`) gets its own draw back.
   */
  async reroll(
    count: number | null,
    requestKey: string | null = null,
  ): Promise<GiveawayResult<GiveawaySummary>> {
    const state = this.store.state();
    if (!state) return { ok: false, error: { code: "not_found" } };
    const earlier = this.drawRequestedBy(requestKey);
    if (earlier) return { ok: true, value: earlier };
    if (state.status !== "ended") return { ok: false, error: { code: "not_ended" } };
    const winners = count ?? state.config.winners;
    if (
      !Number.isInteger(winners) ||
      winners < giveawayLimits.minWinners ||
      winners > giveawayLimits.maxWinners
    ) {
      return { ok: false, error: { code: "invalid_winners" } };
    }
    if (state.entrants === 0) return { ok: false, error: { code: "no_entrants" } };
    const drawn = this.ctx.storage.transactionSync(() => {
      const previous = new Set(this.store.draws().flatMap((draw) => draw.winners));
      const picked = drawWinners(this.store.entrants(), winners, cryptoUint32(), previous);
      if (picked.length > 0) this.store.recordDraw(picked, Date.now(), requestKey);
      return picked;
    });
    if (drawn.length === 0) return { ok: false, error: { code: "no_entrants_left" } };
    await this.deliverOrRetryLater();
    return { ok: true, value: this.summaryNow() };
  }

  override async alarm(): Promise<void> {
    const state = this.store.state();
    if (!state) return;
    // An alarm may run early (tests run it on demand) or late; what it was set for decides.
    const due = Math.max(Date.now(), state.alarmAt ?? 0);
    this.store.setAlarmAt(null);
    if (state.status === "running" && due >= state.config.endsAt) this.drawFirstRound(Date.now());
    await this.deliver();
    const current = this.store.state();
    if (current?.status === "running" && current.refreshDueAt !== null && due >= current.refreshDueAt) {
      await this.refreshMessage(current);
    }
    await this.syncIndex();
    await this.schedule();
  }

  private summaryNow(): GiveawaySummary {
    const state = this.store.state();
    if (!state) throw new Error("giveaway has no state");
    return summaryOf(state, this.store.draws());
  }

  /** The giveaway as it stood right after the draw this request made, if it made one. */
  private drawRequestedBy(requestKey: string | null): GiveawaySummary | null {
    if (requestKey === null) return null;
    const state = this.store.state();
    const draws = this.store.draws();
    const index = draws.findIndex((draw) => draw.requestKey === requestKey);
    return state && index >= 0 ? summaryOf(state, draws.slice(0, index + 1)) : null;
  }

  private drawFirstRound(now: number, requestKey: string | null = null): void {
    this.ctx.storage.transactionSync(() => {
      const state = this.store.state();
      if (state?.status !== "running") return;
      this.store.recordDraw(drawWinners(this.store.entrants(), state.config.winners), now, requestKey);
    });
  }

  private async requestRefresh(state: GiveawayState): Promise<void> {
    if (state.refreshDueAt !== null) return;
    this.store.setRefreshDue(Date.now() + REFRESH_DELAY_MS);
    await this.schedule();
  }

  private async refreshMessage(state: GiveawayState): Promise<void> {
    if (state.entrants === state.shownEntrants) {
      this.store.markShown(state.entrants);
      return;
    }
    try {
      await this.rest.request("PATCH", `/channels/${state.config.channelId}/messages/${state.messageId}`, {
        body: runningMessage(state.config, state.entrants, translatorFor(state.config.locale)),
      });
    } catch (error) {
      if (!isPermanent(error)) throw error;
      console.error("giveaway: the message could not be refreshed", { id: state.config.id, error });
    }
    this.store.markShown(state.entrants);
  }

  private deliver(): Promise<void> {
    const run = this.delivering.catch(() => undefined).then(() => this.deliverPending());
    this.delivering = run;
    return run;
  }

  private async deliverOrRetryLater(): Promise<void> {
    try {
      await this.deliver();
      await this.syncIndex();
    } catch (error) {
      console.error("giveaway: delivery failed, the alarm will retry", error);
      await this.schedule(Date.now() + DELIVERY_RETRY_MS);
    }
  }

  /** Edits the message to its final state, then posts each draw not yet announced, oldest first. */
  private async deliverPending(): Promise<void> {
    const draws = this.store.draws();
    for (const [index, draw] of draws.entries()) {
      if (draw.announcedAt !== null) continue;
      const state = this.store.state();
      if (!state) return;
      const t = translatorFor(state.config.locale);
      const channel = `/channels/${state.config.channelId}/messages`;
      try {
        await this.rest.request("PATCH", `${channel}/${state.messageId}`, {
          body: endedMessage(state.config, state.entrants, draws.slice(0, index + 1), t),
        });
      } catch (error) {
        if (!isPermanent(error)) throw error;
        console.error("giveaway: the message could not be edited", { id: state.config.id, error });
      }
      try {
        await this.rest.request("POST", channel, {
          body: announcement({ ...state.config, messageId: state.messageId }, draw.round, draw.winners, t),
        });
      } catch (error) {
        if (!isPermanent(error)) throw error;
        console.error("giveaway: the winners could not be announced", { id: state.config.id, error });
      }
      this.store.markAnnounced(draw.round, Date.now());
    }
  }

  private async syncIndex(): Promise<void> {
    const state = this.store.state();
    if (!state || state.indexSynced) return;
    await giveawayIndex(this.env).record(summaryOf(state, this.store.draws()));
    this.store.markIndexSynced();
  }

  /** One alarm at the earliest of: the end, a pending refresh, a retry. */
  private async schedule(retryAt?: number): Promise<void> {
    const state = this.store.state();
    if (!state) return;
    const pendingDraws = this.store.draws().some((draw) => draw.announcedAt === null);
    const candidates = [
      state.status === "running" ? state.config.endsAt : null,
      state.status === "running" ? state.refreshDueAt : null,
      pendingDraws || !state.indexSynced ? (retryAt ?? null) : null,
    ].filter((at): at is number => at !== null);
    if (candidates.length === 0) {
      this.store.setAlarmAt(null);
      await this.ctx.storage.deleteAlarm();
      return;
    }
    const at = Math.min(...candidates);
    if (at === state.alarmAt) return;
    this.store.setAlarmAt(at);
    await this.ctx.storage.setAlarm(at);
  }
}
