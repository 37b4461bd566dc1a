/**
 * Colour-blind-safe series colours (Okabe–Ito), one per model; {@link seriesColor} repeats them
 * from the ninth series on.
 *
 * @example
 * SERIES_COLORS; // ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000']
 */
export const SERIES_COLORS = [
  '#0072B2',
  '#E69F00',
  '#009E73',
  '#CC79A7',
  '#56B4E9',
  '#D55E00',
  '#F0E442',
  '#000000',
];

/**
 * The colour of the i-th series.
 *
 * @param i - series index
 * @returns a hex colour
 * @example
 * seriesColor(0); // '#0072B2'
 */
export function seriesColor(i: number): string {
  return SERIES_COLORS[i % SERIES_COLORS.length]!;
}
