import { useEffect, useRef } from "preact/hooks";
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";
import type { Locale } from "../i18n";
import "./chart.css";

/** Below this many pixels per bucket, bucket labels break after their dash onto two lines. */
const NARROW_BUCKET_PX = 72;

export interface ChartSeries {
  label: string;
  values: number[];
  colour: string;
}

/** "15 min–1 h" → "15 min–" over "1 h"; "< 15 min" → "< 15" over "min"; short labels stay whole. */
export function twoLines(label: string): string {
  if (label.includes("–")) return label.replace("–", "–\n");
  const space = label.lastIndexOf(" ");
  return label.length > 6 && space > 0 ? `${label.slice(0, space)}\n${label.slice(space + 1)}` : label;
}

/**
 * A uPlot chart sized to its container. `kind: "bars"` draws grouped bars (histograms, daily counts);
 * `x` is a time axis (Unix seconds, dates written in `locale`) or bucket positions with their own labels.
 */
export function Chart({
  x,
  series,
  kind,
  xLabels,
  height = 240,
  title,
  locale,
  formatY,
}: {
  x: number[];
  series: ChartSeries[];
  kind: "lines" | "bars";
  xLabels?: string[];
  height?: number;
  title: string;
  locale: Locale;
  /** How the y axis writes its values (e.g. money); whole numbers by default. */
  formatY?: (value: number) => string;
}) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const stroke = "#6b7185";
    const narrow = xLabels ? element.clientWidth / xLabels.length < NARROW_BUCKET_PX : false;
    const labels = narrow ? xLabels?.map(twoLines) : xLabels;
    const day = new Intl.DateTimeFormat(locale, { day: "numeric", month: "short" });
    const grid = { stroke: "#e7e9f2", width: 1 };
    const options: uPlot.Options = {
      width: element.clientWidth,
      height,
      legend: { show: series.length > 1, live: false },
      cursor: { drag: { x: false, y: false }, points: { show: kind === "lines" } },
      scales: {
        // Half a step of room at both ends, so the first and last bars are drawn whole.
        x: {
          time: !xLabels,
          range: (_u, min, max) => {
            const half = (x.length > 1 ? (max - min) / (x.length - 1) : 1) / 2;
            return [min - half, max + half];
          },
        },
        y: { range: (_u, _min, max) => [0, Math.max(1, Math.ceil(max * 1.15))] },
      },
      axes: [
        {
          stroke,
          grid: { show: false },
          ticks: { show: false },
          size: narrow ? 44 : 30,
          ...(labels
            ? { values: (_u: uPlot, splits: number[]) => splits.map((s) => labels[s] ?? "") }
            : {
                space: 56,
                values: (_u: uPlot, splits: number[]) => splits.map((s) => day.format(new Date(s * 1000))),
              }),
          ...(xLabels ? { splits: () => x } : {}),
        },
        {
          stroke,
          grid,
          ticks: { show: false },
          size: formatY ? 64 : 36,
          incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000, 20_000, 50_000, 100_000],
          ...(formatY ? { values: (_u: uPlot, splits: number[]) => splits.map(formatY) } : {}),
        },
      ],
      series: [
        {},
        ...series.map((s, i): uPlot.Series => {
          const bars =
            kind === "bars"
              ? uPlot.paths.bars?.({
                  size: [0.8 / series.length, 48],
                  align: series.length > 1 ? (i === 0 ? -1 : 1) : 0,
                  gap: 1,
                })
              : undefined;
          return {
            label: s.label,
            stroke: s.colour,
            width: kind === "lines" ? 2 : 0,
            fill: kind === "bars" ? s.colour : `${s.colour}22`,
            points: { show: false },
            ...(bars ? { paths: bars } : {}),
          };
        }),
      ],
    };
    const chart = new uPlot(options, [x, ...series.map((s) => s.values)], element);
    const observer = new ResizeObserver(() => chart.setSize({ width: element.clientWidth, height }));
    observer.observe(element);
    return () => {
      observer.disconnect();
      chart.destroy();
    };
  }, [x, series, kind, xLabels, height, locale, formatY]);
  return <div class="chart" ref={box} role="img" aria-label={title} />;
}
