/**
 * The Discord stand-in's Gateway: a WebSocket endpoint on the stand-in's own port that speaks
 * Discord's Gateway protocol (v10, JSON, no compression) as far as Maxis uses it:
 * HELLO, heartbeat and ACK, IDENTIFY → READY, RESUME → RESUMED with the missed events replayed,
 * op 7 (reconnect), op 9 (invalid session) and the dispatch of MESSAGE_CREATE / UPDATE / DELETE.
 *
 * Sessions outlive their connection, as Discord's do: every dispatch is numbered per session and
 * kept, so a client that RESUMEs with the last sequence it saw gets exactly what it missed.
 * Tests steer it through `/__local/gateway/*` (drop the connection, stop acknowledging heartbeats,
 * refuse connections for a while, send op 7 or op 9).
 */
import type { IncomingMessage, Server } from "node:http";
import type { Duplex } from "node:stream";
import { type WebSocket, WebSocketServer } from "ws";

export const GATEWAY_PATH = "/gateway";

/** Intents Discord defines (discord-api-types' GatewayIntentBits), the ones the stand-in honours. */
const INTENT_GUILD_MESSAGES = 1 << 9;
const INTENT_MESSAGE_CONTENT = 1 << 15;

interface Session {
  id: string;
  shard: [number, number];
  intents: number;
  seq: number;
  /** Every dispatch of this session, for RESUME. */
  events: { s: number; t: string; d: unknown }[];
  socket: WebSocket | null;
  valid: boolean;
}

export interface GatewaySettings {
  heartbeatIntervalMs: number;
  shards: number;
  acknowledgeHeartbeats: boolean;
  /** Connections are refused (HTTP 503 on upgrade) until this time (ms since the epoch). */
  refuseUntil: number;
}

export interface GatewayCounters {
  connections: number;
  identifies: number;
  resumes: number;
  resumeRefusals: number;
  heartbeats: number;
  dispatched: number;
}

/** What GET /__local/gateway answers: the settings, the counters and each session. */
export interface GatewayState {
  settings: GatewaySettings;
  counters: GatewayCounters;
  sessions: {
    id: string;
    shard: [number, number];
    intents: number;
    seq: number;
    connected: boolean;
    valid: boolean;
  }[];
}

type Frame = { op: number; d?: unknown; s?: number | null; t?: string | null };

export interface LocalGateway {
  settings: GatewaySettings;
  counters: GatewayCounters;
  /** Sends a dispatch to every session of the shard owning `guildId` (buffered while disconnected). */
  dispatch(event: string, data: Record<string, unknown>, guildId: string | null): void;
  /** Drops every live connection without a close frame; `resumable: false` also forgets the sessions. */
  drop(options: { resumable: boolean; downMs?: number }): number;
  /** Sends op 7 (reconnect) to every live connection. */
  requestReconnect(): number;
  /** Sends op 9 (invalid session, not resumable) and forgets the sessions. */
  invalidateSessions(): number;
  state(): GatewayState;
  attach(server: Server, url: string): void;
  /** Where clients connect (GET /gateway/bot answers it). */
  url(): string;
  close(): void;
}

let sessionCounter = 0;

