import { lineChart } from './line-chart.js';

/**
 * ROC curves of one or more models.
 *
 * @param curves - per model: name, false and true positive rates, AUC
 * @returns SVG markup
 * @example
 * rocChart([{ name: 'nb', fpr: [0, 1], tpr: [0, 1], auc: 0.5 }]).startsWith('<svg'); // true
 */
export function rocChart(
  curves: ReadonlyArray<{ name: string; fpr: number[]; tpr: number[]; auc: number | null }>,
): string {
  return lineChart(
    curves.map((c) => ({
      name: c.auc === null ? c.name : `${c.name} (AUC ${c.auc.toFixed(3)})`,
      x: c.fpr,
      y: c.tpr,
    })),
    {
      title: 'ROC curve',
      xLabel: 'False positive rate',
      yLabel: 'True positive rate',
      xDomain: [0, 1],
      yDomain: [0, 1],
      diagonal: true,
    },
  );
}
