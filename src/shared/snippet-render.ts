/**
 * Fills in a canned reply's variables. Pure, shared by Maxis (`/ticket reply snippet:`) and the
 * dashboard's composer, so a snippet reads the same wherever it is used.
 *
 * One pass over the snippet's text: each `{name}` of a known variable is replaced by its value, and
 * the values themselves are never read again, so a member called "{ticket}" stays "{ticket}". Anything
 * else in braces (an unknown variable, a typo, `{ member }`) is left exactly as the admin typed it.
 */

export const SNIPPET_VARIABLES = ["member", "ticket", "agent", "server"] as const;
export type SnippetVariable = (typeof SNIPPET_VARIABLES)[number];

/** What each variable stands for; a missing value leaves its variable as typed. */
export type SnippetValues = { [name in SnippetVariable]?: string | undefined };

const VARIABLE = /\{(member|ticket|agent|server)\}/g;

export function renderSnippet(text: string, values: SnippetValues): string {
  return text.replace(VARIABLE, (whole, name: SnippetVariable) => values[name] ?? whole);
}
