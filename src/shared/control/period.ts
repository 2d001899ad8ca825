/**
 * Analytics periods as operators type them: `24h`, `7d` (default), `30d`, `12w`, up to a year.
 * Shared so that Shellia can refuse a bad period before calling, and Maxis never trusts it blindly.
 */

const UNIT_SECONDS = { h: 3_600, d: 86_400, w: 604_800 } as const;
const MAX_SECONDS = 366 * 86_400;

export const DEFAULT_PERIOD = "7d";

export interface Period {
  label: string;
  seconds: number;
}

export function parsePeriod(text: string | undefined): Period | null {
  const match = /^(\d{1,4})([hdw])$/.exec((text ?? DEFAULT_PERIOD).trim().toLowerCase());
  if (!match) return null;
  const amount = Number(match[1]);
  const unit = match[2] as keyof typeof UNIT_SECONDS;
  const seconds = amount * UNIT_SECONDS[unit];
  if (seconds < 3_600 || seconds > MAX_SECONDS) return null;
  return { label: `${amount}${unit}`, seconds };
}
