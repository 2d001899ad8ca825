/**
 * `npm run bench:cpu -- <case> [seconds]`: where the CPU of one case goes, per process, in ms per
 * request: the load generator's thread, the REST stand-in's thread (this process's main thread),
 * workerd (every Worker, their Durable Objects, Miniflare's outbound proxy) and PostgreSQL's backends.
 * CPU time from /proc, not wall time, so it says more than req/s on a machine others are loading.
 */
import { readdirSync, readFileSync } from "node:fs";
import type { CaseName } from "./cases";
import { ms } from "./report";
import { generatorThread } from "./run";
import { caseSettings, startLoadStack } from "./stack";

const TICK_MS = 10;

function ticks(path: string): number {
  try {
    const stat = readFileSync(path, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return 0;
  }
}

function ppidOf(pid: string): string {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1] ?? "";
  } catch {
    return "";
  }
}
const commOf = (pid: string) => {
  try {
    return readFileSync(`/proc/${pid}/comm`, "utf8").trim();
  } catch {
    return "";
  }
};

function descendants(root: string): string[] {
  const all = readdirSync("/proc").filter((p) => /^\d+$/.test(p));
  const children = new Map<string, string[]>();
  for (const pid of all) {
    const parent = ppidOf(pid);
    children.set(parent, [...(children.get(parent) ?? []), pid]);
  }
  const out: string[] = [];
  const walk = (pid: string) => {
    for (const child of children.get(pid) ?? []) {
      out.push(child);
      walk(child);
    }
  };
  walk(root);
  return out;
}

function snapshot(): Map<string, number> {
  const me = String(process.pid);
  const out = new Map<string, number>();
  const add = (key: string, ms: number) => out.set(key, (out.get(key) ?? 0) + ms);
  for (const tid of readdirSync(`/proc/${me}/task`)) {
    const comm = commOf(`${me}/task/${tid}`);
    add(
      tid === me ? "node main (REST stand-in)" : `node thread ${comm}`,
      ticks(`/proc/${me}/task/${tid}/stat`),
    );
  }
  for (const pid of descendants(me)) {
    const comm = commOf(pid);
    add(comm.startsWith("postgres") ? "postgres (all)" : comm, ticks(`/proc/${pid}/stat`));
  }
  return out;
}

async function main() {
  const name = (process.argv[2] ?? "shop") as CaseName;
  const seconds = Number(process.argv[3] ?? 5);
  const stack = await startLoadStack({});
  const generator = generatorThread();
  try {
    const settings = caseSettings(stack);
    for (const side of ["floor", "subject"] as const) {
      await generator.measure({ name, side, settings, connections: 10, seconds: 1 });
      // Signed ahead, outside the window: the window holds the Workers and what answering costs the generator.
      await generator.prepare({ name, side, settings, connections: 10, seconds });
      const before = snapshot();
      const result = await generator.round({ name, side, settings, connections: 10, seconds });
      const after = snapshot();
      console.log(
        `${name} [${side}]: ${Math.round(result.rps)} req/s, p50 ${ms(result.p50)} ms, p99 ${ms(result.p99)} ms, ${result.errors} errors`,
      );
      const rows = [...after].map(([k, v]) => [k, (v - (before.get(k) ?? 0)) / result.requests] as const);
      for (const [k, v] of rows.filter(([, v]) => v > 0.005).sort((a, b) => b[1] - a[1]))
        console.log(`  ${v.toFixed(2).padStart(6)} ms/request  ${k}`);
    }
  } finally {
    await generator.stop();
    await stack.stop();
  }
}

await main();
