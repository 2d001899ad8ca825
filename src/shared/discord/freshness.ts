/**
 * How far an interaction's `X-Signature-Timestamp` may be from the Worker's clock, either way.
 * Discord delivers within seconds; a signed request older than this is a replay, and a far-future one
 * would stay replayable for as long. The interaction ledger remembers ids for exactly this long.
 */
export const INTERACTION_WINDOW_SECONDS = 5 * 60;

/** Whether a signed timestamp (Unix seconds, as Discord sends it) is within the window of `nowSeconds`. */
export function isFreshTimestamp(timestamp: string, nowSeconds: number): boolean {
  if (!/^\d{1,12}$/.test(timestamp)) return false;
  return Math.abs(nowSeconds - Number(timestamp)) <= INTERACTION_WINDOW_SECONDS;
}
