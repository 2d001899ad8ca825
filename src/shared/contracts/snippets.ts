/**
 * Canned replies as the API (`/api/v1/snippets`) and the dashboard see them
 * (supabase/migrations/20261202040000_ticket_snippets.sql). Types and constants only.
 */

/** Limits the SQL functions enforce, exported so the dashboard's form says them up front. */
export const SNIPPET_LIMITS = { name: 50, body: 2000, perServer: 200, choices: 25 } as const;

export interface Snippet {
  id: number;
  name: string;
  bodyEn: string;
  bodyFr: string;
  updatedAt: string;
}

export interface SnippetInput {
  name: string;
  bodyEn: string;
  bodyFr: string;
}
