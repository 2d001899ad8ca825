import "./kpi.css";
/** One headline figure in a coloured tile (Stats, Sales), with an optional line of detail. */
export function Kpi({
  label,
  value,
  tone,
  detail,
}: {
  label: string;
  value: string;
  tone: string;
  detail?: string | undefined;
}) {
  return (
    <div class={`card kpi tone-${tone}`}>
      <span class="kpi-label">{label}</span>
      <span class="kpi-value">{value}</span>
      {detail && <span class="kpi-detail">{detail}</span>}
    </div>
  );
}
