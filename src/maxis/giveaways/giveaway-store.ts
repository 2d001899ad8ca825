/**
 * One giveaway's SQLite storage inside its Durable Object. Every method is synchronous, so each one
 * is atomic: the object runs nothing else until it returns.
 */
import type { Entrant } from "./draw";
import type { GiveawayConfig, GiveawayStatus, GiveawaySummary } from "./types";

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS giveaway (
    id TEXT PRIMARY KEY,
    config TEXT NOT NULL,
    message_id TEXT NOT NULL,
    status TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    ended_at INTEGER,
    entrants INTEGER NOT NULL DEFAULT 0,
    -- The count the public message shows, and when it should next be brought up to date.
    shown_entrants INTEGER NOT NULL DEFAULT 0,
    refresh_due_at INTEGER,
    -- When the pending alarm was set for: an alarm set for the end time ends the giveaway.
    alarm_at INTEGER,
    index_synced INTEGER NOT NULL DEFAULT 0
  );
  -- Keyed by member: entering twice cannot add a second row. No rowid, to keep each entrant small.
  CREATE TABLE IF NOT EXISTS entrants (user_id TEXT PRIMARY KEY, weight INTEGER NOT NULL) WITHOUT ROWID;
  -- Each draw (round 1 at the end, then rerolls) is stored before it is announced.
  CREATE TABLE IF NOT EXISTS draws (
    round INTEGER PRIMARY KEY,
    drawn_at INTEGER NOT NULL,
    winners TEXT NOT NULL,
    announced_at INTEGER
  );
`;

/**
 * The request that asked for a draw (an interaction id), so a retried request finds its draw instead
 * of drawing again. Added after the first giveaways were stored, hence a separate step.
 */
const DRAW_REQUEST_KEY = `
  ALTER TABLE draws ADD COLUMN request_key TEXT;
  CREATE UNIQUE INDEX draws_request_key ON draws (request_key);
