/**
 * A server's settings as Maxis needs them on every interaction (who is staff, where to post), read
 * from Postgres through Maxis's system identity and kept per isolate for a short while.
 *
 * The cache is why a change made with /setup in one isolate reaches the others within
 * SETTINGS_TTL_MS rather than at once; the isolate that made the change forgets its copy immediately.
 */
import * as v from "valibot";
import { type ServerSettings, ServerSettingsSchema } from "../../shared/contracts/settings";
import type { Locale } from "../../shared/i18n";
import { registerIsolateCache } from "../isolate-caches";
import type { SupabaseBindings } from "../supabase/client";
import { supabaseAsMaxis } from "../supabase/system-client";
import { type DefaultsEnv, newServerDefaults } from "./settings";

export const SETTINGS_TTL_MS = 30_000;

/** Structural (no Worker globals), so Node tests and benchmarks that reach it can name it. */
export type SettingsEnv = SupabaseBindings & DefaultsEnv;

// Values only, never an in-flight read: workerd cancels a request that awaits a promise another
// request's I/O will settle ("your Worker's code had hung"), which is what happened to the /shop
// interactions arriving together when the cached settings expired (issue 18's load benchmark).
const cache = new Map<string, { settings: ServerSettings; until: number }>();

/** The server's settings, created from the environment's defaults the first time Maxis serves it. */
export async function serverSettings(
  env: SettingsEnv,
  guildId: string,
  locale: Locale = "en",
): Promise<ServerSettings> {
  const hit = cache.get(guildId);
  if (hit && hit.until > Date.now()) return hit.settings;
  return ensure(env, guildId, locale);
}

async function ensure(env: SettingsEnv, guildId: string, locale: Locale): Promise<ServerSettings> {
  const client = await supabaseAsMaxis(env, "maxis:settings");
  const { data, error } = await client.rpc("server_settings_ensure", {
    p_guild_id: guildId,
    p_defaults: newServerDefaults(env, guildId, locale),
  });
  if (error) throw new Error(`server settings of ${guildId}: ${error.message}`);
  const settings = v.parse(ServerSettingsSchema, data);
  rememberServerSettings(settings);
  return settings;
}

/** After a change this isolate made: the fresh settings replace the cached ones. */
export function rememberServerSettings(settings: ServerSettings): void {
  cache.set(settings.guildId, { settings, until: Date.now() + SETTINGS_TTL_MS });
}

/** After a change this isolate made that did not answer the whole settings (a category): read them again. */
export function forgetServerSettingsOf(guildId: string): void {
  cache.delete(guildId);
}

/** Drops every cached server (a soft restart). */
export function forgetServerSettings(): void {
  cache.clear();
}
registerIsolateCache("server-settings", forgetServerSettings);
