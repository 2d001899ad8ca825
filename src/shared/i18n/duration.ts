import type { Locale } from "./index";

/**
 * A duration as people say it, to two units at most: `45 s`, `12 min`, `3 h 5 min`, `2 d 4 h`
 * (French: `2 j 4 h`). Unit symbols rather than words, so one rule serves both languages.
 * Shared by Maxis's Discord messages and the dashboard, so both say a duration the same way.
 */
export function formatDuration(seconds: number, locale: Locale): string {
  const total = Math.max(0, Math.round(seconds));
  if (total < 60) return `${total} s`;
  const minutes = Math.floor(total / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
  const days = Math.floor(hours / 24);
  const day = locale === "fr" ? "j" : "d";
  return hours % 24 ? `${days} ${day} ${hours % 24} h` : `${days} ${day}`;
}
