/**
 * The Workers AI path: the `/maxis` actions as tools (schemas generated from the same definitions),
 * the operator's words and locale as the conversation, and the model's tool calls read back as drafts
 * that go through exactly the checks a typed command does (resolve.ts). Nothing the model says is
 * shown or run as such: a malformed answer, an unknown tool or a bad argument is a refusal.
 */
import type { Locale } from "../../shared/i18n";
import type { ActionDraft, ToolSchema } from "./actions";
import type { Parsed } from "./parser/parse";

/** The part of the `Ai` binding used here; tests pass a stand-in at this boundary. */
export interface AiRunner {
  run(model: string, input: Record<string, unknown>): Promise<unknown>;
}

export const DEFAULT_MODEL = "@cf/meta/llama-3.3-70b-instruct-fp8-fast";

/** The `AI` binding when wrangler.shellia.toml configures one. */
export function aiBinding(env: object): AiRunner | null {
  const ai = Reflect.get(env, "AI");
  return typeof ai === "object" && ai !== null && typeof Reflect.get(ai, "run") === "function"
    ? (ai as AiRunner)
    : null;
}

const MAX_CALLS = 4;

export function systemPrompt(locale: Locale, targets: readonly string[]): string {
  return [
    "You turn a Discord operator's request into calls of the given tools, which steer the Maxis bots.",
    `Configured bots (the target argument): ${targets.join(", ")}.`,
    `The operator writes in ${locale === "fr" ? "French" : "English"}.`,
    "Call one tool per action asked for, at most four. Use only values the operator gave:",
    "if a required value is missing or unclear, call the tool without it; never invent or guess one.",
    "Durations are written like 48h, 2d, 1d12h, 90min. If no tool fits the request, call no tool.",
  ].join("\n");
}

type Fail = { kind: "malformed"; why: string };

/** Asks the model; the answer becomes drafts, no action (a refusal), or a malformed answer. */
export async function understandWithModel(
  ai: AiRunner,
  model: string,
  text: string,
  context: { locale: Locale; targets: readonly string[]; tools: ToolSchema[] },
): Promise<Parsed | Fail> {
  const answer = await ai.run(model, {
    messages: [
      { role: "system", content: systemPrompt(context.locale, context.targets) },
      { role: "user", content: text },
    ],
    tools: context.tools,
    temperature: 0,
    max_tokens: 400,
  });
  return readModelAnswer(answer);
}

/**
 * Tool calls in either shape Workers AI returns (`{name, arguments}` or the OpenAI-style
 * `{function: {name, arguments: "<json>"}}`), or a JSON tool call written as the text answer.
 */
export function readModelAnswer(answer: unknown): Parsed | Fail {
  if (typeof answer !== "object" || answer === null) return { kind: "malformed", why: "not an object" };
  let calls: unknown = Reflect.get(answer, "tool_calls");
  if (calls === undefined || (Array.isArray(calls) && calls.length === 0)) {
    const text = Reflect.get(answer, "response");
    const json = typeof text === "string" ? parseJson(text.trim()) : undefined;
    if (json === undefined || json === null) return { kind: "refusal" };
    calls = Array.isArray(json) ? json : [json];
  }
  if (!Array.isArray(calls)) return { kind: "malformed", why: "tool_calls is not a list" };
  if (calls.length > MAX_CALLS) return { kind: "malformed", why: "too many tool calls" };
  const drafts: ActionDraft[] = [];
  for (const call of calls) {
    const draft = readCall(call);
    if (!draft) return { kind: "malformed", why: "a tool call is not {name, arguments}" };
    drafts.push(draft);
  }
  return drafts.length ? { kind: "drafts", drafts } : { kind: "refusal" };
}

function readCall(call: unknown): ActionDraft | null {
  if (typeof call !== "object" || call === null) return null;
  const fn = Reflect.get(call, "function");
  const source = typeof fn === "object" && fn !== null ? fn : call;
  const name = Reflect.get(source, "name");
  let args: unknown = Reflect.get(source, "arguments") ?? Reflect.get(source, "parameters") ?? {};
  if (typeof args === "string") args = parseJson(args);
  if (typeof name !== "string" || typeof args !== "object" || args === null || Array.isArray(args))
    return null;
  return { action: name, options: { ...(args as Record<string, unknown>) } };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
