import { lineChart } from './line-chart.js';

/** The radius of the marker of the bin with the most items, in px. */
const LARGEST_RADIUS = 8;
/** The smallest radius drawn, in px: a true-to-area marker of a bin of 1 of 1,000 would vanish. */
const SMALLEST_RADIUS = 2;

/**
 * A marker's radius: its area is proportional to the items in the bin (the radius to their
 * square root), the largest bin's being {@link LARGEST_RADIUS}; bins too small for
 * {@link SMALLEST_RADIUS} are drawn at it (the legend says from how many items).
 */
function radius(count: number, most: number): number {
  return Math.max(SMALLEST_RADIUS, LARGEST_RADIUS * Math.sqrt(count / most));
}

/** The fewest items whose true-to-area marker is at least {@link SMALLEST_RADIUS}. */
function smallestTrueCount(most: number): number {
  return Math.ceil(most * (SMALLEST_RADIUS / LARGEST_RADIUS) ** 2);
}

/** The legend of the marker sizes, naming the floor only when a bin is drawn at it. */
function sizeNote(counts: readonly number[], most: number): string {
  const floor = smallestTrueCount(most);
  const floored = counts.some((n) => n < floor);
  return `marker area ∝ items in the bin${floored ? `; under ${floor} items: smallest size` : ''}`;
}

/**
 * Reliability diagram (calibration curve) of one or more models.
 *
 * @param curves - per model: mean predicted probability, observed positive fraction and
 *   items per bin
 * @returns SVG markup
 * @remarks Each bin's marker has an area proportional to the items it holds, on one scale for
 *   all models (a bin too small to see is drawn at the smallest size, which the legend
 *   states), and every bin is labelled `n=…`, so a point resting on one or two items is
 *   not read as solid and the largest bins' counts can be read too.
 * @example
 * calibrationChart([{ name: 'nb', meanPredicted: [0.1, 0.9], fractionPositive: [0.05, 0.95], counts: [40, 2] }]).startsWith('<svg'); // true
 */
export function calibrationChart(
  curves: ReadonlyArray<{
    name: string;
    meanPredicted: number[];
    fractionPositive: number[];
    counts?: number[];
  }>,
): string {
  const counts = curves.flatMap((c) => c.counts ?? []);
  const most = Math.max(1, ...counts);
  return lineChart(
    curves.map((c) => ({
      name: c.name,
      x: c.meanPredicted,
      y: c.fractionPositive,
      markers: true,
      ...(c.counts
        ? {
            markerRadii: c.counts.map((n) => Number(radius(n, most).toFixed(2))),
            pointLabels: c.counts.map((n) => `n=${n}`),
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
      ...(curves.some((c) => c.counts) ? { note: sizeNote(counts, most) } : {}),
    },
  );
}
