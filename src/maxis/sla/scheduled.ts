/**
 * The SLA part of Maxis's scheduled pass: escalations the database found due are leased in one
 * transaction per claim (`sla_claim_escalations`: skip locked, one per ticket and stage, ever), posted
 * in the server's staff channel, and recorded. A post Discord refuses is retried by the database's
 * backoff (5 s, 20 s, 80 s… up to an hour) and reported in the logs after its last try.
 */
import { DiscordRest } from "../../shared/discord/rest";
import { err, ok } from "../../shared/result";
import { type RpcClient, type SupabaseBindings, supabaseWithClaims } from "../supabase/client";
import { escalationMessage } from "./escalation-message";
import { type ClaimedEscalation, claimEscalations, finishEscalation } from "./rpc";

/** What the pass needs of Maxis's environment (also what the benchmark gives it). */
type SlaEnv = SupabaseBindings & { DISCORD_API_BASE: string; DISCORD_BOT_TOKEN: string };

/** Escalations leased per claim call. */
const BATCH = 50;
/**
 * Per pass: each escalation costs two subrequests (its post and its finish), each claim one, so 400
 * stay near 810, inside a paid Worker invocation's 1,000; what is left waits for the next minute's pass.
 */
export const MAX_PER_PASS = 400;

export interface SlaPassOutcome {
  posted: number;
  failed: number;
  gaveUp: number;
}

export async function runSlaPass(env: SlaEnv): Promise<SlaPassOutcome> {
  // The scheduler's system identity: only sla_claim_escalations and sla_finish_escalation accept it.
  const client = supabaseWithClaims(env, { sub: "maxis:sla", role: "service_role" });
  const rest = new DiscordRest({
    baseUrl: env.DISCORD_API_BASE,
    botToken: env.DISCORD_BOT_TOKEN,
    maxWaitMs: 5_000,
  });
  const total: SlaPassOutcome = { posted: 0, failed: 0, gaveUp: 0 };
  for (let handled = 0; handled < MAX_PER_PASS; ) {
    const escalations = await claimEscalations(client, Math.min(BATCH, MAX_PER_PASS - handled));
    handled += escalations.length;
    const outcome = await postAll(client, rest, escalations);
    total.posted += outcome.posted;
    total.failed += outcome.failed;
    total.gaveUp += outcome.gaveUp;
    if (escalations.length < BATCH) break;
  }
  return total;
}

async function postAll(
  client: RpcClient,
  rest: DiscordRest,
  escalations: readonly ClaimedEscalation[],
): Promise<SlaPassOutcome> {
  const outcome: SlaPassOutcome = { posted: 0, failed: 0, gaveUp: 0 };
  for (const escalation of escalations) {
    try {
      const message = await rest.request<{ id: string }>(
        "POST",
        `/channels/${escalation.channelId}/messages`,
        {
          body: escalationMessage(escalation),
        },
      );
      await finishEscalation(client, escalation.id, ok(message.id));
      outcome.posted += 1;
    } catch (error) {
      outcome.failed += 1;
      const finished = await finishEscalation(client, escalation.id, err(String(error)));
      if (finished.failed) {
        outcome.gaveUp += 1;
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
  return outcome;
}
