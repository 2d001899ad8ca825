/**
 * `GatewayShard`: one Durable Object per Gateway shard, holding Maxis's outbound WebSocket to Discord.
 *
 * - HELLO → IDENTIFY (or RESUME with the saved session and sequence) → READY/RESUMED.
 * - Heartbeats on the object's alarm, every `heartbeat_interval`; a heartbeat not acknowledged by the
 *   next one means a zombie connection: closed and resumed. With no socket, the alarm reconnects,
 *   after a backoff that grows with consecutive failures.
 * - op 7 → reconnect and resume; op 9 → resume if Discord says so, else identify anew; fatal close
 *   codes (bad token, disallowed intents, bad shard) stop it until `ensureConnected` is called again.
 * - Events are handled one after the other (event-queue.ts), so messages are stored in the order Discord
 *   sent them; after READY or RESUMED each open ticket thread is backfilled through REST before the
 *   events that follow, so a message typed during a gap is stored, once, in its place.
 * - The sequence saved for RESUME is that of the last event fully handled: if the object is evicted
 *   with events still queued, Discord replays them, and storing is idempotent (by message id).
 */
import { DurableObject } from "cloudflare:workers";
import { EventQueue, eventJob } from "./event-queue";
import {
  backoffMs,
  closeEndsSession,
  Events,
  type GatewayFrame,
  gatewayFetchUrl,
  heartbeatFrame,
  identifyFrame,
  isFatalClose,
  Op,
  parseFrame,
  resumeFrame,
} from "./protocol";
import {
  forgetSession,
  type GatewayState,
  type GatewayStatus,
  type SavedShard as Saved,
  shardStatus,
  wantedShard,
} from "./shard-state";

export type { GatewayState, GatewayStatus } from "./shard-state";

/** How long a connection may stay silent after opening before it is called dead. */
const HELLO_TIMEOUT_MS = 10_000;

export class GatewayShard extends DurableObject<MaxisEnv> {
  private saved: Saved | null = null;
  private socket: WebSocket | null = null;
  private state: GatewayState = "disconnected";
  private heartbeatMs: number | null = null;
  private awaitingAck = false;
  /** Sequence of the last event received (heartbeats carry it). */
  private lastSeq: number | null = null;
  private failures = 0;
  private readonly queue = new EventQueue({
    env: this.env,
    waitUntil: (promise) => this.ctx.waitUntil(promise),
    load: () => this.load(),
    save: () => this.save(),
  });
  /** Frames are handled one at a time, in the order they arrived. */
  private frames: Promise<void> = Promise.resolve();

  private async load(): Promise<Saved | null> {
    this.saved ??= (await this.ctx.storage.get<Saved>("gateway")) ?? null;
    return this.saved;
  }

  private async save(): Promise<void> {
    if (this.saved) await this.ctx.storage.put("gateway", this.saved);
  }

  /** Starts (or keeps) the connection of this shard. Idempotent: the cron and /maxis restart call it. */
  async ensureConnected(shard: [number, number], url: string): Promise<GatewayStatus> {
    this.saved = wantedShard(await this.load(), shard, url);
    await this.save();
    if (!this.socket && this.state !== "connecting") await this.openConnection();
    return this.status();
  }

  /** Closes the connection and forgets the session: the next ensureConnected identifies anew. */
  async stop(): Promise<void> {
    const saved = await this.load();
    if (saved) {
      saved.wanted = false;
      forgetSession(saved);
      await this.save();
    }
    this.closeSocket(1000, "stopped");
    this.state = "stopped";
    await this.ctx.storage.deleteAlarm();
  }

  async status(): Promise<GatewayStatus> {
    const saved = await this.load();
    return shardStatus(saved, { state: this.state, lastSeq: this.lastSeq, queued: this.queue.length });
  }

  /** Resolves once every event received so far is handled (tests and benchmarks wait on it). */
  drained(): Promise<number> {
    return this.queue.drained();
  }

  override async alarm(): Promise<void> {
    const saved = await this.load();
    if (!saved?.wanted) return;
    if (!this.socket) {
      if (this.state !== "connecting") await this.openConnection();
      return;
    }
    if (this.heartbeatMs === null) {
      // Opened but never said HELLO.
      this.dropAndReconnect("no HELLO");
      return;
    }
    if (this.awaitingAck) {
      saved.missedAcks += 1;
      this.dropAndReconnect("heartbeat not acknowledged");
      return;
    }
    this.send(heartbeatFrame(this.lastSeq));
    this.awaitingAck = true;
    await this.ctx.storage.setAlarm(Date.now() + this.heartbeatMs);
  }

