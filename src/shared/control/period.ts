/**
 * Analytics periods as operators type them: `24h`, `7d` (default), `30d`, `12w`, `7j`, `7 j`, `1j12h`,
 * from one hour up to a year, read by the one duration grammar (../duration.ts).
 * Shared so that Shellia can refuse a bad period before calling, and Maxis never trusts it blindly.
 */
import { parseDuration } from "../duration";

const MIN_SECONDS = 3_600;
const MAX_SECONDS = 366 * 86_400;

export const DEFAULT_PERIOD = "7d";

export interface Period {
  /** The period in the grammar Maxis reads back (`7d`, `1d12h`): what Shellia sends, never shown. */
  label: string;
  seconds: number;
}

export function parsePeriod(text: string | undefined): Period | null {
  const seconds = parseDuration((text ?? DEFAULT_PERIOD).slice(0, 32));
  if (seconds === null || seconds < MIN_SECONDS || seconds > MAX_SECONDS) return null;
  return { label: compactPeriod(seconds), seconds };
}

/** `129600` → `1d12h`: days, hours, minutes, each only when not zero. */
function compactPeriod(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  const [d, h, m] = [Math.floor(minutes / 1440), Math.floor((minutes % 1440) / 60), minutes % 60];
  return `${d ? `${d}d` : ""}${h ? `${h}h` : ""}${m ? `${m}min` : ""}`;
}
