/**
 * `npm run bench:handler -- [--rounds 8] [--requests 10000]`: what Maxis's own code costs per
 * interaction, against the floor's, with the network taken out. Each deployed bundle (built as
 * `bench:load` builds them) runs in a workerd isolate of its own, where a harness calls its `fetch`
 * handler in a loop with the same signed request: the time per call is the handler's JavaScript and the runtime calls it
 * makes (signature check, JSON, the Response), nothing else. Rounds alternate Maxis and the floor;
 * the table prints the median of the rounds. Every answer is checked.
 *
 * bench:load measures the whole path, where a few percent are lost in the machine's noise; this
 * measures the part our code decides, to a few percent.
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { convertV4MiniflareOptions, Miniflare } from "miniflare";
import { generateEd25519KeyPair } from "../../scripts/lib/ed25519";
import { readWorkerRuntime } from "../../scripts/lib/maxis-config";
import { median } from "../stats";
import { type CaseName, type CaseSettings, floorCase, loadCase } from "./cases";
import { buildLoadBundles } from "./stack";

/** The harness: one bundle as a module of the Worker, its handler called `n` times in a row. */
const harness = (bundle: string) => `
import worker from "./${bundle}";
export default {
  async fetch(request, env, ctx) {
    const { body, headers, n } = await request.json();
    const workerEnv = { ...env, DISCORD_PUBLIC_KEY: env.PUBLIC_KEY };
    let status = 0;
    let answer = "";
    for (let i = 0; i < n; i++) {
      const call = new Request("http://bench/interactions", { method: "POST", body, headers });
      const response = await worker.fetch(call, workerEnv, ctx);
      status = response.status;
      answer = await response.text();
    }
    return Response.json({ status, answer });
  },
};
`;

/** The cases whose answer runs no I/O, so a handler can be called alone. */
const CASES = ["ping", "no-io"] as const satisfies readonly CaseName[];
const WORKERS = ["maxis", "floor"] as const;

async function main() {
  const { values } = parseArgs({
    options: {
      rounds: { type: "string", default: "8" },
      requests: { type: "string", default: "10000" },
    },
  });
  const rounds = Number(values.rounds);
  const n = Number(values.requests);
  const bundles = await buildLoadBundles(true);
  const keys = await generateEd25519KeyPair();
  const runtime = readWorkerRuntime("wrangler.maxis.toml");
  const mf = new Miniflare(
    convertV4MiniflareOptions({
      // Each bundle in an isolate of its own, as deployed: its garbage collector sees only its heap.
      workers: WORKERS.map((worker) => ({
        name: worker,
        modules: [
          { type: "ESModule" as const, path: "harness.js", contents: harness(`${worker}.js`) },
          {
            type: "ESModule" as const,
            path: `${worker}.js`,
            contents: readFileSync(bundles[worker], "utf8"),
          },
        ],
        // Maxis's own date and flags: the floor runs under them too, so only the code differs.
        compatibilityDate: runtime.compatibilityDate,
        compatibilityFlags: runtime.compatibilityFlags,
        bindings: { PUBLIC_KEY: keys.publicKey },
        unsafeDirectSockets: [{ host: "127.0.0.1", port: 0 }],
      })),
    }),
  );
  try {
    const settings: CaseSettings = {
      urls: { maxis: "http://bench", shellia: "http://bench", floor: "http://bench", controlCaller: "" },
      discordPrivateKey: keys.privateKey,
      giveawayId: "",
    };
    const times = new Map<string, number[]>();
    for (let round = -1; round < rounds; round++) {
      for (const name of CASES) {
        const subject = loadCase(name, settings);
        const floor = floorCase(name, settings);
        // One signed request, sent n times: the handlers never claim a PING or an unknown command.
        // Content-Length as Discord sends it (a Request built in the isolate has none of its own).
        const { body = "", headers: signed } = subject.next();
        const headers = { ...signed, "Content-Length": String(new TextEncoder().encode(body).length) };
        const order = round % 2 ? WORKERS : [...WORKERS].reverse();
        for (const worker of order) {
          const started = performance.now();
          const response = await fetch(await mf.unsafeGetDirectURL(worker), {
            method: "POST",
            body: JSON.stringify({ body, headers, n }),
          });
          const { status, answer } = (await response.json()) as { status: number; answer: string };
          const perCall = ((performance.now() - started) / n) * 1000;
          const right = (worker === "maxis" ? subject : floor).check(status, answer);
          if (!right) throw new Error(`${worker} answered ${name} wrongly: HTTP ${status} ${answer}`);
          // Round -1 warms both up and is not counted.
          if (round >= 0)
            times.set(`${name}/${worker}`, [...(times.get(`${name}/${worker}`) ?? []), perCall]);
        }
      }
    }
    console.log(
      `Handler cost, ${n} calls per round, median of ${rounds} rounds (µs per call, each bundle in its own isolate):\n`,
    );
    console.log("| case | Maxis µs | floor µs | ratio |\n| --- | ---: | ---: | ---: |");
    for (const name of CASES) {
      const maxis = median(times.get(`${name}/maxis`) ?? []);
      const floor = median(times.get(`${name}/floor`) ?? []);
      console.log(`| ${name} | ${maxis.toFixed(1)} | ${floor.toFixed(1)} | ${(maxis / floor).toFixed(2)} |`);
    }
  } finally {
    await mf.dispose();
  }
}

await main();
