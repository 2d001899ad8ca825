/**
 * Reading V8 CPU profiles (`.cpuprofile`, what DevTools, `wrangler check startup` and the inspector's
 * `Profiler.stop` produce): how much of a profile was spent running, and where.
 */

export interface CpuProfile {
  nodes: {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  }[];
  samples: number[];
  /** Microseconds before each sample. */
  timeDeltas: number[];
}

/** Milliseconds of samples that were not idle: CPU spent running JavaScript, the GC or the runtime. */
export function activeMs(profile: CpuProfile): number {
  const idle = new Set(profile.nodes.filter((n) => n.callFrame.functionName === "(idle)").map((n) => n.id));
  let active = 0;
  profile.samples.forEach((id, i) => {
    if (!idle.has(id)) active += profile.timeDeltas[i + 1] ?? 0;
  });
  return active / 1000;
}

/** Self time per function (ms), heaviest first. */
export function selfTimes(profile: CpuProfile): { frame: string; ms: number }[] {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const totals = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const frame = byId.get(id)?.callFrame;
    if (!frame) return;
    const where = frame.url
      ? ` ${frame.url.split("/").pop()}:${frame.lineNumber + 1}:${frame.columnNumber + 1}`
      : "";
    const key = `${frame.functionName || "(anonymous)"}${where}`;
    totals.set(key, (totals.get(key) ?? 0) + (profile.timeDeltas[i + 1] ?? 0) / 1000);
  });
  return [...totals].map(([frame, ms]) => ({ frame, ms })).sort((a, b) => b.ms - a.ms);
}
