import { formatDuration, type Locale } from "../../i18n";

/** A median duration, or "—" when there is none yet. */
export const duration = (seconds: number | null | undefined, locale: Locale) =>
  seconds === null || seconds === undefined ? "—" : formatDuration(seconds, locale);
