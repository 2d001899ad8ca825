/**
 * Running a control call on the chosen bots and wording the answers: what `/maxis` does after reading
 * its options, and what `/ask` does once a proposal is confirmed (or at once when it is read-only).
 */
import type { ControlResults } from "../../shared/control/protocol";
import type { MessageWithFile } from "../../shared/discord/followup";
import type { Locale, MessageKey, MessageParams, Translator } from "../../shared/i18n";
import { err, ok, type Result } from "../../shared/result";
import { type CallProblem, callMaxis } from "../control-client";
import type { MaxisTarget } from "../maxis-targets";
import { formatAnalytics, formatGiveaway, formatPromo, formatRestart, formatStatus, problem } from "./format";
import type { ActionCall, CommandAction, ControlCall } from "./requests";

/**
 * The bots a call goes to: the one named, or every bot for status; anything that acts needs exactly
 * one. The same rule for `/maxis` and `/ask`.
 */
export function chooseTargets(
  all: readonly MaxisTarget[],
  wanted: string | undefined,
  action: string,
): Result<MaxisTarget[], { key: MessageKey; params: MessageParams }> {
  const names = all.map((x) => x.name).join(", ");
  const chosen = wanted ? all.filter((x) => x.name === wanted) : [...all];
  if (chosen.length === 0)
    return err({ key: "maxis.unknown_target", params: { target: wanted ?? "", targets: names } });
  if (chosen.length > 1 && action !== "status")
    return err({ key: "maxis.choose_target", params: { targets: names } });
  return ok(chosen);
}

type Render<A extends CommandAction> = (
  t: Translator,
  locale: Locale,
  maxis: MaxisTarget,
  result: ControlResults[A],
  ms: number,
) => MessageWithFile;

/** How each action's result reads; the map's type pairs every action with its own result type. */
const renderers: { [A in CommandAction]: Render<A> } = {
  status: (t, _locale, maxis, result, ms) => ({ message: formatStatus(t, maxis, result, ms) }),
  analytics: (t, locale, maxis, result) => ({ message: formatAnalytics(t, maxis, result, locale) }),
  promo: (t, locale, maxis, result) => ({ message: formatPromo(t, locale, maxis, result) }),
  giveaway: (t, _locale, maxis, result) => ({ message: formatGiveaway(t, maxis, result) }),
  restart: (t, _locale, maxis, result) => ({ message: formatRestart(t, maxis, result) }),
  execute: (t, _locale, maxis, result) => ({
    message: t("maxis.outcome.rejected", { target: maxis.name, message: result.message }),
  }),
  report: (t, _locale, maxis, report) => ({
    message: { content: t("maxis.report.sent", { target: maxis.name }), embeds: [report.embed] },
    file: { name: report.filename, contentType: "text/markdown; charset=utf-8", data: report.markdown },
  }),
};

/** One call on one bot, and its answer as the operator reads it. */
async function callAndRender<A extends CommandAction>(
  t: Translator,
  locale: Locale,
  maxis: MaxisTarget,
  call: ActionCall<A>,
): Promise<MessageWithFile & { outcome: "ok" | CallProblem["kind"] }> {
  const outcome = await callMaxis(maxis, call.action, call.request);
  if (!outcome.ok) return { outcome: outcome.error.kind, message: problem(t, maxis, outcome.error) };
  const render: Render<A> = renderers[call.action];
  return { outcome: "ok", ...render(t, locale, maxis, outcome.value.result, outcome.value.ms) };
}

/** One call on each chosen bot (in parallel), answers joined; a report keeps its embed and file. */
export async function runControlCall(
  t: Translator,
  locale: Locale,
  chosen: readonly MaxisTarget[],
  call: ControlCall,
): Promise<MessageWithFile & { outcomes: string[] }> {
  const answers = await Promise.all(chosen.map((maxis) => callAndRender(t, locale, maxis, call)));
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
