/**
 * Maxis's Cron Trigger: a small dispatcher of periodic jobs, each independent (one failing never stops
 * the others). Add a job here rather than a second scheduled handler.
 */
import { ensureGateway } from "./gateway/ensure";
import { runPaymentsPass } from "./payments/scheduled";
import { runSlaPass } from "./sla/scheduled";
import { runAutomationPass } from "./tickets/automation/pass";

interface ScheduledJob {
  name: string;
  run(env: MaxisEnv): Promise<unknown>;
}

const JOBS: readonly ScheduledJob[] = [
  { name: "gateway", run: ensureGateway },
  { name: "payments", run: runPaymentsPass },
  { name: "sla", run: runSlaPass },
  // Inactivity warnings and closes, close requests, rating prompts (claimed in SQL, once each).
  { name: "automation", run: (env) => runAutomationPass(env) },
];

export async function runScheduledJobs(env: MaxisEnv): Promise<void> {
  const results = await Promise.allSettled(JOBS.map((job) => job.run(env)));
  results.forEach((result, index) => {
    if (result.status === "rejected")
      console.error(`scheduled job ${JOBS[index]?.name} failed`, result.reason);
  });
}
