import { lineChart } from './line-chart.js';

/**
 * Empirical CDF of request latency per model.
 *
 * @param samples - per model: name and sorted latencies (ms)
 * @returns SVG markup
 * @example
 * latencyCdfChart([{ name: 'nb', values: [10, 12, 30] }]);
 */
export function latencyCdfChart(
  samples: ReadonlyArray<{ name: string; values: readonly number[] }>,
): string {
  return lineChart(
    samples.map((s) => {
      const sorted = [...s.values].sort((a, b) => a - b);
      return {
        name: s.name,
        x: sorted,
        y: sorted.map((_, i) => (i + 1) / sorted.length),
        step: true,
      };
    }),
    {
      title: 'Latency CDF',
      xLabel: 'End-to-end latency (ms)',
      yLabel: 'Fraction of requests',
      yDomain: [0, 1],
    },
  );
}
