/** One line of a line chart (`lineChart`). */
export interface LineSeries {
  /** legend label */
  name: string;
  /** x values */
  x: readonly number[];
  /** y values */
  y: readonly number[];
  /** draw as a step function (CDFs) */
  step?: boolean;
  /** draw point markers */
  markers?: boolean;
  /** per point: its marker's radius in px (default 3), e.g. to show how many items a bin holds */
  markerRadii?: readonly number[];
  /** per point: a short label beside its marker (null: none) */
  pointLabels?: readonly (string | null)[];
  /** draw this series thicker, on top of the others, with its legend entry in bold (a winner) */
  emphasis?: boolean;
}
