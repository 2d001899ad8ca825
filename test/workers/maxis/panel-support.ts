/**
 * Helpers for the /setup and ticket-panel tests: a server configured in Postgres before Maxis first
 * serves it, a channel of it on the Discord stand-in (with overwrites when told), and menu choices.
 */
import { env, exports } from "cloudflare:workers";
import { ComponentType, OverwriteType } from "discord-api-types/payloads/v10";
import type { APIInteractionResponse } from "discord-api-types/v10";
import { expect, inject } from "vitest";
import { type Actor, selectInteraction } from "../../../scripts/lib/interaction-builder";
import { supabaseAs } from "../../../src/maxis/supabase/client";
import { supabaseAsMaxis } from "../../../src/maxis/supabase/system-client";
import { addLocalChannel, sendInteraction } from "../support/discord";
import { snowflake } from "./tickets-support";

const local = inject("discordLocalUrl");

/** Maxis's role on every server of the stand-in (scripts/local-discord/permissions.ts). */
export const BOT_ROLE_ID = "1300000000000000002";

export interface ServerSetup {
  staffRoleIds?: string[];
  supportChannelId?: string | null;
  settings?: Record<string, unknown>;
  categories?: Record<string, Record<string, unknown>>;
}

/** Creates the server's settings as Maxis would, then an admin changes what the test needs. */
export async function configureServer(guildId: string, setup: ServerSetup = {}): Promise<void> {
  const maxis = await supabaseAsMaxis(env, "maxis:settings");
  const ensured = await maxis.rpc("server_settings_ensure", {
    p_guild_id: guildId,
    p_defaults: {
      staffRoleIds: setup.staffRoleIds ?? [],
      supportChannelId: setup.supportChannelId ?? null,
    },
  });
  expect(ensured.error).toBeNull();
  const admin = await supabaseAs(env, { userId: snowflake(), appRole: "admin", guildId, roleIds: [] });
  if (setup.settings) {
    const { error } = await admin.rpc("server_settings_update", { p_changes: setup.settings });
    expect(error).toBeNull();
  }
  for (const [key, changes] of Object.entries(setup.categories ?? {})) {
    const { error } = await admin.rpc("ticket_category_update", { p_key: key, p_changes: changes });
    expect(error).toBeNull();
  }
}

/** A new text channel of the server, where Maxis's role is denied `deny` (bits) when given. */
export async function newChannel(guildId: string, deny = 0n): Promise<string> {
  const id = snowflake();
  await addLocalChannel(id, guildId);
  if (deny !== 0n) {
    const res = await fetch(`${local}/__local/permissions`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({
        channel_id: id,
        overwrites: [{ id: BOT_ROLE_ID, type: OverwriteType.Role, allow: "0", deny: deny.toString() }],
      }),
    });
    expect(res.ok).toBe(true);
  }
  return id;
}

/** Chooses `values` in the select menu `customId` of a message, as `actor`. */
export async function choose(
  actor: Actor,
  customId: string,
  values: string[],
  componentType = ComponentType.StringSelect,
): Promise<APIInteractionResponse> {
  return (await sendInteraction(exports.default, selectInteraction(actor, customId, values, componentType)))
    .response;
}

/** The custom_ids of every component of a message, row after row. */
export function customIdsOf(message: { components?: unknown[] | undefined }): string[] {
  return (message.components ?? []).flatMap((row) =>
    ((row as { components?: { custom_id?: string }[] }).components ?? []).map((c) => c.custom_id ?? ""),
  );
}
