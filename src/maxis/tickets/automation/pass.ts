/**
 * One pass of the automation (a job of Maxis's Cron Trigger, and kicked right after a close request
 * or an accepted one): claim due jobs in batches, tell Discord, report every outcome in one call per
 * batch. The database hands each job to one pass only and applies its effect once (automation_claim);
 * a job that fails here is retried by a later pass with backoff and reported after its last try.
 * A pass stops after `maxJobs`, leaving the rest to the next minute: each job costs up to four
 * subrequests, and a Worker invocation has about a thousand.
 */
import { DiscordRest } from "../../../shared/discord/rest";
import {
  type AutomationJob,
  claimJobs,
  finishJobs,
  type JobOutcome,
  jobDone,
  jobFailed,
  supabaseAsAutomation,
} from "./automation-rpc";
import { type DeliveryEnv, deliverJob, isPermanent } from "./deliver";

export type AutomationEnv = DeliveryEnv;

/** One client per isolate and token: the rate-limit buckets it learns hold back the next pass. */
const clients = new Map<string, DiscordRest>();
export function automationRest(env: AutomationEnv): DiscordRest {
  const key = `${env.DISCORD_API_BASE}\n${env.DISCORD_BOT_TOKEN}`;
  let rest = clients.get(key);
  if (!rest) {
    // A pass waits at most 5 s for a rate limit; a job that would wait longer is retried by the next pass.
    rest = new DiscordRest({
      baseUrl: env.DISCORD_API_BASE,
      botToken: env.DISCORD_BOT_TOKEN,
      maxWaitMs: 5_000,
    });
    clients.set(key, rest);
  }
  return rest;
}

export interface PassOptions {
  /** Only this server's due jobs (an interaction's kick); every server's by default. */
  guildId?: string;
  /** Jobs claimed per transaction. */
  batch?: number;
  /** Jobs per pass at most. */
  maxJobs?: number;
  /** Jobs told to Discord at once. */
  concurrency?: number;
}

export interface PassReport {
  claimed: number;
  delivered: number;
  undeliverable: number;
  retrying: number;
  failed: number;
}

export const PASS_DEFAULTS = { batch: 50, maxJobs: 200, concurrency: 8 } as const;

async function outcomeOf(env: AutomationEnv, job: AutomationJob, report: PassReport): Promise<JobOutcome> {
  try {
    const delivery = await deliverJob(env, automationRest(env), job);
    report[delivery] += 1;
    if (delivery === "undeliverable")
      console.warn(`automation: ${job.kind} of #${job.ticket.number} reached nobody`);
    return jobDone(job.id);
  } catch (error) {
    if (isPermanent(error)) {
      report.undeliverable += 1;
      console.warn(
        `automation: Discord refused ${job.kind} of #${job.ticket.number} for good`,
        String(error),
      );
      return jobDone(job.id);
    }
    report.retrying += 1;
    return jobFailed(job.id, String(error).slice(0, 1000));
  }
}

/** Runs `work` over `items`, `limit` at a time, keeping the results in order. */
async function mapLimited<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

export async function runAutomationPass(env: AutomationEnv, options: PassOptions = {}): Promise<PassReport> {
  const { batch, maxJobs, concurrency } = { ...PASS_DEFAULTS, ...options };
  const client = supabaseAsAutomation(env);
  const report: PassReport = { claimed: 0, delivered: 0, undeliverable: 0, retrying: 0, failed: 0 };
  while (report.claimed < maxJobs) {
    const jobs = await claimJobs(client, Math.min(batch, maxJobs - report.claimed), options.guildId);
    if (jobs.length === 0) break;
    report.claimed += jobs.length;
    const outcomes = await mapLimited(jobs, concurrency, (job) => outcomeOf(env, job, report));
    const failed = await finishJobs(client, outcomes);
    report.failed += failed;
    if (failed > 0)
      console.error(
        `automation: ${failed} job(s) failed after their last try`,
        outcomes.filter((o) => !o.ok),
      );
  }
  return report;
}
