/**
 * One interface, two ways to understand: the Workers AI model when the `AI` binding is configured,
 * else the built-in parser. Both answer with drafts, a question or a refusal; resolve.ts checks the
 * drafts the same way whichever produced them. A model that fails to answer (an error, a timeout)
 * hands over to the parser; a model that answers nonsense is refused, never guessed at.
 */
import { EXECUTE_OPERATIONS, operationUsage } from "../../shared/control/operations";
import type { Locale } from "../../shared/i18n";
import { translatorFor } from "../../shared/i18n";
import { type ActionSpec, toolSchemas } from "./actions";
import { aiBinding, DEFAULT_MODEL, understandWithModel } from "./model";
import { type Parsed, parseRequest } from "./parser/parse";
import type { Engine } from "./preview";

export interface Understanding extends Engine {
  parsed: Parsed | { kind: "malformed"; why: string };
  /** Why the model was not used, when it was configured. */
  fallback?: string;
}

export interface UnderstandContext {
  locale: Locale;
  targets: readonly string[];
  specs: readonly ActionSpec[];
  now: number;
  timeZone: string;
}

const MODEL_TIMEOUT_MS = 20_000;

export async function understand(
  env: { ASK_MODEL?: string },
  text: string,
  ctx: UnderstandContext,
): Promise<Understanding> {
  const ai = aiBinding(env);
  const parser = (fallback?: string): Understanding => ({
    engine: "parser",
    parsed: parseRequest(text, ctx),
    ...(fallback ? { fallback } : {}),
  });
  if (!ai) return parser();
  const model = env.ASK_MODEL?.trim() || DEFAULT_MODEL;
  const tools = toolSchemas(ctx.specs, {
    targets: ctx.targets,
    // The model reads the tools in English, whatever the operator's language.
    operations: EXECUTE_OPERATIONS.map((o) => operationUsage(translatorFor("en"), o.name)),
  });
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const parsed = await Promise.race([
      understandWithModel(ai, model, text, { locale: ctx.locale, targets: ctx.targets, tools }),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error("model timeout")), MODEL_TIMEOUT_MS);
      }),
    ]);
    return { engine: "model", model, parsed };
  } catch (error) {
    console.warn("ask: the model did not answer, using the built-in parser", String(error));
    return parser(`model failed: ${String(error).slice(0, 200)}`);
  } finally {
    clearTimeout(timer);
  }
}
