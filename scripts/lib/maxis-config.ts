/**
 * What the tests, the browser stack and the benchmarks need to run Maxis's bundle outside wrangler
 * (Miniflare, auxiliary Workers): its compatibility date and flags and its Durable Object bindings,
 * read from wrangler.maxis.toml by wrangler itself, so a class added there runs everywhere without
 * copies to keep in step.
 */
import { type Unstable_Config, unstable_readConfig } from "wrangler";

export const MAXIS_WRANGLER_CONFIG = "wrangler.maxis.toml";

export interface DurableObjectBinding {
  className: string;
  /** SQLite-backed: the class was created by a migration's `new_sqlite_classes`. */
  useSQLite: boolean;
}

export interface WorkerRuntime {
  compatibilityDate: string;
  compatibilityFlags: string[];
  /** Miniflare's `durableObjects` option, by binding name. */
  durableObjects: Record<string, DurableObjectBinding>;
}

type RuntimeFields = Pick<
  Unstable_Config,
  "compatibility_date" | "compatibility_flags" | "durable_objects" | "migrations"
>;

/** Pure: the runtime settings of a parsed wrangler configuration. */
export function workerRuntime(config: RuntimeFields): WorkerRuntime {
  if (!config.compatibility_date) throw new Error("The wrangler configuration has no compatibility_date");
  const sqlite = new Set(config.migrations.flatMap((migration) => migration.new_sqlite_classes ?? []));
  const durableObjects: Record<string, DurableObjectBinding> = {};
  for (const binding of config.durable_objects.bindings) {
    // A binding to another Worker's class is that Worker's to run.
    if (binding.script_name) continue;
    durableObjects[binding.name] = {
      className: binding.class_name,
      useSQLite: sqlite.has(binding.class_name),
    };
  }
  return {
    compatibilityDate: config.compatibility_date,
    compatibilityFlags: config.compatibility_flags,
    durableObjects,
  };
}

/** Reads a wrangler configuration file (TOML or JSON, as wrangler reads it) into its runtime settings. */
export function readWorkerRuntime(configPath: string): WorkerRuntime {
  return workerRuntime(unstable_readConfig({ config: configPath }));
}

let maxis: WorkerRuntime | undefined;

/** Maxis's runtime settings, read once per process. */
export function maxisRuntime(): WorkerRuntime {
  maxis ??= readWorkerRuntime(MAXIS_WRANGLER_CONFIG);
  return maxis;
}
