/**
 * What a soft restart drops. Isolates keep a few things in memory (imported HMAC keys today; any
 * feature may register its own); each isolate drops them when it first sees a new boot id, which
 * the restart records in the state object every isolate reads.
 */
import { forgetHmacKeys } from "../shared/control/sign";

const caches = new Map<string, () => void>([["control-hmac-keys", forgetHmacKeys]]);
let seenBootId: string | null = null;

/** A feature that caches in memory registers how to clear it. */
export function registerIsolateCache(name: string, clear: () => void): void {
  caches.set(name, clear);
}

export function dropIsolateCaches(): string[] {
  for (const clear of caches.values()) clear();
  return [...caches.keys()];
}

/** Called with the boot id read from the shared state; a change means an operator restarted Maxis. */
export function observeBootId(bootId: string): void {
  if (seenBootId !== null && seenBootId !== bootId) dropIsolateCaches();
  seenBootId = bootId;
}