export function createLocalGateway(
  bot: { id: string; username: string },
  applicationId: string,
): LocalGateway {
  const settings: GatewaySettings = {
    heartbeatIntervalMs: 41_250,
    shards: 1,
    acknowledgeHeartbeats: true,
    refuseUntil: 0,
  };
  const counters: GatewayCounters = {
    connections: 0,
    identifies: 0,
    resumes: 0,
    resumeRefusals: 0,
    heartbeats: 0,
    dispatched: 0,
  };
  const sessions = new Map<string, Session>();
  const wss = new WebSocketServer({ noServer: true });
  let gatewayUrl = "";

  const send = (socket: WebSocket, frame: Frame) => {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(frame));
  };

  const shardOf = (guildId: string, count: number) => Number((BigInt(guildId) >> 22n) % BigInt(count));

  function push(session: Session, t: string, d: unknown): void {
    session.seq += 1;
    const event = { s: session.seq, t, d };
    session.events.push(event);
    if (session.socket) send(session.socket, { op: 0, ...event });
  }

  function onConnection(socket: WebSocket): void {
    counters.connections += 1;
    let session: Session | null = null;
    send(socket, { op: 10, d: { heartbeat_interval: settings.heartbeatIntervalMs }, s: null, t: null });
    socket.on("message", (raw) => {
      let frame: Frame;
      try {
        frame = JSON.parse(raw.toString()) as Frame;
      } catch {
        socket.close(4002, "Error while decoding payload.");
        return;
      }
      const d = (frame.d ?? {}) as Record<string, unknown>;
      switch (frame.op) {
        case 1:
          counters.heartbeats += 1;
          if (settings.acknowledgeHeartbeats) send(socket, { op: 11 });
          return;
        case 2: {
          if (session) return void socket.close(4005, "Already authenticated.");
          if (typeof d["token"] !== "string" || !d["token"])
            return void socket.close(4004, "Authentication failed.");
          const shard = (Array.isArray(d["shard"]) ? d["shard"] : [0, 1]) as [number, number];
          if (shard[1] !== settings.shards || shard[0] >= shard[1]) {
            return void socket.close(4010, "Invalid shard.");
          }
          counters.identifies += 1;
          sessionCounter += 1;
          session = {
            id: `local-session-${sessionCounter}`,
            shard,
            intents: Number(d["intents"] ?? 0),
            seq: 0,
            events: [],
            socket,
            valid: true,
          };
          sessions.set(session.id, session);
          push(session, "READY", {
            v: 10,
            user: { id: bot.id, username: bot.username, bot: true, discriminator: "0", avatar: null },
            guilds: [],
            session_id: session.id,
            resume_gateway_url: gatewayUrl,
            shard,
            application: { id: applicationId, flags: 0 },
          });
          return;
        }
        case 6: {
          const known = sessions.get(String(d["session_id"] ?? ""));
          const seq = Number(d["seq"] ?? 0);
          if (!known?.valid || seq > known.seq) {
            counters.resumeRefusals += 1;
            send(socket, { op: 9, d: false });
            return;
          }
          counters.resumes += 1;
          known.socket?.terminate();
          known.socket = socket;
          session = known;
          for (const event of known.events) if (event.s > seq) send(socket, { op: 0, ...event });
          push(known, "RESUMED", {});
          return;
        }
        default:
          socket.close(4001, "Unknown opcode.");
      }
    });
    socket.on("close", () => {
      if (session && session.socket === socket) session.socket = null;
    });
    socket.on("error", () => {});
  }

  function liveSockets(): WebSocket[] {
    return [...wss.clients];
  }

  return {
    settings,
    counters,
    dispatch(event, data, guildId) {
      for (const session of sessions.values()) {
        if (!session.valid) continue;
        if (guildId && shardOf(guildId, session.shard[1]) !== session.shard[0]) continue;
        if (event.startsWith("MESSAGE_") && !(session.intents & INTENT_GUILD_MESSAGES)) continue;
        // Without the privileged Message Content intent, Discord sends messages without their text.
        const payload =
          event === "MESSAGE_CREATE" && !(session.intents & INTENT_MESSAGE_CONTENT)
            ? { ...data, content: "", attachments: [], embeds: [] }
            : data;
        counters.dispatched += 1;
        push(session, event, payload);
      }
    },
    drop({ resumable, downMs = 0 }) {
      const sockets = liveSockets();
      settings.refuseUntil = Math.max(settings.refuseUntil, Date.now() + downMs);
      if (!resumable) for (const session of sessions.values()) session.valid = false;
      for (const socket of sockets) socket.terminate();
      return sockets.length;
    },
    requestReconnect() {
      const sockets = liveSockets();
      for (const socket of sockets) send(socket, { op: 7, d: null });
      return sockets.length;
    },
    invalidateSessions() {
      const sockets = liveSockets();
      for (const session of sessions.values()) session.valid = false;
      for (const socket of sockets) send(socket, { op: 9, d: false });
      return sockets.length;
    },
    state() {
      return {
        settings,
        counters,
        sessions: [...sessions.values()].map((s) => ({
          id: s.id,
          shard: s.shard,
          intents: s.intents,
          seq: s.seq,
          connected: s.socket !== null,
          valid: s.valid,
        })),
      };
    },
    attach(server, url) {
      gatewayUrl = url;
      server.on("upgrade", (request: IncomingMessage, socket: Duplex, head: Buffer) => {
        const path = new URL(request.url ?? "/", "http://stand-in").pathname;
        if (path !== GATEWAY_PATH) return void socket.destroy();
        if (Date.now() < settings.refuseUntil) {
          socket.end("HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
          return;
        }
        wss.handleUpgrade(request, socket, head, (ws) => onConnection(ws));
      });
    },
    url: () => gatewayUrl,
    close() {
      for (const socket of liveSockets()) socket.terminate();
      wss.close();
    },
  };
}
