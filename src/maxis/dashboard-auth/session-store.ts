/**
 * The server-side half of one staff session: one SQLite-backed Durable Object per session id, named
 * by the signed token's `sid`. It holds who signed in, the role Discord last confirmed, and the
 * user's OAuth token to confirm it again. Logout deletes it; so does an alarm when the session
 * expires. A token whose object holds nothing is refused, whatever its signature says.
 *
 * The role is asked of Discord again, exactly as at sign-in (`readProfile` + `dashboardRole`), when
 * the last answer is older than ROLE_RECHECK_SECONDS; concurrent requests share one re-check.
 */
import { DurableObject } from "cloudflare:workers";
import { err, ok, type Result } from "../../shared/result";
import { serverSettings } from "../servers/settings-store";
import { DiscordOAuthError, readProfile } from "./discord-oauth";
import { planRoleCheck, staleRoleUsable } from "./role-recheck";
import type { StaffRole } from "./session-token";
import { dashboardRole } from "./staff";

/** Created by `start`: an object that was never started (a forged or stale sid) stores nothing. */
const SCHEMA = `
  CREATE TABLE IF NOT EXISTS session (
    only_row INTEGER PRIMARY KEY CHECK (only_row = 1),
    user_id TEXT NOT NULL,
    guild_id TEXT NOT NULL,
    app_role TEXT NOT NULL CHECK (app_role IN ('agent', 'admin')),
    -- The user's Discord OAuth token (identify guilds guilds.members.read), to re-check the role; null: none.
    access_token TEXT,
    expires_at INTEGER NOT NULL,
    role_checked_at INTEGER NOT NULL,
    recheck_attempted_at INTEGER NOT NULL,
    -- The user's Discord role ids in the server (JSON array), as Discord last confirmed them: the
    -- Supabase JWT carries them for the per-category policies.
    role_ids TEXT NOT NULL DEFAULT '[]'
  );
`;

export interface SessionStart {
  userId: string;
  guildId: string;
  appRole: StaffRole;
  roleIds: readonly string[];
  accessToken: string | null;
  /** Unix seconds, like every time below. */
  expiresAt: number;
  now: number;
}

/** Why a session is refused: logged out or unknown, no longer staff, or a role Discord cannot confirm. */
export type SessionRefusal = "ended" | "not_staff" | "unverified";
/** The role and Discord role ids as last confirmed, or why the session is refused. */
export type SessionAnswer = Result<{ appRole: StaffRole; roleIds: string[] }, SessionRefusal>;

type SessionRow = {
  user_id: string;
  guild_id: string;
  app_role: StaffRole;
  access_token: string | null;
  expires_at: number;
  role_checked_at: number;
  recheck_attempted_at: number;
  role_ids: string;
};

/** Role ids stored as JSON text; anything unreadable is no roles at all. */
function storedRoleIds(text: string): string[] {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value.filter((id): id is string => typeof id === "string") : [];
  } catch {
    return [];
  }
}

export class StaffSessionStore extends DurableObject<MaxisEnv> {
  #recheck: Promise<SessionAnswer> | undefined;

  async start(session: SessionStart): Promise<void> {
    this.ctx.storage.sql.exec(SCHEMA);
    this.ctx.storage.sql.exec(
      `INSERT INTO session (only_row, user_id, guild_id, app_role, access_token, expires_at, role_checked_at,
         recheck_attempted_at, role_ids) VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?)`,
      session.userId,
      session.guildId,
      session.appRole,
      session.accessToken,
      session.expiresAt,
      session.now,
      session.now,
      JSON.stringify(session.roleIds),
    );
    await this.ctx.storage.setAlarm(session.expiresAt * 1000);
  }

  /** The session's current role, if it is still open and the token names its user and server. */
  async authenticate(claims: { userId: string; guildId: string }, now: number): Promise<SessionAnswer> {
    const row = this.#row();
    if (!row || row.expires_at <= now || row.user_id !== claims.userId || row.guild_id !== claims.guildId) {
      return err("ended");
    }
    const times = { checkedAt: row.role_checked_at, attemptedAt: row.recheck_attempted_at };
    if (planRoleCheck(times, now) === "use") {
      return ok({ appRole: row.app_role, roleIds: storedRoleIds(row.role_ids) });
    }
    this.#recheck ??= this.#recheckRole(row, now).finally(() => {
      this.#recheck = undefined;
    });
    return this.#recheck;
  }

  /**
   * The user's Discord OAuth token, for the server switcher to ask Discord about another server; only
   * for the open session the token names (null otherwise, or when the session has no token).
   */
  async oauthToken(claims: { userId: string; guildId: string }, now: number): Promise<string | null> {
    const row = this.#row();
    if (!row || row.expires_at <= now || row.user_id !== claims.userId || row.guild_id !== claims.guildId) {
      return null;
    }
    return row.access_token;
  }

  /** Logout: nothing of the session is left, not even its table. */
  async end(): Promise<void> {
    await this.ctx.storage.deleteAlarm();
    await this.ctx.storage.deleteAll();
  }

  override async alarm(): Promise<void> {
    await this.ctx.storage.deleteAll();
  }

  /** The session, or undefined for an object never started or already ended (it has no table then). */
  #row(): SessionRow | undefined {
    const sql = this.ctx.storage.sql;
    const exists = sql
      .exec("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'session'")
      .toArray();
    if (exists.length === 0) return undefined;
    // Sessions started before role ids were kept: the column arrives empty, filled at the next re-check.
    const hasRoleIds = sql
      .exec("SELECT 1 FROM pragma_table_info('session') WHERE name = 'role_ids'")
      .toArray();
    if (hasRoleIds.length === 0)
      sql.exec("ALTER TABLE session ADD COLUMN role_ids TEXT NOT NULL DEFAULT '[]'");
    return sql.exec<SessionRow>("SELECT * FROM session").toArray()[0];
  }

  async #recheckRole(row: SessionRow, now: number): Promise<SessionAnswer> {
    if (!row.access_token) {
      await this.end();
      return err("unverified");
    }
    let role: ReturnType<typeof dashboardRole>;
    let roleIds: string[] = [];
    try {
      const { user, guild, member } = await readProfile(this.env, row.access_token, row.guild_id);
      const settings = await serverSettings(this.env, row.guild_id);
      role = dashboardRole(user, guild, member, settings.staffRoleIds);
      roleIds = member?.roles ?? [];
    } catch (error) {
      // 401: the person withdrew Maxis's access in Discord, or the token lapsed; it will not come back.
      if (error instanceof DiscordOAuthError && error.status === 401) {
        await this.end();
        return err("unverified");
      }
      console.warn("dashboard session: role re-check failed", { user: row.user_id, error: String(error) });
      this.ctx.storage.sql.exec("UPDATE session SET recheck_attempted_at = ?", now);
      return staleRoleUsable(row.role_checked_at, now)
        ? ok({ appRole: row.app_role, roleIds: storedRoleIds(row.role_ids) })
        : err("unverified");
    }
    if (role === "member") {
      console.log("dashboard session ended: no longer staff", { user: row.user_id });
      await this.end();
      return err("not_staff");
    }
    // Logged out while Discord was being asked: the row is gone and stays gone.
    const updated = this.ctx.storage.sql.exec(
      "UPDATE session SET app_role = ?, role_checked_at = ?, recheck_attempted_at = ?, role_ids = ?",
      role,
      now,
      now,
      JSON.stringify(roleIds),
    );
    return updated.rowsWritten > 0 ? ok({ appRole: role, roleIds }) : err("ended");
  }
}
