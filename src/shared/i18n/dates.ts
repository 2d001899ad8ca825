import type { Locale } from "./index";

const formats = new Map<string, Intl.DateTimeFormat>();

/**
 * A moment as the reader writes it, for text that outlives Discord's `<t:…>` markup (files,
 * reports): "Nov 24, 2026, 10:05 AM UTC" / "24 nov. 2026, 10:05 UTC". Files have no reader's time
 * zone to go by, so they say UTC and name it.
 */
export function formatDateTime(locale: Locale, at: string | number | Date, timeZone = "UTC"): string {
  const key = `${locale}|${timeZone}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, {
      year: "numeric",
      month: "short",
      day: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      timeZone,
      timeZoneName: "short",
    });
    formats.set(key, format);
  }
  return format.format(new Date(at));
}

/** Discord's timestamp markup: each reader's client shows it in their own language and time zone. */
export function discordTimestamp(at: string | number | Date, style: "f" | "F" | "R" | "d" | "D" | "t" = "f") {
  return `<t:${Math.floor(new Date(at).getTime() / 1000)}:${style}>`;
}
