import { Chart } from "../../components/chart";
import type { Locale } from "../../i18n";

export type Histogram = {
  x: number[];
  labels: string[];
  series: { label: string; values: number[]; colour: string }[];
};

/** One histogram of durations (first response, resolution) in its card. */
export function DistributionCard({
  id,
  title,
  histogram,
  locale,
}: {
  id: string;
  title: string;
  histogram: Histogram | null;
  locale: Locale;
}) {
  return (
    <section class="card" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {histogram ? (
        <Chart
          x={histogram.x}
          xLabels={histogram.labels}
          series={histogram.series}
          kind="bars"
          height={200}
          title={title}
          locale={locale}
        />
      ) : (
        <Placeholder />
      )}
    </section>
  );
}

/** Where a chart will be once its figures arrive. */
export function Placeholder() {
  return <div class="skeleton chart-skeleton" aria-hidden="true" />;
}
