/**
 * The discount a member actually gets, in whole percent. A promotion asks for a percent, but a plan's
 * floor price can stop the price from falling that far: what is shown is what the prices say.
 */
export function effectivePercent(priceCents: number, promotedCents: number): number {
  if (priceCents <= 0 || promotedCents >= priceCents) return 0;
  return Math.round(((priceCents - promotedCents) / priceCents) * 100);
}
