import { formatNumber, type Locale } from "../../i18n";
import "./bars.css";

/** Horizontal bars, one per row, scaled to the largest (tickets by category, by priority). */
export function Bars({
  rows,
  locale,
  tones,
}: {
  rows: [string, number][];
  locale: Locale;
  tones?: string[];
}) {
  const max = Math.max(1, ...rows.map(([, n]) => n));
  return (
    <ul class="hbars">
      {rows.map(([label, n], i) => (
        <li key={label}>
          <span class="hbar-label">{label}</span>
          <span class="hbar-track" aria-hidden="true">
            <span class={`hbar ${tones?.[i] ?? ""}`} style={{ width: `${(n / max) * 100}%` }} />
          </span>
          <span class="hbar-value">{formatNumber(n, locale)}</span>
        </li>
      ))}
    </ul>
  );
}
