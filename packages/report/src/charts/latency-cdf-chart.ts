import { formatInteger } from '../format/format-number.js';
import { lineChart } from './line-chart.js';
import { niceCeil } from './nice-ticks.js';

/** The axis is cut when the slowest request is this many times the largest p99, or more. */
const CUT_RATIO = 1.5;

/** Fewer requests than this have no p99 worth cutting at: the axis stays whole. */
const MIN_FOR_CUT = 100;

/** The 99th percentile of sorted values (nearest rank below). */
function p99Of(sorted: readonly number[]): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(0.99 * (sorted.length - 1)))]!;
}

/**
 * Empirical CDF of request latency per model.
 *
 * @param samples - per model: name and latencies (ms)
 * @returns SVG markup
 * @remarks When a few slow outliers would squeeze the bulk of the curve into the left of
 *   the chart (the slowest request at 1.5 × the largest per-model p99 or more, in a sample of 100 requests or more), the axis ends
 *   at a round value above that p99 and a note says how many requests lie beyond it; each
 *   curve runs flat to the edge at the share of requests it has reached there.
 * @example
 * latencyCdfChart([{ name: 'nb', values: [10, 12, 30] }]).startsWith('<svg'); // true
 */
export function latencyCdfChart(
  samples: ReadonlyArray<{ name: string; values: readonly number[] }>,
): string {
  const sorted = samples.map((s) => [...s.values].sort((a, b) => a - b));
  const filled = sorted.filter((v) => v.length >= MIN_FOR_CUT);
  const p99 = filled.length > 0 ? Math.max(...filled.map(p99Of)) : 0;
  const max = filled.length > 0 ? Math.max(...filled.map((v) => v[v.length - 1]!)) : 0;
  const top = p99 > 0 && max >= CUT_RATIO * p99 ? niceCeil(0, p99) : null;
  const beyond = top === null ? 0 : sorted.reduce((n, v) => n + v.filter((x) => x > top).length, 0);
  return lineChart(
    samples.map((s, k) => {
      const v = sorted[k]!;
      const y = v.map((_, i) => (i + 1) / v.length);
      const kept = top === null ? v.length : v.filter((x) => x <= top).length;
      const x = v.slice(0, kept);
      const ys = y.slice(0, kept);
      // cut: the curve runs flat to the axis' end at the share it has reached
      if (top !== null && kept < v.length) {
        x.push(top);
        ys.push(kept / v.length);
      }
      return { name: s.name, x, y: ys, step: true };
    }),
    {
      title: 'Latency CDF',
      xLabel: 'End-to-end latency (ms)',
      yLabel: 'Fraction of requests',
      yDomain: [0, 1],
      ...(top === null
        ? {}
        : {
            xDomain: [0, top] as [number, number],
            note: `axis cut at ${formatInteger(top)} ms: ${beyond} ${beyond === 1 ? 'request' : 'requests'} beyond (up to ${formatInteger(max)} ms)`,
          }),
    },
  );
}
