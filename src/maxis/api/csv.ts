/**
 * CSV for spreadsheets (RFC 4180, pure): fields with a comma, quote or line break are quoted with
 * quotes doubled, and text a spreadsheet would run as a formula (starting with = + - @, a tab or a
 * carriage return: member-written subjects travel here) is prefixed with ' so it stays text.
 * Numbers and null are written as such. Lines end with CRLF; a BOM lets Excel read UTF-8.
 */
export type CsvCell = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "boolean") return value ? "true" : "false";
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const lines = [header.map(csvCell).join(","), ...rows.map((row) => row.map(csvCell).join(","))];
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
