/**
 * Roles follow the ledger: the role changes the ledger queued are made on Discord through the
 * rate-limited REST client, each marked done only once Discord accepted it (a failure is retried later
 * by the database's backoff, never dropped), and a reconcile pass compares members' actual roles with
 * the ledger and queues repairs (a role removed by hand comes back; one added by hand to an ended
 * entitlement goes).
 */
import { DiscordApiError, DiscordRest } from "../../shared/discord/rest";
import type { SupabaseBindings } from "../supabase/client";
import { claimRoleChanges, finishRoleChange, queueRepair, roleTargets } from "./ledger";

type RolesEnv = SupabaseBindings & Pick<MaxisEnv, "DISCORD_API_BASE" | "DISCORD_BOT_TOKEN">;

/** Per pass: well inside a Worker invocation's subrequest limit and Discord's role-route bucket. */
const DRAIN_BATCH = 20;
const RECONCILE_BATCH = 100;

const botRest = (env: RolesEnv) =>
  new DiscordRest({ baseUrl: env.DISCORD_API_BASE, botToken: env.DISCORD_BOT_TOKEN, maxWaitMs: 5_000 });

const rolePath = (guildId: string, userId: string, roleId: string) =>
  `/guilds/${guildId}/members/${userId}/roles/${roleId}`;

/** Discord's "Unknown Member": removing a role from someone who left is done. */
const UNKNOWN_MEMBER = 10007;

/** Makes the due role changes; returns how many Discord accepted and how many wait for a retry. */
export async function drainRoleChanges(env: RolesEnv): Promise<{ done: number; failed: number }> {
  const changes = await claimRoleChanges(env, DRAIN_BATCH);
  const rest = botRest(env);
  let done = 0;
  let failed = 0;
  for (const change of changes) {
    try {
      await rest.request(
        change.action === "grant" ? "PUT" : "DELETE",
        rolePath(change.guild_id, change.user_id, change.role_id),
        { auditLogReason: `Maxis payments: ${change.reason}` },
      );
      await finishRoleChange(env, change.id, true);
      done += 1;
    } catch (error) {
      const gone =
        change.action === "revoke" &&
        error instanceof DiscordApiError &&
        (error.body as { code?: number } | undefined)?.code === UNKNOWN_MEMBER;
      await finishRoleChange(env, change.id, gone, gone ? undefined : String(error));
      if (gone) done += 1;
      else {
        failed += 1;
        console.warn("payments: role change failed, will retry", { id: change.id, error: String(error) });
      }
    }
  }
  return { done, failed };
}

/** Compares members' roles with the ledger and queues a repair for each difference. */
export async function reconcileRoles(env: RolesEnv): Promise<{ checked: number; repairs: number }> {
  const targets = await roleTargets(env, RECONCILE_BATCH);
  const rest = botRest(env);
  const rolesOf = new Map<string, Set<string> | null>();
  let repairs = 0;
  for (const target of targets) {
    const key = `${target.guild_id}:${target.user_id}`;
    if (!rolesOf.has(key)) {
      try {
        const member = await rest.request<{ roles: string[] }>(
          "GET",
          `/guilds/${target.guild_id}/members/${target.user_id}`,
        );
        rolesOf.set(key, new Set(member.roles));
      } catch (error) {
        // Left the server (nothing to repair) or Discord unreachable (next pass).
        if (!(error instanceof DiscordApiError && error.status === 404)) {
          console.warn("payments: reconcile could not read a member", { key, error: String(error) });
        }
        rolesOf.set(key, null);
      }
    }
    const roles = rolesOf.get(key);
    if (!roles || roles.has(target.role_id) === target.wanted) continue;
    if (await queueRepair(env, target)) repairs += 1;
  }
  return { checked: targets.length, repairs };
}
