/** A Maxis bot Shellia can steer. */
export interface MaxisTarget {
  name: string;
  fetcher: Fetcher;
}

/** The Maxis bots configured for this Shellia. The control-API issue adds URL targets and per-bot keys. */
export function maxisTargets(env: ShelliaEnv): MaxisTarget[] {
  return [{ name: "maxis", fetcher: env.MAXIS }];
}
