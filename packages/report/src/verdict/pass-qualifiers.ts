import type { RunResults, ServedModelMismatch } from '../results/run-results-schema.js';
import { listInWords } from './words.js';

/**
 * The service and cost metrics a threshold can gate (as `assay run` computes them from the
 * request records): a run whose thresholds all read these says nothing about answer quality.
 *
 * @example
 * SERVICE_METRIC_NAMES.includes('error_rate'); // true
 * SERVICE_METRIC_NAMES.includes('accuracy'); // false
 */
export const SERVICE_METRIC_NAMES: readonly string[] = [
  'error_rate',
  'unparseable_rate',
  'p50_latency_ms',
  'p90_latency_ms',
  'p95_latency_ms',
  'p99_latency_ms',
  'p50_ttft_ms',
  'p95_ttft_ms',
  'p99_ttft_ms',
  'p50_tpot_ms',
  'p95_tpot_ms',
  'requests_per_s',
  'output_tokens_per_s',
  'decode_tokens_per_s',
  'total_cost_usd',
  'cost_per_correct_usd',
];

/**
 * The served-model warning of files written before `servedModelMismatches` existed: its
 * opening, which `assay run` has written the same way since it first checked the served id.
 */
const SERVED_WARNING =
  /^(models\[\d+\]\.model|judge\.client\.model): asked for '(.*?)', but the service says '(.*?)' (answered|graded) \((\d+) of (\d+) (?:answers of model|grades of judge) '(.*?)'\)/;

/**
 * The answers (and judge grades) that another model than the one asked for gave: the
 * results' `servedModelMismatches`, or, in files written before it, read from `warnings`.
 *
 * @param r - the run's results
 * @returns one entry per configured id and answering id, models before the judge
 * @example
 * servedModelMismatches(results); // []
 */
export function servedModelMismatches(r: RunResults): ServedModelMismatch[] {
  if (r.servedModelMismatches !== undefined) return r.servedModelMismatches;
  return (r.warnings ?? []).flatMap((w): ServedModelMismatch[] => {
    const m = SERVED_WARNING.exec(w);
    if (m === null) return [];
    const [, path, asked, served, verb, count, of, name] = m as unknown as string[];
    return [
      {
        role: verb === 'graded' ? 'judge' : 'model',
        path: path!,
        name: name!,
        asked: asked!,
        served: served!,
        count: Number(count),
        of: Number(of),
      },
    ];
  });
}

/** Whether some threshold gates a task metric (quality), not only service and cost figures. */
function gatesQuality(r: RunResults): boolean {
  return r.thresholds.some((t) => !SERVICE_METRIC_NAMES.includes(t.metric));
}

/**
 * What keeps a PASS from meaning "the model asked for answers well enough": answers from
 * another model than the one asked for, and thresholds that gate only service and cost
 * figures. Each phrase is written to follow the word PASS.
 *
 * @param r - the run's results (a passed run; the caller decides)
 * @param example - a quality threshold to suggest, e.g. `f1_macro >= 0.8`
 * @returns the qualifying phrases (empty when the PASS stands unqualified) and a short tag for
 *   badges and headings
 * @example
 * passQualifiers(results, 'f1_macro >= 0.8').phrase; // ''
 */
export function passQualifiers(
  r: RunResults,
  example: string,
): { phrase: string; tag: string | null } {
  const mismatches = servedModelMismatches(r);
  const answers = mismatches.filter((m) => m.role === 'model');
  const judged = mismatches.filter((m) => m.role === 'judge');
  const quoted = (ms: readonly ServedModelMismatch[]): string =>
    listInWords([...new Set(ms.map((m) => `'${m.served}'`))]);
  const served = [
    ...(answers.length > 0
      ? [`the answers came from ${quoted(answers)}, not the model asked for`]
      : []),
    ...(judged.length > 0
      ? [`the judge's grades came from ${quoted(judged)}, not the judge model asked for`]
      : []),
  ];
  const serviceOnly = r.thresholds.length > 0 && !gatesQuality(r);
  const onService = `on service thresholds only: no threshold checks a quality metric (add e.g. '${example}' to thresholds)`;
  if (served.length === 0) {
    return serviceOnly
      ? { phrase: ` ${onService}`, tag: 'service thresholds only' }
      : { phrase: '', tag: null };
  }
  const but = `, but ${served.join(', and ')}`;
  return {
    phrase: serviceOnly ? `${but}; and ${onService}` : but,
    tag: serviceOnly ? 'another model answered; service thresholds only' : 'another model answered',
  };
}
