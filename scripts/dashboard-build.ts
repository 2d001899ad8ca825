/**
 * npx tsx scripts/dashboard-build.ts — builds admin-panel/dist for `wrangler pages deploy` and prints the size
 * of its JavaScript; fails over budget. Set MAXIS_URL to the deployed Maxis (written to config.json).
 */
import { buildDashboard, DASHBOARD_JS_BUDGET_BYTES, describeBuild } from "./lib/dashboard";

const result = await buildDashboard();
console.log(describeBuild(result));
if (!process.env["MAXIS_URL"]) console.warn("MAXIS_URL is not set: the dashboard will call its own origin.");
if (result.jsGzipBytes > DASHBOARD_JS_BUDGET_BYTES) {
  console.error("The dashboard's JavaScript is over budget.");
  process.exit(1);
}
