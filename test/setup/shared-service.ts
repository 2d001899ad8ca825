type Entry<T> = { service: T; users: number };
const registry = globalThis as unknown as Record<symbol, Promise<Entry<unknown>> | undefined>;

/**
 * One service per test run for every project whose global setups list it: the first project starts
 * it, and the last one to tear down stops it. A start that failed is forgotten rather than kept, so
 * each project reports the error itself.
 */
export async function useSharedService<T>(
  name: string,
  start: () => Promise<T>,
  stop: (service: T) => Promise<void>,
): Promise<{ service: T; release: () => Promise<void> }> {
  const key = Symbol.for(`shellia-maxis.test.${name}`);
  registry[key] ??= start().then((service) => ({ service, users: 0 }));
  let entry: Entry<T>;
  try {
    entry = (await registry[key]) as Entry<T>;
  } catch (error) {
    registry[key] = undefined;
    throw error;
  }
  entry.users += 1;
  return {
    service: entry.service,
    release: async () => {
      entry.users -= 1;
      if (entry.users === 0) {
        registry[key] = undefined;
        await stop(entry.service);
      }
    },
  };
}
