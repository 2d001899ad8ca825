/**
 * Maxis's runtime state shared by every isolate: the boot id (a new one at each soft restart), when
 * and by whom it last restarted, and the maintenance flag. One instance, SQLite-backed, so every
 * isolate and every location reads the same values.
 */
import { DurableObject } from "cloudflare:workers";

export interface RuntimeState {
  bootId: string;
  /** ms since the epoch. */
  bootedAt: number;
  /** `by` is the operator's Discord id, `byName` their name as Shellia vouched for it (absent in older state). */
  lastRestart: { at: number; by: string; byName?: string } | null;
  maintenance: { on: boolean; since: number | null; by: string | null; byName?: string | null };
}

const SCHEMA = `CREATE TABLE IF NOT EXISTS state (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;`;

export const newBootId = () => crypto.randomUUID();

export class ControlStateStore extends DurableObject<MaxisEnv> {
  private state: RuntimeState;

  constructor(ctx: DurableObjectState, env: MaxisEnv) {
    super(ctx, env);
    ctx.storage.sql.exec(SCHEMA);
    const row = ctx.storage.sql
      .exec<{ value: string }>("SELECT value FROM state WHERE key = 'runtime'")
      .toArray()[0];
    this.state = row
      ? (JSON.parse(row.value) as RuntimeState)
      : {
          bootId: newBootId(),
          bootedAt: Date.now(),
          lastRestart: null,
          maintenance: { on: false, since: null, by: null },
        };
    if (!row) this.save();
  }

  snapshot(): RuntimeState {
    return this.state;
  }

  /** A soft restart: a new boot id that every isolate notices on its next interaction. */
  restart(by: string, byName?: string): { previousBootId: string; state: RuntimeState } {
    const previousBootId = this.state.bootId;
    const at = Date.now();
    const lastRestart = byName === undefined ? { at, by } : { at, by, byName };
    this.state = { ...this.state, bootId: newBootId(), bootedAt: at, lastRestart };
    this.save();
    return { previousBootId, state: this.state };
  }

  /** Turning it on records when and by whom: members are told since when, operators by whom. */
  setMaintenance(on: boolean, by: string, byName?: string): { changed: boolean; state: RuntimeState } {
    if (this.state.maintenance.on === on) return { changed: false, state: this.state };
    this.state = {
      ...this.state,
      maintenance: on
        ? { on, since: Date.now(), by, byName: byName ?? null }
        : { on: false, since: null, by: null, byName: null },
    };
    this.save();
    return { changed: true, state: this.state };
  }

  private save(): void {
    this.ctx.storage.sql.exec(
      "INSERT INTO state (key, value) VALUES ('runtime', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
      JSON.stringify(this.state),
    );
  }
}

export function stateStore(env: Pick<MaxisEnv, "CONTROL_STATE">) {
  return env.CONTROL_STATE.get(env.CONTROL_STATE.idFromName("runtime"));
}
