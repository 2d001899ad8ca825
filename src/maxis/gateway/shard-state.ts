/**
 * What a Gateway shard remembers between evictions (its Durable Object's storage) and what it reports
 * (`status()`): the session to resume, counters, the last error. Pure; gateway-object.ts does the I/O.
 */

export type GatewayState =
  | "stopped"
  | "disconnected"
  | "connecting"
  | "identifying"
  | "resuming"
  | "connected";

export interface GatewayStatus {
  shard: { id: number; count: number } | null;
  state: GatewayState;
  sessionId: string | null;
  seq: number | null;
  lastEventAt: string | null;
  connectedAt: string | null;
  reconnects: number;
  identifies: number;
  resumes: number;
  /** Connections closed because a heartbeat went unacknowledged (zombies). */
  missedAcks: number;
  lastError: string | null;
  queued: number;
}

export interface SavedShard {
  shard: [number, number];
  url: string;
  wanted: boolean;
  sessionId: string | null;
  resumeUrl: string | null;
  /** Sequence of the last event fully handled: what RESUME sends. */
  seq: number | null;
  botUserId: string | null;
  reconnects: number;
  identifies: number;
  resumes: number;
  missedAcks: number;
  lastEventAt: number | null;
  connectedAt: number | null;
  lastError: string | null;
}

/** The shard as `ensureConnected` wants it: the same session kept only for the same shard. */
export function wantedShard(saved: SavedShard | null, shard: [number, number], url: string): SavedShard {
  const sameShard = saved?.shard[0] === shard[0] && saved.shard[1] === shard[1];
  return {
    shard,
    url,
    wanted: true,
    sessionId: sameShard ? (saved?.sessionId ?? null) : null,
    resumeUrl: sameShard ? (saved?.resumeUrl ?? null) : null,
    seq: sameShard ? (saved?.seq ?? null) : null,
    botUserId: saved?.botUserId ?? null,
    reconnects: saved?.reconnects ?? 0,
    identifies: saved?.identifies ?? 0,
    resumes: saved?.resumes ?? 0,
    missedAcks: saved?.missedAcks ?? 0,
    lastEventAt: saved?.lastEventAt ?? null,
    connectedAt: saved?.connectedAt ?? null,
    lastError: saved?.lastError ?? null,
  };
}

/** No session to resume: the next connection identifies anew. */
export function forgetSession(saved: SavedShard): void {
  saved.sessionId = null;
  saved.resumeUrl = null;
  saved.seq = null;
}

/** What `status()` reports: the saved shard, and what only the live object knows. */
export function shardStatus(
  saved: SavedShard | null,
  live: { state: GatewayState; lastSeq: number | null; queued: number },
): GatewayStatus {
  const iso = (ms: number | null | undefined) => (ms ? new Date(ms).toISOString() : null);
  return {
    shard: saved ? { id: saved.shard[0], count: saved.shard[1] } : null,
    state: saved && !saved.wanted ? "stopped" : live.state,
    sessionId: saved?.sessionId ?? null,
    seq: live.lastSeq ?? saved?.seq ?? null,
    lastEventAt: iso(saved?.lastEventAt),
    connectedAt: iso(saved?.connectedAt),
    reconnects: saved?.reconnects ?? 0,
    identifies: saved?.identifies ?? 0,
    resumes: saved?.resumes ?? 0,
    missedAcks: saved?.missedAcks ?? 0,
    lastError: saved?.lastError ?? null,
    queued: live.queued,
  };
}
