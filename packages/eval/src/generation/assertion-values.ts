import {
  includes,
  jsonSchemaConformance,
  jsonValidity,
  matchesPattern,
  numericMatch,
  parseNumber,
} from '@assay/text-metrics';
import type { ResolvedScorer } from '../config/generation-scorers.js';
import { EvaluationError } from '../errors.js';

/** One scored answer: its output, references and item id (for messages). */
export interface ScoredText {
  readonly output: string;
  readonly references: readonly string[];
  readonly id: string;
}

function numericReference(row: ScoredText, scorer: ResolvedScorer, at: string): string[] {
  const usable = row.references.filter((r) => parseNumber(r, 'whole') !== undefined);
  if (usable.length === 0) {
    throw new EvaluationError(
      'NON_NUMERIC_VALUE',
      `Item '${row.id}' has no numeric reference (${row.references.map((r) => JSON.stringify(r)).join(', ')}), which scorer '${scorer.name}' (${at}) needs; give the item a number as its reference or drop numeric_match.`,
      { path: at },
    );
  }
  return usable;
}

/**
 * One assertion scorer's value for each answer: 1 when the answer passes, else 0.
 *
 * @remarks
 * `includes`: the answer contains `value`, or when `value` is not set one of the item's
 * references. `pattern`: the answer matches the regular expression `value`. `json_valid`:
 * the answer parses as JSON. `json_schema`: it parses and conforms to `schema` (ajv).
 * `numeric_match`: the answer's number (the whole answer, else its last number) equals a
 * numeric reference within `tolerance` (absolute) or `relativeTolerance`.
 *
 * @param rows - the answers
 * @param scorer - the scorer (an assertion)
 * @param at - config path of the scorer, for messages
 * @returns one value per answer
 * @throws EvaluationError `NON_NUMERIC_VALUE` naming the item whose references hold no number
 * @example
 * const [scorer] = resolveScorers(['numeric_match']);
 * assertionValues([{ output: 'a 42', references: ['42'], id: '1' }], scorer, 'task.scorers[0]'); // [1]
 */
export function assertionValues(
  rows: readonly ScoredText[],
  scorer: ResolvedScorer,
  at: string,
): Float64Array {
  const out = new Float64Array(rows.length);
  const ignoreCase = scorer.ignoreCase;
  const pattern =
    scorer.metric === 'pattern' ? new RegExp(scorer.value!, ignoreCase ? 'i' : '') : null;
  rows.forEach((row, i) => {
    switch (scorer.metric) {
      case 'includes': {
        const wanted = scorer.value === undefined ? row.references : [scorer.value];
        out[i] = wanted.some((w) => includes(row.output, w, { ignoreCase }) === 1) ? 1 : 0;
        break;
      }
      case 'pattern':
        out[i] = matchesPattern(row.output, pattern!);
        break;
      case 'json_valid':
        out[i] = jsonValidity(row.output, { stripCodeFence: true });
        break;
      case 'json_schema':
        out[i] = jsonSchemaConformance(row.output, scorer.schema as object | boolean, {
          stripCodeFence: true,
        });
        break;
      default: {
        const options = {
          absoluteTolerance: scorer.tolerance,
          relativeTolerance: scorer.relativeTolerance,
        };
        const whole = numericReference(row, scorer, at).map((r) =>
          Math.max(
            numericMatch(row.output, r, options),
            numericMatch(row.output, r, { ...options, extract: 'last' }),
          ),
        );
        out[i] = Math.max(...whole);
      }
    }
  });
  return out;
}
