/**
 * The payments part of Maxis's scheduled handler (Cron Trigger, every 5 minutes): graces that ran
 * out end, roles are reconciled with the ledger, and role changes still owed are made. Each step is
 * independent: one failing is logged and the next still runs.
 */
import { expireEntitlements } from "./ledger";
import { drainRoleChanges, reconcileRoles } from "./roles";

export async function runPaymentsPass(env: MaxisEnv): Promise<void> {
  const steps: [string, () => Promise<unknown>][] = [
    ["expire", () => expireEntitlements(env)],
    ["reconcile", () => reconcileRoles(env)],
    ["drain", () => drainRoleChanges(env)],
  ];
  for (const [name, step] of steps) {
    try {
      const result = await step();
      console.log(`payments: scheduled ${name}`, result);
    } catch (error) {
      console.error(`payments: scheduled ${name} failed`, error);
    }
  }
}
