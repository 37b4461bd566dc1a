import { lineChart } from './line-chart.js';

/** Bins with fewer items than this are labelled with their count. */
const FEW_ITEMS = 10;

/** A marker's radius: its area grows with the items in the bin, from 2 px to 8 px. */
function radius(count: number, most: number): number {
  return 2 + 6 * Math.sqrt(count / Math.max(1, most));
}

/**
 * Reliability diagram (calibration curve) of one or more models.
 *
 * @param curves - per model: mean predicted probability, observed positive fraction and
 *   items per bin
 * @returns SVG markup
 * @remarks Each bin's marker grows with the items it holds, and a bin of fewer than 10 items
 *   is labelled `n=…`, so a point resting on one or two items is not read as solid.
 * @example
 * calibrationChart([{ name: 'nb', meanPredicted: [0.1, 0.9], fractionPositive: [0.05, 0.95], counts: [40, 2] }]);
 */
export function calibrationChart(
  curves: ReadonlyArray<{
    name: string;
    meanPredicted: number[];
    fractionPositive: number[];
    counts?: number[];
  }>,
): string {
  const most = Math.max(1, ...curves.flatMap((c) => c.counts ?? []));
  return lineChart(
    curves.map((c) => ({
      name: c.name,
      x: c.meanPredicted,
      y: c.fractionPositive,
      markers: true,
      ...(c.counts
        ? {
            markerRadii: c.counts.map((n) => radius(n, most)),
            pointLabels: c.counts.map((n) => (n < FEW_ITEMS ? `n=${n}` : null)),
          }
        : {}),
    })),
    {
      title: 'Calibration (reliability)',
      xLabel: 'Mean predicted probability',
      yLabel: 'Observed fraction positive',
      xDomain: [0, 1],
      yDomain: [0, 1],
      diagonal: true,
      ...(curves.some((c) => c.counts) ? { note: 'marker area: items in the bin' } : {}),
    },
  );
}
