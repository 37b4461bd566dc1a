/** An interval of one figure at the run's confidence level, and how it was computed. */
export interface FigureInterval {
  /** lower end (null when it could not be computed) */
  low: number | null;
  /** upper end (null when it could not be computed) */
  high: number | null;
  /** the method, as `results.json` `thresholds[].interval` names it */
  method: 'bootstrap-percentile' | 'wilson';
  /** why there is no interval, when there is none */
  reason?: string;
}
