/**
 * `npm run bench:profile -- <case> [seconds] [floor]`: a CPU profile of one Worker while the load
 * generator drives one case, through workerd's inspector. Writes `.build/bench/<case>[-floor].cpuprofile`
 * (open it in Chrome DevTools or VS Code) and prints the functions with the most self time. With
 * `floor`, the floor Worker under the case's floor counterpart, to read the two profiles side by side.
 * `PROFILE_AFTER=shop,ticket-list` first runs those cases for 10 s each in the same isolate, to see
 * what they leave behind in it.
 */
import { writeFileSync } from "node:fs";
import { type CpuProfile, selfTimes } from "../../scripts/lib/cpu-profile";
import { freePort } from "../../test/setup/ports";
import { type CaseName, loadCase } from "./cases";
import { generatorThread } from "./run";
import { caseSettings, startLoadStack } from "./stack";

/** A tiny Chrome DevTools protocol client over the inspector's WebSocket. */
async function inspector(url: string) {
  const socket = new WebSocket(url);
  await new Promise((resolve, reject) => {
    socket.addEventListener("open", resolve, { once: true });
    socket.addEventListener("error", reject, { once: true });
  });
  let nextId = 0;
  const pending = new Map<number, (result: unknown) => void>();
  socket.addEventListener("message", (event) => {
    const message = JSON.parse(String(event.data)) as { id?: number; result?: unknown };
    if (message.id !== undefined) pending.get(message.id)?.(message.result);
  });
  return {
    send<T>(method: string, params: object = {}): Promise<T> {
      const id = ++nextId;
      socket.send(JSON.stringify({ id, method, params }));
      return new Promise((resolve) => pending.set(id, resolve as (result: unknown) => void));
    },
    close: () => socket.close(),
  };
}

async function main() {
  const name = (process.argv[2] ?? "ping") as CaseName;
  const seconds = Number(process.argv[3] ?? 5);
  const side = process.argv[4] === "floor" ? "floor" : "subject";
  const inspectorPort = await freePort();
  const stack = await startLoadStack({ inspectorPort, minify: false });
  const generator = generatorThread();
  try {
    const settings = caseSettings(stack);
    // The control case's caller is bench scaffolding: profile the Worker under test behind it.
    const worker =
      side === "floor"
        ? "floor"
        : loadCase(name, settings).url.startsWith(stack.urls.shellia)
          ? "shellia"
          : "maxis";
    await generator.measure({ name, side, settings, connections: 10, seconds: 1 });
    for (const before of (process.env["PROFILE_AFTER"] ?? "").split(",").filter(Boolean) as CaseName[]) {
      await generator.measure({ name: before, side: "subject", settings, connections: 10, seconds: 10 });
    }
    await generator.prepare({ name, side, settings, connections: 10, seconds });
    const targets = (await (await fetch(`http://127.0.0.1:${inspectorPort}/json`)).json()) as {
      title: string;
      webSocketDebuggerUrl: string;
    }[];
    const target = targets.find((t) => t.title.includes(`core:user:${worker}`));
    if (!target)
      throw new Error(`no inspector target for ${worker}: ${targets.map((t) => t.title).join(", ")}`);
    const cdp = await inspector(target.webSocketDebuggerUrl);
    await cdp.send("Profiler.enable");
    await cdp.send("Profiler.setSamplingInterval", { interval: 100 });
    await cdp.send("Profiler.start");
    const result = await generator.round({ name, side, settings, connections: 10, seconds });
    const { profile } = await cdp.send<{ profile: CpuProfile }>("Profiler.stop");
    cdp.close();
    const file = `.build/bench/${name}${side === "floor" ? "-floor" : ""}.cpuprofile`;
    writeFileSync(file, JSON.stringify(profile));
    const times = selfTimes(profile);
    const total = times.reduce((sum, t) => sum + t.ms, 0);
    console.log(
      `${name} on ${worker}: ${result.requests} requests (${Math.round(result.rps)} req/s, ${result.errors} errors); ${total.toFixed(0)} ms sampled, ${(total / result.requests).toFixed(3)} ms per request; ${file}`,
    );
    for (const { frame, ms } of times.slice(0, 30)) {
      console.log(
        `${ms.toFixed(1).padStart(8)} ms ${((ms / total) * 100).toFixed(1).padStart(5)} %  ${frame}`,
      );
    }
  } finally {
    await generator.stop();
    await stack.stop();
  }
}

await main();
