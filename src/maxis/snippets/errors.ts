import { SNIPPET_LIMITS } from "../../shared/contracts/snippets";
import type { Translator } from "../../shared/i18n";
import type { SnippetErrorCode } from "./rpc";

/** A refused canned-reply action in the reader's language, its limits read from SNIPPET_LIMITS. */
export function snippetErrorMessage(t: Translator, code: SnippetErrorCode, ticket?: number | string): string {
  return t(`snippet.error.${code}`, {
    ticket: ticket === undefined ? "" : typeof ticket === "number" ? `#${ticket}` : ticket,
    nameMax: SNIPPET_LIMITS.name,
    bodyMax: SNIPPET_LIMITS.body,
    perServer: SNIPPET_LIMITS.perServer,
  });
}
