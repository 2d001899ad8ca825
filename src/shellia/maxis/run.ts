/**
 * Running a control call on the chosen bots and wording the answers: what `/maxis` does after reading
 * its options, and what `/ask` does once a proposal is confirmed (or at once when it is read-only).
 */
import type { ControlAction } from "../../shared/control/protocol";
import type { MessageWithFile } from "../../shared/discord/followup";
import type { Locale, MessageKey, MessageParams, Translator } from "../../shared/i18n";
import { type CallOutcome, callMaxis } from "../control-client";
import type { MaxisTarget } from "../maxis-targets";
import { formatAnalytics, formatGiveaway, formatPromo, formatRestart, formatStatus, problem } from "./format";
import type { ControlCall } from "./requests";

type CallOutcomeResult<A extends ControlAction> = Extract<CallOutcome<A>, { kind: "ok" }>["result"];

/**
 * The bots a call goes to: the one named, or every bot for status; anything that acts needs exactly
 * one. The same rule for `/maxis` and `/ask`.
 */
export function chooseTargets(
  all: readonly MaxisTarget[],
  wanted: string | undefined,
  action: string,
): { ok: true; chosen: MaxisTarget[] } | { ok: false; key: MessageKey; params: MessageParams } {
  const names = all.map((x) => x.name).join(", ");
  const chosen = wanted ? all.filter((x) => x.name === wanted) : [...all];
  if (chosen.length === 0)
    return { ok: false, key: "maxis.unknown_target", params: { target: wanted ?? "", targets: names } };
  if (chosen.length > 1 && action !== "status")
    return { ok: false, key: "maxis.choose_target", params: { targets: names } };
  return { ok: true, chosen };
}

/** Renders one answer; `report` also carries a file. */
function render(
  t: Translator,
  locale: Locale,
  maxis: MaxisTarget,
  call: ControlCall,
  outcome: CallOutcome<ControlAction>,
): MessageWithFile {
  if (outcome.kind !== "ok") return { message: problem(t, maxis, outcome) };
  const result = outcome.result;
  switch (call.action) {
    case "status":
      return { message: formatStatus(t, maxis, result as CallOutcomeResult<"status">, outcome.ms) };
    case "analytics":
      return { message: formatAnalytics(t, maxis, result as CallOutcomeResult<"analytics">, locale) };
    case "promo":
      return { message: formatPromo(t, locale, maxis, result as CallOutcomeResult<"promo">) };
    case "giveaway":
      return { message: formatGiveaway(t, maxis, result as CallOutcomeResult<"giveaway">) };
    case "restart":
      return { message: formatRestart(t, maxis, result as CallOutcomeResult<"restart">) };
    case "execute":
      return {
        message: t("maxis.outcome.rejected", {
          target: maxis.name,
          message: (result as CallOutcomeResult<"execute">).message,
        }),
      };
    case "report": {
      const report = result as CallOutcomeResult<"report">;
      return {
        message: { content: t("maxis.report.sent", { target: maxis.name }), embeds: [report.embed] },
        file: { name: report.filename, contentType: "text/markdown; charset=utf-8", data: report.markdown },
      };
    }
  }
}

/** One call on each chosen bot (in parallel), answers joined; a report keeps its embed and file. */
export async function runControlCall(
  t: Translator,
  locale: Locale,
  chosen: readonly MaxisTarget[],
  call: ControlCall,
): Promise<MessageWithFile & { outcomes: string[] }> {
  const answers = await Promise.all(
    chosen.map(async (maxis) => {
      // `call` pairs each action with its request; TypeScript cannot follow that pairing here.
      const outcome = await callMaxis(maxis, call.action, call.request as never);
      return { outcome: outcome.kind, ...render(t, locale, maxis, call, outcome) };
    }),
  );
  const [first] = answers;
  if (answers.length === 1 && first)
    return { message: first.message, ...(first.file ? { file: first.file } : {}), outcomes: [first.outcome] };
  return {
    message: answers
      .map((a) => (typeof a.message === "string" ? a.message : (a.message.content ?? "")))
      .join("\n\n"),
    outcomes: answers.map((a) => a.outcome),
  };
}
