import {
  type ExecuteOperation,
  operationHelp,
  operationUsage,
  parseExecuteOperation,
} from "../../../shared/control/operations";
import { inertText } from "../../../shared/markdown";
import { ok, type Result } from "../../../shared/result";
import {
  endGiveawayNow,
  type GiveawayResult,
  type GiveawaySummary,
  giveawayErrorMessage,
  rerollGiveaway,
} from "../../giveaways/service";
import { closeStaleTickets } from "../../tickets/rpc";
import { type ActionFailure, type ActionOutcome, type Body, type ControlContext, rejected } from "../context";
import { rememberRuntimeState } from "../runtime-state-cache";
import { stateStore } from "../state-store";
import { supabaseAsControl } from "../system-client";
import { syncCommands, syncMessage } from "./sync-commands";

type Done = Result<string, ActionFailure>;

/** `/maxis execute`: only the named operations of the allow-list, with validated arguments. */
export async function execute(ctx: ControlContext, body: Body): Promise<ActionOutcome<"execute">> {
  const { t } = ctx;
  const name = typeof body["operation"] === "string" ? body["operation"].trim().toLowerCase() : "";
  const rawArgs = body["args"];
  const args =
    Array.isArray(rawArgs) && rawArgs.every((a) => typeof a === "string") ? (rawArgs as string[]) : null;
  const parsed = parseExecuteOperation(name, args ?? []);
  if (!parsed.ok && parsed.error.code === "unknown_operation") {
    return rejected(
      "unknown_operation",
      t("control.error.unknown_operation", { name: inertText(name, 64), operations: operationHelp(t) }),
    );
  }
  if (!parsed.ok || args === null) {
    const operation = parsed.ok
      ? parsed.value.name
      : parsed.error.code === "invalid_arguments"
        ? parsed.error.operation
        : null;
    const usage = operation ? operationUsage(t, operation) : name;
    return rejected("invalid_arguments", t("control.error.invalid_arguments", { usage }), 400);
  }
  const done = await run(ctx, parsed.value);
  return done.ok ? ok({ operation: parsed.value.name, message: done.value }) : done;
}

async function run(ctx: ControlContext, operation: ExecuteOperation): Promise<Done> {
  const { t, env } = ctx;
  switch (operation.name) {
    case "sync-commands": {
      const said = syncMessage(t, await syncCommands(env));
      if (said.ok) return said;
      const { code, message } = said.error;
      return rejected(code, message, code === "sync_failed" ? 503 : 422);
    }
    case "maintenance": {
      const { changed, state } = await stateStore(env).setMaintenance(
        operation.on,
        ctx.operator.id,
        ctx.operator.name,
      );
      // This isolate applies it at once; the others within RUNTIME_STATE_TTL_MS.
      rememberRuntimeState(state);
      const key = changed
        ? operation.on
          ? "control.execute.maintenance_on"
          : "control.execute.maintenance_off"
        : operation.on
          ? "control.execute.maintenance_unchanged_on"
          : "control.execute.maintenance_unchanged_off";
      return ok(t(key));
    }
    case "close-stale-tickets": {
      const supabase = await supabaseAsControl(env, ctx.keyId);
      const closed = await closeStaleTickets(supabase, operation.days);
      if (!closed.ok) return rejected(closed.error.code, t("control.error.internal"));
      return ok(t("control.execute.closed_stale", { count: closed.value.closed, days: operation.days }));
    }
    case "end-giveaway":
      return giveawayDone(ctx, "control.execute.giveaway_ended", await endGiveawayNow(env, operation.id));
    case "reroll":
      return giveawayDone(
        ctx,
        "control.execute.giveaway_rerolled",
        await rerollGiveaway(env, operation.id, operation.winners ?? undefined),
      );
  }
}

function giveawayDone(
  { t }: ControlContext,
  key: "control.execute.giveaway_ended" | "control.execute.giveaway_rerolled",
  result: GiveawayResult<GiveawaySummary>,
): Done {
  if (!result.ok) return rejected(result.error.code, giveawayErrorMessage(t, result.error));
  const g = result.value;
  const winners = g.winners.length
    ? g.winners.map((id) => `<@${id}>`).join(", ")
    : t("control.execute.no_winners");
  return ok(t(key, { id: g.id, prize: inertText(g.prize, 256), winners }));
}
