import { formatDuration, type Locale } from "../../i18n";

/**
 * "< 15 min", "15 min–1 h", "1–4 h", "> 3 d": bucket labels from their upper bounds, the unit written
 * once when both ends share it, so six of them fit under a phone-width chart.
 */
export function bucketLabels(bounds: (number | null)[], locale: Locale): string[] {
  return bounds.map((upTo, i) => {
    const from = i === 0 ? 0 : (bounds[i - 1] ?? 0);
    if (upTo === null) return `> ${formatDuration(from, locale)}`;
    if (i === 0) return `< ${formatDuration(upTo, locale)}`;
    const [low, high] = [formatDuration(from, locale), formatDuration(upTo, locale)];
    const [lowValue, lowUnit] = low.split(" ");
    const [highValue, highUnit] = high.split(" ");
    return lowUnit === highUnit && low.split(" ").length === 2 && high.split(" ").length === 2
      ? `${lowValue}–${highValue} ${highUnit}`
      : `${low}–${high}`;
  });
}
