/**
 * The shared runtime state (maintenance flag, boot id) as this isolate last read it, trusted for
 * RUNTIME_STATE_TTL_MS. Every command, button and form checks maintenance first; reading the state
 * object each time was one Durable Object round trip before every interaction's own work (issue 18's
 * load benchmark). So another isolate sees maintenance turned on or off, or a soft restart, within a
 * second; the isolate that made the change sees it at once (it remembers what it wrote).
 */
import { observeBootId, registerIsolateCache } from "../isolate-caches";
import { type RuntimeState, stateStore } from "./state-store";

export const RUNTIME_STATE_TTL_MS = 1_000;

let kept: { state: RuntimeState; until: number } | null = null;

/** After reading or changing the shared state: this isolate trusts it for the next second. */
export function rememberRuntimeState(state: RuntimeState, now = Date.now()): void {
  // First, since a new boot id drops the isolate's caches, this one included.
  observeBootId(state.bootId);
  kept = { state, until: now + RUNTIME_STATE_TTL_MS };
}

export function forgetRuntimeState(): void {
  kept = null;
}
registerIsolateCache("runtime-state", forgetRuntimeState);

/** The state, from this isolate's copy while it is fresh, else from the state object (which may throw). */
export async function runtimeState(env: Pick<MaxisEnv, "CONTROL_STATE">): Promise<RuntimeState> {
  if (kept && Date.now() < kept.until) return kept.state;
  const state = await stateStore(env).snapshot();
  rememberRuntimeState(state);
  return state;
}
