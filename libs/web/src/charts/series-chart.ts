/**
 * The geometry of a contract's monthly chart (hires, or weekly hours, against the
 * requirement), computed here so the template only draws it: a "nice" axis maximum at or
 * above both lines, at most MAX_X_LABELS month labels, and the two lines as SVG paths with
 * their markers. Pure: no I/O, no dates but the periods given.
 */

/** One month of the series: the actual and the required figure at the month's end (today for the running month). */
export interface ChartPoint {
  period: string;
  actual: number;
  required: number;
  /** The running month: counted up to today, drawn with a hollow marker. */
  running: boolean;
}

export interface ChartGeometry {
  width: number;
  height: number;
  plot: { left: number; top: number; right: number; bottom: number };
  max: number;
  yTicks: { value: number; y: number }[];
  xLabels: { period: string; x: number }[];
  actual: { path: string; points: { x: number; y: number; period: string; value: number; running: boolean }[] };
  required: { path: string; points: { x: number; y: number; period: string; value: number }[] };
}

export const CHART_WIDTH = 640;
export const CHART_HEIGHT = 260;
export const MAX_X_LABELS = 12;
// Room on the left for the axis figures and on the right for half the newest month's label (centred under its point).
const PLOT = { left: 56, top: 16, right: CHART_WIDTH - 40, bottom: CHART_HEIGHT - 40 };

/** An axis top of `ticks` round steps (1, 2 or 5 x 10^k, at least 1) at or above `value`. */
export function niceMax(value: number, ticks = 4): number {
  if (!(value > 0)) return ticks;
  const rough = value / ticks;
  const magnitude = 10 ** Math.max(0, Math.floor(Math.log10(rough)));
  const step = [1, 2, 5, 10].map((f) => f * magnitude).find((s) => s >= rough) ?? 10 * magnitude;
  return step * ticks;
}

const round = (n: number) => Math.round(n * 10) / 10;

/** The chart of `points` (oldest first); an empty series has no lines. */
export function seriesChart(points: readonly ChartPoint[]): ChartGeometry {
  const top = niceMax(Math.max(0, ...points.map((p) => Math.max(p.actual, p.required))));
  const ticks = 4;
  const span = PLOT.right - PLOT.left;
  const x = (i: number) => round(points.length <= 1 ? PLOT.left + span / 2 : PLOT.left + (span * i) / (points.length - 1));
  const y = (v: number) => round(PLOT.bottom - ((PLOT.bottom - PLOT.top) * v) / top);
  const path = (ys: number[]) => ys.map((value, i) => `${i === 0 ? 'M' : 'L'}${x(i)} ${y(value)}`).join(' ');
  const every = Math.max(1, Math.ceil(points.length / MAX_X_LABELS));
  return {
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
    plot: PLOT,
    max: top,
    yTicks: Array.from({ length: ticks + 1 }, (_, i) => ({ value: (top * i) / ticks, y: y((top * i) / ticks) })),
    // Every n-th month, counted back from the newest so the latest month is always labelled.
    xLabels: points.flatMap((p, i) => ((points.length - 1 - i) % every === 0 ? [{ period: p.period, x: x(i) }] : [])),
    actual: {
      path: path(points.map((p) => p.actual)),
      points: points.map((p, i) => ({ x: x(i), y: y(p.actual), period: p.period, value: p.actual, running: p.running })),
    },
    required: {
      path: path(points.map((p) => p.required)),
      points: points.map((p, i) => ({ x: x(i), y: y(p.required), period: p.period, value: p.required })),
    },
  };
}
