/**
 * A Gateway shard's events, handled one after the other so messages are stored in the order Discord
 * sent them: batches of message events, and after READY or RESUMED a backfill of each open ticket
 * thread through REST before the events that follow. What fails is retried after a second, in place.
 * The sequence saved for RESUME is that of the last event fully handled.
 */
import { staffAuthor } from "../tickets/threads/staff-author";
import { backfillThread } from "./backfill";
import { ingestEvents, openThreadsOfShard } from "./ingest";
import { Events, type GatewayFrame, type GatewayMessage, type IngestEvent, toIngestEvent } from "./protocol";
import type { SavedShard } from "./shard-state";

/**
 * A heard event; a new message also keeps its author's server and roles, since whether they are staff
 * (the server's settings) is decided when the batch is stored, in order, not while frames arrive.
 */
export type EventJob = {
  seq: number | null;
  event: IngestEvent | null;
  author?: { guildId: string; roles: readonly string[] };
};
export type Job = EventJob | { seq: null; backfill: true };

/** The job for a dispatched event other than READY or RESUMED: a message event, or only its sequence. */
export function eventJob(frame: GatewayFrame, seq: number | null, botUserId: string | null): EventJob {
  const isMessage =
    frame.t === Events.MessageCreate || frame.t === Events.MessageUpdate || frame.t === Events.MessageDelete;
  const message = frame.d as GatewayMessage;
  const event = isMessage ? toIngestEvent(frame.t ?? "", message, { botUserId, isStaff: () => false }) : null;
  const author =
    event?.kind === "create" && message.guild_id
      ? { guildId: message.guild_id, roles: message.member?.roles ?? [] }
      : undefined;
  return { seq, event, ...(author ? { author } : {}) };
}

const BATCH = 200;
const RETRY_MS = 1000;

/** What the queue needs from its Durable Object. */
export interface QueueHost {
  env: MaxisEnv;
  waitUntil(promise: Promise<unknown>): void;
  load(): Promise<SavedShard | null>;
  save(): Promise<void>;
}

export class EventQueue {
  private jobs: Job[] = [];
  private draining: Promise<void> | null = null;

  constructor(private readonly host: QueueHost) {}

  get length(): number {
    return this.jobs.length;
  }

  push(...jobs: Job[]): void {
    this.jobs.push(...jobs);
    this.draining ??= this.drain().finally(() => {
      this.draining = null;
    });
    this.host.waitUntil(this.draining);
  }

  /** Resolves once every event received so far is handled; how many are left (none). */
  async drained(): Promise<number> {
    while (this.draining) await this.draining;
    return this.jobs.length;
  }

  private async drain(): Promise<void> {
    const { env } = this.host;
    while (this.jobs.length > 0) {
      const saved = await this.host.load();
      if (!saved) return;
      const first = this.jobs[0];
      if (first && "backfill" in first) {
        try {
          const threads = await openThreadsOfShard(env, saved.shard);
          for (const thread of threads) await backfillThread(env, thread, saved.botUserId);
          this.jobs.shift();
        } catch (error) {
          console.error("gateway backfill failed; retrying", error);
          await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
        }
        continue;
      }
      let end = 0;
      while (end < this.jobs.length && end < BATCH && !("backfill" in (this.jobs[end] as Job))) end += 1;
      const batch = this.jobs.slice(0, end) as EventJob[];
      try {
        const events: IngestEvent[] = [];
        for (const job of batch) {
          if (!job.event) continue;
          if (job.event.kind === "create" && job.author) {
            job.event.staff = await staffAuthor(env, job.author.guildId, job.author.roles);
          }
          events.push(job.event);
        }
        if (events.length) await ingestEvents(env, events);
      } catch (error) {
        console.error("gateway ingestion failed; retrying", error);
        await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
        continue;
      }
      this.jobs.splice(0, end);
      const lastSeq = batch.reduce<number | null>((max, job) => (job.seq !== null ? job.seq : max), null);
      if (lastSeq !== null && saved.sessionId) {
        saved.seq = lastSeq;
        await this.host.save();
      }
    }
  }
}
