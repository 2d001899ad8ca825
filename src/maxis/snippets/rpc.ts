/**
 * The canned-reply functions (supabase/migrations/20261202040000_ticket_snippets.sql), one `.rpc()`
 * each, as the acting staff member (the client comes from `supabaseAs`). Refusals come back as
 * `{ ok: false, error: { code } }`; anything else throws.
 */
import type { Snippet, SnippetInput } from "../../shared/contracts/snippets";
import type { Locale } from "../../shared/i18n";
import { cutAt } from "../../shared/markdown";
import type { Result } from "../../shared/result";
import type { RpcClient } from "../supabase/client";
import { codeRefusal, rpcCaller } from "../supabase/rpc-result";

export const SNIPPET_ERROR_CODES = [
  "not_authenticated",
  "guild_required",
  "staff_only",
  "admin_only",
  "search_too_long",
  "invalid_snippet_name",
  "snippet_empty",
  "snippet_too_long",
  "snippet_name_taken",
  "snippet_not_found",
  "too_many_snippets",
  "ticket_not_found",
  "invalid_ticket_number",
] as const;
export type SnippetErrorCode = (typeof SNIPPET_ERROR_CODES)[number];

export const isSnippetErrorCode = (value: string): value is SnippetErrorCode =>
  (SNIPPET_ERROR_CODES as readonly string[]).includes(value);

/** A snippet about to be sent in a ticket: its text in the ticket's language, variables not yet filled. */
export interface SnippetDraft {
  snippet: { id: number; name: string };
  locale: Locale;
  body: string;
  ticket: { number: number; ownerId: string; ownerLocale: Locale };
}

export type SnippetResult<T> = Result<T, { code: SnippetErrorCode }>;

const call = rpcCaller(codeRefusal(SNIPPET_ERROR_CODES, true));

export const listSnippets = (client: RpcClient, query = "") =>
  call<Snippet[]>(client, "ticket_snippet_list", { p_query: query });

/** Discord's autocomplete: at most 25 names; members get none. */
export const snippetChoices = (client: RpcClient, query: string) =>
  call<string[]>(client, "ticket_snippet_choices", { p_query: cutAt(query, 100) });

export const draftSnippet = (client: RpcClient, ticket: number, name: string) =>
  call<SnippetDraft>(client, "ticket_snippet_draft", { p_ticket: String(ticket), p_snippet: name });

export const createSnippet = (client: RpcClient, input: SnippetInput) =>
  call<Snippet>(client, "ticket_snippet_create", {
    p_name: input.name,
    p_body_en: input.bodyEn,
    p_body_fr: input.bodyFr,
  });

export const updateSnippet = (client: RpcClient, id: number, input: SnippetInput) =>
  call<Snippet>(client, "ticket_snippet_update", {
    p_id: id,
    p_name: input.name,
    p_body_en: input.bodyEn,
    p_body_fr: input.bodyFr,
  });

export const deleteSnippet = (client: RpcClient, id: number) =>
  call<Snippet>(client, "ticket_snippet_delete", { p_id: id });