`;

export interface GiveawayState {
  config: GiveawayConfig;
  messageId: string;
  status: GiveawayStatus;
  createdAt: number;
  endedAt: number | null;
  entrants: number;
  shownEntrants: number;
  refreshDueAt: number | null;
  alarmAt: number | null;
  indexSynced: boolean;
}

export interface Draw {
  round: number;
  drawnAt: number;
  winners: string[];
  announcedAt: number | null;
  requestKey: string | null;
}

type Row = Record<string, SqlStorageValue>;

const num = (value: SqlStorageValue | undefined): number | null => (value === null ? null : Number(value));

export class GiveawayStore {
  constructor(private readonly sql: SqlStorage) {
    sql.exec(SCHEMA);
    const columns = sql.exec<{ name: string }>("SELECT name FROM pragma_table_info('draws')").toArray();
    if (!columns.some((column) => column.name === "request_key")) sql.exec(DRAW_REQUEST_KEY);
  }

  state(): GiveawayState | null {
    const row = this.sql.exec<Row>("SELECT * FROM giveaway LIMIT 1").toArray()[0];
    if (!row) return null;
    return {
      config: JSON.parse(String(row["config"])) as GiveawayConfig,
      messageId: String(row["message_id"]),
      status: row["status"] as GiveawayStatus,
      createdAt: Number(row["created_at"]),
      endedAt: num(row["ended_at"]),
      entrants: Number(row["entrants"]),
      shownEntrants: Number(row["shown_entrants"]),
      refreshDueAt: num(row["refresh_due_at"]),
      alarmAt: num(row["alarm_at"]),
      indexSynced: Number(row["index_synced"]) === 1,
    };
  }

  create(config: GiveawayConfig, messageId: string, now: number): void {
    this.sql.exec(
      "INSERT INTO giveaway (id, config, message_id, status, created_at) VALUES (?, ?, ?, 'running', ?)",
      config.id,
      JSON.stringify(config),
      messageId,
      now,
    );
  }

  /** Adds the member unless they are in already; true when they were added. */
  addEntrant(userId: string, weight: number): boolean {
    const inserted = this.sql
      .exec(
        "INSERT INTO entrants (user_id, weight) VALUES (?, ?) ON CONFLICT DO NOTHING RETURNING 1",
        userId,
        weight,
      )
      .toArray().length;
    if (inserted === 0) return false;
    this.sql.exec("UPDATE giveaway SET entrants = entrants + 1, index_synced = 0");
    return true;
  }

  removeEntrant(userId: string): boolean {
    const removed = this.sql
      .exec("DELETE FROM entrants WHERE user_id = ? RETURNING 1", userId)
      .toArray().length;
    if (removed === 0) return false;
    this.sql.exec("UPDATE giveaway SET entrants = entrants - 1, index_synced = 0");
    return true;
  }

  isEntrant(userId: string): boolean {
    return this.sql.exec("SELECT 1 FROM entrants WHERE user_id = ?", userId).toArray().length > 0;
  }

  entrants(): Entrant[] {
    const entrants: Entrant[] = [];
    // Raw rows skip building a keyed object per row: it matters at 100,000 entrants.
    for (const [userId, weight] of this.sql.exec("SELECT user_id, weight FROM entrants").raw()) {
      entrants.push({ userId: String(userId), weight: Number(weight) });
    }
    return entrants;
  }

  draws(): Draw[] {
    return this.sql
      .exec<Row>("SELECT * FROM draws ORDER BY round")
      .toArray()
      .map((row) => ({
        round: Number(row["round"]),
        drawnAt: Number(row["drawn_at"]),
        winners: JSON.parse(String(row["winners"])) as string[],
        announcedAt: num(row["announced_at"]),
        requestKey: row["request_key"] === null ? null : String(row["request_key"]),
      }));
  }

  /** Stores a draw; the first one also closes entries. */
  recordDraw(winners: readonly string[], now: number, requestKey: string | null = null): Draw {
    const round = this.draws().length + 1;
    this.sql.exec(
      "INSERT INTO draws (round, drawn_at, winners, request_key) VALUES (?, ?, ?, ?)",
      round,
      now,
      JSON.stringify(winners),
      requestKey,
    );
    if (round === 1) {
      this.sql.exec(
        "UPDATE giveaway SET status = 'ended', ended_at = ?, refresh_due_at = NULL, index_synced = 0",
        now,
      );
    } else {
      this.sql.exec("UPDATE giveaway SET index_synced = 0");
    }
    return { round, drawnAt: now, winners: [...winners], announcedAt: null, requestKey };
  }

  markAnnounced(round: number, now: number): void {
    this.sql.exec("UPDATE draws SET announced_at = ? WHERE round = ?", now, round);
  }

  setRefreshDue(at: number | null): void {
    this.sql.exec("UPDATE giveaway SET refresh_due_at = ?", at);
  }

  markShown(entrants: number): void {
    this.sql.exec("UPDATE giveaway SET shown_entrants = ?, refresh_due_at = NULL", entrants);
  }

  setAlarmAt(at: number | null): void {
    this.sql.exec("UPDATE giveaway SET alarm_at = ?", at);
  }

  markIndexSynced(): void {
    this.sql.exec("UPDATE giveaway SET index_synced = 1");
  }
}

export function summaryOf(state: GiveawayState, draws: readonly Draw[]): GiveawaySummary {
  return {
    id: state.config.id,
    prize: state.config.prize,
    guildId: state.config.guildId,
    channelId: state.config.channelId,
    messageId: state.messageId,
    hostId: state.config.hostId,
    winnersCount: state.config.winners,
    status: state.status,
    entrants: state.entrants,
    createdAt: state.createdAt,
    endsAt: state.config.endsAt,
    endedAt: state.endedAt,
    winners: draws.at(-1)?.winners ?? [],
  };
}
