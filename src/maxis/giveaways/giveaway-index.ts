/**
 * The list of this Maxis's giveaways, for `/giveaway list`, the control API's status and analytics.
 * Durable Objects cannot be enumerated, so each giveaway reports its summary here when it starts,
 * as its entrant count changes (at most once per refresh) and when it is drawn. Reports are
 * idempotent upserts: a retried alarm reporting twice changes nothing.
 */
import { DurableObject } from "cloudflare:workers";
import type { GiveawayFigures, GiveawaySummary } from "./types";

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS giveaways (
    id TEXT PRIMARY KEY,
    guild_id TEXT NOT NULL,
    status TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    ends_at INTEGER NOT NULL,
    ended_at INTEGER,
    entrants INTEGER NOT NULL,
    summary TEXT NOT NULL
  );
  CREATE INDEX IF NOT EXISTS giveaways_running ON giveaways (status, ends_at);
  CREATE INDEX IF NOT EXISTS giveaways_created ON giveaways (created_at);
`;

export class GiveawayIndex extends DurableObject<MaxisEnv> {
  constructor(ctx: DurableObjectState, env: MaxisEnv) {
    super(ctx, env);
    ctx.storage.sql.exec(SCHEMA);
  }

  record(summary: GiveawaySummary): void {
    this.ctx.storage.sql.exec(
      `INSERT INTO giveaways (id, guild_id, status, created_at, ends_at, ended_at, entrants, summary)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET status = excluded.status, ended_at = excluded.ended_at,
         entrants = excluded.entrants, summary = excluded.summary`,
      summary.id,
      summary.guildId,
      summary.status,
      summary.createdAt,
      summary.endsAt,
      summary.endedAt,
      summary.entrants,
      JSON.stringify(summary),
    );
  }

  running(guildId: string | null): GiveawaySummary[] {
    return this.ctx.storage.sql
      .exec<{ summary: string }>(
        `SELECT summary FROM giveaways WHERE status = 'running' AND (? IS NULL OR guild_id = ?)
         ORDER BY ends_at LIMIT 100`,
        guildId,
        guildId,
      )
      .toArray()
      .map((row) => JSON.parse(row.summary) as GiveawaySummary);
  }

  figures(since: number): GiveawayFigures {
    const row = this.ctx.storage.sql
      .exec<{ started: number; ended: number; running: number; entrants: number }>(
        `SELECT
           (SELECT count(*) FROM giveaways WHERE created_at >= ?) AS started,
           (SELECT count(*) FROM giveaways WHERE ended_at >= ?) AS ended,
           (SELECT count(*) FROM giveaways WHERE status = 'running') AS running,
           (SELECT coalesce(sum(entrants), 0) FROM giveaways WHERE created_at >= ?) AS entrants`,
        since,
        since,
        since,
      )
      .one();
    return { started: row.started, ended: row.ended, running: row.running, entrants: row.entrants };
  }
}