  private async openConnection(): Promise<void> {
    const saved = await this.load();
    if (!saved?.wanted) return;
    this.state = "connecting";
    this.heartbeatMs = null;
    this.awaitingAck = false;
    const url = saved.sessionId && saved.resumeUrl ? saved.resumeUrl : saved.url;
    let socket: WebSocket | null = null;
    try {
      const response = await fetch(gatewayFetchUrl(url), { headers: { Upgrade: "websocket" } });
      socket = response.webSocket;
      if (!socket) throw new Error(`the Gateway answered HTTP ${response.status}`);
    } catch (error) {
      await this.failed(`connect: ${(error as Error).message}`);
      return;
    }
    socket.accept();
    this.socket = socket;
    socket.addEventListener("message", (event) => {
      if (this.socket !== socket) return;
      const frame = parseFrame(event.data);
      if (!frame) return;
      this.frames = this.frames
        .then(() => this.onFrame(frame))
        .catch((error: unknown) => console.error("gateway frame failed", error));
      this.ctx.waitUntil(this.frames);
    });
    socket.addEventListener("close", (event) => {
      if (this.socket === socket) this.ctx.waitUntil(this.onClose(event.code, event.reason));
    });
    socket.addEventListener("error", () => {
      if (this.socket === socket) this.ctx.waitUntil(this.onClose(1006, "error"));
    });
    await this.ctx.storage.setAlarm(Date.now() + HELLO_TIMEOUT_MS);
  }

  private async onFrame(frame: GatewayFrame): Promise<void> {
    const saved = await this.load();
    if (!saved) return;
    switch (frame.op) {
      case Op.Hello: {
        const interval = (frame.d as { heartbeat_interval?: number } | undefined)?.heartbeat_interval;
        this.heartbeatMs = typeof interval === "number" && interval > 0 ? interval : 41_250;
        if (saved.sessionId && saved.seq !== null) {
          this.state = "resuming";
          this.send(resumeFrame(this.env.DISCORD_BOT_TOKEN, saved.sessionId, this.lastSeq ?? saved.seq));
        } else {
          this.state = "identifying";
          this.send(identifyFrame(this.env.DISCORD_BOT_TOKEN, saved.shard));
        }
        // Discord asks for the first heartbeat after interval × jitter.
        await this.ctx.storage.setAlarm(
          Date.now() + Math.max(1, Math.round(this.heartbeatMs * Math.random())),
        );
        return;
      }
      case Op.HeartbeatAck:
        this.awaitingAck = false;
        return;
      case Op.Heartbeat:
        this.send(heartbeatFrame(this.lastSeq));
        return;
      case Op.Reconnect:
        this.dropAndReconnect("Discord asked to reconnect (op 7)", 4000);
        return;
      case Op.InvalidSession: {
        if (frame.d !== true) {
          forgetSession(saved);
          this.lastSeq = null;
          await this.save();
        }
        // Discord asks for a wait of 1–5 s before identifying again.
        this.closeSocket(4000, "invalid session");
        this.state = "disconnected";
        await this.ctx.storage.setAlarm(Date.now() + 1000 + Math.round(Math.random() * 1000));
        return;
      }
      case Op.Dispatch:
        await this.onDispatch(saved, frame);
        return;
      default:
        return;
    }
  }

  private async onDispatch(saved: Saved, frame: GatewayFrame): Promise<void> {
    const seq = typeof frame.s === "number" ? frame.s : null;
    if (seq !== null) this.lastSeq = seq;
    saved.lastEventAt = Date.now();
    if (frame.t === Events.Ready) {
      const ready = frame.d as { session_id: string; resume_gateway_url: string; user: { id: string } };
      saved.sessionId = ready.session_id;
      saved.resumeUrl = ready.resume_gateway_url;
      saved.botUserId = ready.user.id;
      saved.identifies += 1;
      this.connected(saved);
      await this.save();
      this.queue.push({ seq, event: null }, { seq: null, backfill: true });
      return;
    }
    if (frame.t === Events.Resumed) {
      saved.resumes += 1;
      this.connected(saved);
      await this.save();
      this.queue.push({ seq, event: null }, { seq: null, backfill: true });
      return;
    }
    this.queue.push(eventJob(frame, seq, saved.botUserId));
  }

  private connected(saved: Saved): void {
    this.state = "connected";
    this.failures = 0;
    saved.connectedAt = Date.now();
    saved.lastError = null;
  }

  private async onClose(code: number, reason: string): Promise<void> {
    this.socket = null;
    const saved = await this.load();
    if (!saved) return;
    if (isFatalClose(code)) {
      saved.wanted = false;
      saved.lastError = `closed by Discord: ${code} ${reason}`;
      this.state = "stopped";
      await this.save();
      return;
    }
    if (closeEndsSession(code)) {
      forgetSession(saved);
      this.lastSeq = null;
    }
    await this.failed(`closed: ${code} ${reason}`);
  }

  /** A connection attempt failed or a connection ended: try again after a backoff. */
  private async failed(why: string): Promise<void> {
    const saved = await this.load();
    if (!saved) return;
    if (this.state !== "connected") this.failures += 1;
    this.state = "disconnected";
    this.heartbeatMs = null;
    saved.reconnects += 1;
    saved.lastError = why;
    await this.save();
    await this.ctx.storage.setAlarm(Date.now() + backoffMs(this.failures));
  }

  private dropAndReconnect(why: string, code = 4000): void {
    this.closeSocket(code, why.slice(0, 120));
    this.ctx.waitUntil(this.failed(why));
  }

  private closeSocket(code: number, reason: string): void {
    const socket = this.socket;
    this.socket = null;
    this.heartbeatMs = null;
    try {
      socket?.close(code, reason);
    } catch {
      // Already closed.
    }
  }

  private send(frame: GatewayFrame): void {
    this.socket?.send(JSON.stringify(frame));
  }
}
