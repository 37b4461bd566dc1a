import { lineChart } from './line-chart.js';

/**
 * Reliability diagram (calibration curve) of one or more models.
 *
 * @param curves - per model: mean predicted probability and observed positive fraction per bin
 * @returns SVG markup
 * @example
 * calibrationChart([{ name: 'nb', meanPredicted: [0.1, 0.9], fractionPositive: [0.05, 0.95] }]);
 */
export function calibrationChart(
  curves: ReadonlyArray<{ name: string; meanPredicted: number[]; fractionPositive: number[] }>,
): string {
  return lineChart(
    curves.map((c) => ({ name: c.name, x: c.meanPredicted, y: c.fractionPositive, markers: true })),
    {
      title: 'Calibration (reliability)',
      xLabel: 'Mean predicted probability',
      yLabel: 'Observed fraction positive',
      xDomain: [0, 1],
      yDomain: [0, 1],
      diagonal: true,
    },
  );
}
