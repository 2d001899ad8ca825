/**
 * The SLA part of Maxis's scheduled pass: escalations the database found due are leased in one
 * transaction (`sla_claim_escalations`: skip locked, one per ticket and stage, ever), posted in the
 * server's staff channel, and recorded. A post Discord refuses is retried by the database's backoff
 * (5 s, 20 s, 80 s… up to an hour) and reported in the logs after its last try.
 */
import { DiscordRest } from "../../shared/discord/rest";
import { type SupabaseBindings, supabaseWithClaims } from "../supabase/client";
import { escalationMessage } from "./escalation-message";
import { claimEscalations, finishEscalation } from "./rpc";

type SlaEnv = SupabaseBindings & Pick<MaxisEnv, "DISCORD_API_BASE" | "DISCORD_BOT_TOKEN">;

/** Per pass: well inside a Worker invocation's subrequest limit (2 database calls + 1 post each). */
const BATCH = 25;

export async function runSlaPass(env: SlaEnv): Promise<{ posted: number; failed: number; gaveUp: number }> {
  // The scheduler's system identity: only sla_claim_escalations and sla_finish_escalation accept it.
  const client = supabaseWithClaims(env, { sub: "maxis:sla", role: "service_role" });
  const escalations = await claimEscalations(client, BATCH);
  const rest = new DiscordRest({
    baseUrl: env.DISCORD_API_BASE,
    botToken: env.DISCORD_BOT_TOKEN,
    maxWaitMs: 5_000,
  });
  let posted = 0;
  let failed = 0;
  let gaveUp = 0;
  for (const escalation of escalations) {
    try {
      const message = await rest.request<{ id: string }>(
        "POST",
        `/channels/${escalation.channelId}/messages`,
        {
          body: escalationMessage(escalation),
        },
      );
      await finishEscalation(client, escalation.id, { ok: true, messageId: message.id });
      posted += 1;
    } catch (error) {
      failed += 1;
      const outcome = await finishEscalation(client, escalation.id, { ok: false, error: String(error) });
      if (outcome.failed) {
        gaveUp += 1;
        console.error("sla: escalation given up after its last try", {
          id: escalation.id,
          guild: escalation.guildId,
          ticket: escalation.number,
          stage: escalation.stage,
          error: String(error),
        });
      } else {
        console.warn("sla: escalation post failed, will retry", { id: escalation.id, error: String(error) });
      }
    }
  }
  return { posted, failed, gaveUp };
}
