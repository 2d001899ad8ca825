import { ensureGateway } from "../../gateway/ensure";
import { dropIsolateCaches } from "../../isolate-caches";
import type { ActionOutcome, ControlContext } from "../context";
import { rememberRuntimeState } from "../runtime-state-cache";
import { stateStore } from "../state-store";
import { syncCommands, syncMessage } from "./sync-commands";

/**
 * A soft restart: commands re-synced with Discord, a new boot id recorded in the shared state (every
 * other isolate drops its caches when it sees it), and this isolate's caches dropped now.
 */
export async function restart(ctx: ControlContext): Promise<ActionOutcome<"restart">> {
  const sync = await syncCommands(ctx.env);
  const said = syncMessage(ctx.t, sync);
  // The Gateway connection is (re)checked too; a failure there is shown by /maxis status, not here.
  await ensureGateway(ctx.env).catch((error: unknown) =>
    console.error("restart: gateway not ensured", error),
  );
  const { previousBootId, state } = await stateStore(ctx.env).restart(ctx.operator.id, ctx.operator.name);
  dropIsolateCaches();
  rememberRuntimeState(state);
  return {
    ok: true,
    value: {
      bootId: state.bootId,
      previousBootId,
      restartedAt: new Date(state.bootedAt).toISOString(),
      commandsSynced: sync.ok ? sync.value.count : null,
      syncError: said.ok ? null : said.error.message,
    },
  };
}
