/**
 * Discord's Gateway protocol as Maxis speaks it (v10, JSON, no compression): the frames it sends,
 * the intents it asks for, how long it waits before reconnecting, and what a message event means for
 * tickets. Pure: the Durable Object in gateway-object.ts does the I/O.
 */
import type { GatewayDispatchEvents, GatewayIntentBits, GatewayOpcodes } from "discord-api-types/v10";

/**
 * Opcodes and event names, checked against discord-api-types' enums but written as literals: importing
 * the enums' values would bundle the library's CommonJS gateway module.
 */
export const Op = {
  Dispatch: 0,
  Heartbeat: 1,
  Identify: 2,
  Resume: 6,
  Reconnect: 7,
  InvalidSession: 9,
  Hello: 10,
  HeartbeatAck: 11,
} as const satisfies Record<string, GatewayOpcodes>;

export const Events = {
  Ready: "READY",
  Resumed: "RESUMED",
  MessageCreate: "MESSAGE_CREATE",
  MessageUpdate: "MESSAGE_UPDATE",
  MessageDelete: "MESSAGE_DELETE",
} as const satisfies Record<string, `${GatewayDispatchEvents}`>;

const Intents = { Guilds: 1 << 0, GuildMessages: 1 << 9, MessageContent: 1 << 15 } as const satisfies Record<
  string,
  GatewayIntentBits
>;

/**
 * Only what ticket threads need: GUILDS (threads and the channels they live in), GUILD_MESSAGES
 * (messages typed in them) and the privileged MESSAGE_CONTENT (their text; without it Discord sends
 * messages that do not mention the bot with empty content).
 */
export const GATEWAY_INTENTS = Intents.Guilds | Intents.GuildMessages | Intents.MessageContent;

export interface GatewayFrame {
  op: number;
  d?: unknown;
  s?: number | null;
  t?: string | null;
}

export const identifyFrame = (token: string, shard: readonly [number, number]): GatewayFrame => ({
  op: Op.Identify,
  d: {
    token,
    intents: GATEWAY_INTENTS,
    shard,
    properties: { os: "cloudflare-workers", browser: "maxis", device: "maxis" },
  },
});

export const resumeFrame = (token: string, sessionId: string, seq: number): GatewayFrame => ({
  op: Op.Resume,
  d: { token, session_id: sessionId, seq },
});

export const heartbeatFrame = (seq: number | null): GatewayFrame => ({ op: Op.Heartbeat, d: seq });

export function parseFrame(data: unknown): GatewayFrame | null {
  if (typeof data !== "string") return null;
  try {
    const frame = JSON.parse(data) as GatewayFrame;
    return typeof frame === "object" && frame !== null && typeof frame.op === "number" ? frame : null;
  } catch {
    return null;
  }
}

/** Discord's close codes after which reconnecting cannot help (bad token, intents, shard…). */
const FATAL_CLOSE_CODES: ReadonlySet<number> = new Set([4004, 4010, 4011, 4012, 4013, 4014]);
export const isFatalClose = (code: number) => FATAL_CLOSE_CODES.has(code);
/** After these Discord forgets the session: identify anew rather than resume. */
const SESSION_ENDING_CLOSE_CODES: ReadonlySet<number> = new Set([4007, 4009]);
export const closeEndsSession = (code: number) => SESSION_ENDING_CLOSE_CODES.has(code);

/** 1 s, 2 s, 4 s … capped at 60 s, with up to 20 % jitter so shards do not reconnect in step. */
export function backoffMs(failures: number, random = Math.random()): number {
  const base = Math.min(60_000, 1000 * 2 ** Math.max(0, failures - 1));
  return failures === 0 ? 0 : Math.round(base * (1 + 0.2 * random));
}

/** Discord's gateway URL (wss://…) as `fetch` can open it (https://…), with the version and encoding. */
export function gatewayFetchUrl(url: string): string {
  const parsed = new URL(url.replace(/^wss:/, "https:").replace(/^ws:/, "http:"));
  parsed.searchParams.set("v", "10");
  parsed.searchParams.set("encoding", "json");
  return parsed.toString();
}

/** One change heard in a channel, as the ticket ingestion stores it (see ticket_ingest_messages). */
export type IngestEvent =
  | {
      kind: "create";
      messageId: string;
      channelId: string;
      authorId: string;
      staff: boolean;
      content: string;
      attachments: { name: string; url: string }[];
      at: string;
    }
  | {
      kind: "update";
      messageId: string;
      channelId: string;
      content: string;
      attachments: { name: string; url: string }[];
    }
  | { kind: "delete"; messageId: string; channelId: string };

/** What Discord sends about a message (the fields Maxis reads). */
export interface GatewayMessage {
  id: string;
  channel_id: string;
  guild_id?: string;
  author?: { id: string; bot?: boolean };
  member?: { roles?: string[] };
  webhook_id?: string;
  content?: string;
  attachments?: { filename: string; url: string }[];
  timestamp?: string;
}

export interface IngestContext {
  /** Maxis's own user id (from READY): its messages (cards, closing notes) are not conversation. */
  botUserId: string | null;
  isStaff(guildId: string, roles: readonly string[]): boolean;
}

/**
 * A message event as an ingest event, or null for what is never stored: DMs, Maxis's own messages,
 * and webhook messages (Maxis's replies through the channel webhook are stored when sent, by
 * ticket_reply). Whether the channel is a ticket thread is the database's to say.
 */
export function toIngestEvent(
  type: string,
  message: GatewayMessage,
  context: IngestContext,
): IngestEvent | null {
  if (!message.guild_id || !message.id || !message.channel_id) return null;
  const attachments = (message.attachments ?? []).map((a) => ({ name: a.filename, url: a.url }));
  if (type === Events.MessageDelete)
    return { kind: "delete", messageId: message.id, channelId: message.channel_id };
  if (message.webhook_id || !message.author) return null;
  if (message.author.id === context.botUserId) return null;
  if (type === Events.MessageUpdate) {
    if (message.content === undefined) return null;
    return {
      kind: "update",
      messageId: message.id,
      channelId: message.channel_id,
      content: message.content,
      attachments,
    };
  }
  if (type !== Events.MessageCreate || message.author.bot) return null;
  return {
    kind: "create",
    messageId: message.id,
    channelId: message.channel_id,
    authorId: message.author.id,
    staff: context.isStaff(message.guild_id, message.member?.roles ?? []),
    content: message.content ?? "",
    attachments,
    at: message.timestamp ?? new Date().toISOString(),
  };
}

/** Snowflakes in Discord's order (they are 64-bit: compared as BigInt, not as text or Number). */
export const bySnowflake = (a: { id: string }, b: { id: string }) => {
  const x = BigInt(a.id);
  const y = BigInt(b.id);
  return x < y ? -1 : x > y ? 1 : 0;
};
