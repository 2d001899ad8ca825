/**
 * The duration grammar operators and staff type (`/giveaway-staff start`, `/maxis promo`,
 * `/maxis giveaway`): shared because Maxis's commands and its control API read the same words.
 */
const UNIT_SECONDS: Record<string, number> = {
  s: 1,
  m: 60,
  min: 60,
  h: 3_600,
  d: 86_400,
  j: 86_400,
  w: 604_800,
};

/**
 * Reads a duration as operators type it: `48h`, `30m`, `2d`, `1d12h`, `1w` (`j` for French "jours").
 * Returns whole seconds, or null when the text is not a duration.
 */
export function parseDuration(text: string): number | null {
  const compact = text.trim().toLowerCase().replace(/\s+/g, "");
  if (!/^(\d+(min|[smhdjw]))+$/.test(compact)) return null;
  let seconds = 0;
  for (const [, amount, unit] of compact.matchAll(/(\d+)(min|[smhdjw])/g)) {
    seconds += Number(amount) * (UNIT_SECONDS[unit ?? ""] ?? Number.NaN);
  }
  return Number.isSafeInteger(seconds) && seconds > 0 ? seconds : null;
}
