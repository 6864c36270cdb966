import { MAX_X_LABELS, niceMax, seriesChart, type ChartPoint } from './series-chart';

const months = (n: number, value: (i: number) => [number, number]): ChartPoint[] =>
  Array.from({ length: n }, (_, i) => {
    const [actual, required] = value(i);
    const year = 2025 + Math.floor(i / 12);
    return { period: `${year}-${String((i % 12) + 1).padStart(2, '0')}`, actual, required, running: i === n - 1 };
  });

describe('the monthly chart geometry', () => {
  it('puts the axis top on a round step at or above both lines', () => {
    expect(niceMax(16)).toBe(20);
    expect(niceMax(13)).toBe(20);
    expect(niceMax(186)).toBe(200);
    expect(niceMax(130)).toBe(200);
    expect(niceMax(3)).toBe(4);
    expect(niceMax(0)).toBe(4);
    expect(niceMax(41)).toBe(80);
    const chart = seriesChart(months(3, () => [186, 130]));
    expect(chart.max).toBe(200);
    expect(chart.yTicks.map((t) => t.value)).toEqual([0, 50, 100, 150, 200]);
  });

  it('draws the reference case: 16 actual above 13 required, the requirement dashed line flat', () => {
    const chart = seriesChart(months(2, (i) => [i === 0 ? 0 : 16, 13]));
    const [first, last] = chart.actual.points;
    expect(last.y).toBeLessThan(chart.required.points[1].y);
    expect(first.y).toBe(chart.plot.bottom);
    expect(chart.required.points[0].y).toBe(chart.required.points[1].y);
    expect(chart.actual.path).toMatch(new RegExp(`^M${chart.plot.left} [\\d.]+ L${chart.plot.right} [\\d.]+$`));
    expect(last).toMatchObject({ value: 16, running: true, period: '2025-02' });
  });

  it('labels at most 12 months, always the newest', () => {
    for (const n of [1, 5, 12, 13, 30, 120]) {
      const chart = seriesChart(months(n, () => [1, 2]));
      expect(chart.xLabels.length).toBeLessThanOrEqual(MAX_X_LABELS);
      expect(chart.xLabels.at(-1)!.period).toBe(chart.actual.points.at(-1)!.period);
      expect(chart.actual.points).toHaveLength(n);
    }
  });

  it('centres a single month and keeps every point inside the plot', () => {
    const one = seriesChart(months(1, () => [5, 10]));
    expect(one.actual.points[0].x).toBe((one.plot.left + one.plot.right) / 2);
    const many = seriesChart(months(40, (i) => [i, 20]));
    for (const p of [...many.actual.points, ...many.required.points]) {
      expect(p.x).toBeGreaterThanOrEqual(many.plot.left);
      expect(p.x).toBeLessThanOrEqual(many.plot.right);
      expect(p.y).toBeGreaterThanOrEqual(many.plot.top);
      expect(p.y).toBeLessThanOrEqual(many.plot.bottom);
    }
  });

  it('has no lines for an empty series', () => {
    const chart = seriesChart([]);
    expect(chart.actual.path).toBe('');
    expect(chart.xLabels).toEqual([]);
  });
});
