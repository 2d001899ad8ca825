/**
 * Ticket numbers as members type them: `42`, `#42`, ` # 042 `. Checked before any database call so a
 * typo costs nothing; the SQL functions apply the same rule again.
 */
const TICKET_NUMBER = /^\s*#?\s*0*([1-9][0-9]{0,8})\s*$/;

export function parseTicketNumber(raw: string | number | undefined): number | null {
  if (raw === undefined) return null;
  const match = TICKET_NUMBER.exec(String(raw));
  return match?.[1] ? Number(match[1]) : null;
}
