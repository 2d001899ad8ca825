/**
 * From drafts (the parser's or the model's) to proposals `/maxis` would run, or one question, or a
 * refusal. Every draft goes through the same checks as a typed `/maxis` command: the option spec,
 * the target rules, the execute allow-list, `buildControlCall`. Plans and channels named in words
 * are matched against what that Maxis offers (accents, case and a typo ignored), never guessed.
 */
import {
  type ExecuteOperationName,
  parseExecuteOperation,
  splitOperationLine,
} from "../../shared/control/operations";
import type { ChoiceField } from "../../shared/control/protocol";
import { CommandOptions } from "../../shared/discord/options";
import type { Locale } from "../../shared/i18n";
import { buildControlCall, type ControlCall } from "../maxis/requests";
import {
  type ActionDraft,
  type ActionSpec,
  asCommandData,
  checkDraft,
  isReadOnly,
  type Proposal,
} from "./actions";
import { fold, sameWord } from "./parser/text";

export interface Choice {
  name: string;
  value: string;
}

export interface ResolveContext {
  specs: readonly ActionSpec[];
  targets: readonly string[];
  operator: { id: string; name: string };
  locale: Locale;
  /** What a Maxis offers for a field (its plans, its channels); null when it cannot say. */
  choices(target: string, field: ChoiceField): Promise<Choice[] | null>;
}

export interface Resolved {
  proposal: Proposal;
  call: ControlCall;
  /** The bots it runs on (several only for status). */
  targets: string[];
  readOnly: boolean;
}

/** What `/ask` answers: actions, a question back, or a refusal (three answers, not a result: a question is no failure). */
export type Resolution =
  | { kind: "ready"; actions: Resolved[] }
  | {
      kind: "question";
      field: string;
      choices?: string[];
      min?: number;
      max?: number;
      /** The fractional number given where a whole one is needed (`12.5` for the percentage). */
      notWhole?: number;
      operation?: ExecuteOperationName;
    }
  | { kind: "refusal"; reason: "out_of_scope" | "operation" | "invalid" };

export async function resolveDrafts(
  drafts: readonly ActionDraft[],
  ctx: ResolveContext,
): Promise<Resolution> {
  if (drafts.length === 0) return { kind: "refusal", reason: "out_of_scope" };
  const actions: Resolved[] = [];
  for (const draft of drafts) {
    const one = await resolveDraft(draft, ctx);
    if (one.kind !== "ready") return one;
    actions.push(...one.actions);
  }
  return { kind: "ready", actions };
}

async function resolveDraft(given: ActionDraft, ctx: ResolveContext): Promise<Resolution> {
  const draft = await withHintedPlan(given, ctx);
  const checked = checkDraft(ctx.specs, draft);
  if (!checked.ok) {
    const problem = checked.error;
    switch (problem.kind) {
      case "missing":
        return question(problem.option, ctx, draft);
      case "out_of_range":
        return { kind: "question", field: problem.option, min: problem.min, max: problem.max };
      case "not_whole":
        return { kind: "question", field: problem.option, notWhole: problem.value };
      case "unknown_action":
        return { kind: "refusal", reason: "out_of_scope" };
      default:
        return { kind: "refusal", reason: "invalid" };
    }
  }
  const proposal: Proposal = { action: checked.value.action, options: { ...checked.value.options } };
  const wanted = proposal.options["target"];
  if (wanted !== undefined && !ctx.targets.includes(String(wanted))) {
    return { kind: "question", field: "target", choices: [...ctx.targets] };
  }
  const chosen = wanted !== undefined ? [String(wanted)] : [...ctx.targets];
  if (chosen.length > 1 && proposal.action !== "status") {
    return { kind: "question", field: "target", choices: [...ctx.targets] };
  }
  const [only] = chosen;
  if (!only) return { kind: "refusal", reason: "invalid" };
  // The proposal names its bot, so what is previewed is exactly what runs.
  if (chosen.length === 1 && ctx.targets.length > 1) proposal.options["target"] = only;

  const mention = /^<#(\d{5,20})>$/.exec(String(proposal.options["channel"] ?? ""));
  if (mention?.[1]) proposal.options["channel"] = mention[1];
  for (const field of ["plan", "channel"] as const) {
    const typed = proposal.options[field];
    if (typeof typed !== "string" || (field === "channel" && /^(<#)?\d{5,20}>?$/.test(typed))) continue;
    const offered = await ctx.choices(only, field);
    if (offered === null) continue;
    const match = matchChoice(typed, offered);
    if (!match) return { kind: "question", field, choices: offered.map((c) => c.name) };
    proposal.options[field] = match;
  }

  if (proposal.action === "execute") {
    const { name, args } = splitOperationLine(String(proposal.options["operation"] ?? ""));
    const parsed = parseExecuteOperation(name, args);
    if (!parsed.ok) {
      return parsed.error.code === "unknown_operation"
        ? { kind: "refusal", reason: "operation" }
        : { kind: "question", field: "operation", operation: parsed.error.operation };
    }
  }

  const call = buildControlCall({
    options: new CommandOptions(asCommandData(proposal)),
    operator: ctx.operator,
    locale: ctx.locale,
  });
  if (!call.ok) {
    return call.error === "maxis.invalid_period"
      ? { kind: "question", field: "period" }
      : { kind: "refusal", reason: "invalid" };
  }
  return {
    kind: "ready",
    actions: [{ proposal, call: call.value, targets: chosen, readOnly: isReadOnly(proposal.action) }],
  };
}

/** The plan the hint words name, when exactly one of them is one of that Maxis's plans. */
async function withHintedPlan(draft: ActionDraft, ctx: ResolveContext): Promise<ActionDraft> {
  if (draft.action !== "promo" || draft.options["plan"] !== undefined || !draft.hints?.length) return draft;
  const target = targetOf(draft, ctx);
  const plans = target ? await ctx.choices(target, "plan") : null;
  if (!plans) return draft;
  const matches = new Set(draft.hints.map((word) => matchChoice(word, plans)).filter((v) => v !== null));
  return matches.size === 1 ? { ...draft, options: { ...draft.options, plan: [...matches][0] } } : draft;
}

const targetOf = (draft: ActionDraft, ctx: ResolveContext) => {
  const wanted = draft.options["target"];
  return typeof wanted === "string" && ctx.targets.includes(wanted)
    ? wanted
    : ctx.targets.length === 1
      ? ctx.targets[0]
      : undefined;
};

async function question(field: string, ctx: ResolveContext, draft: ActionDraft): Promise<Resolution> {
  if (field !== "plan" && field !== "channel") return { kind: "question", field };
  const target = targetOf(draft, ctx);
  const offered = target ? await ctx.choices(target, field) : null;
  return offered
    ? { kind: "question", field, choices: offered.map((c) => c.name) }
    : { kind: "question", field };
}

/**
 * The choice a typed word stands for: its value or its name (before ` (value)`), folded; else the
 * only one within a typo. Two candidates, or none, is a question.
 */
export function matchChoice(typed: string, offered: readonly Choice[]): string | null {
  const want = fold(typed).replace(/^#/, "").trim();
  const label = (c: Choice) =>
    fold(c.name.replace(/\s*\([^)]*\)\s*$/, ""))
      .replace(/^#/, "")
      .trim();
  const exact = offered.filter((c) => fold(c.value) === want || label(c) === want);
  if (exact.length === 1) return exact[0]?.value ?? null;
  if (exact.length > 1) return null;
  const close = offered.filter((c) => sameWord(want, fold(c.value)) || sameWord(want, label(c)));
  return close.length === 1 ? (close[0]?.value ?? null) : null;
}
