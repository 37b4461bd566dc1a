import { didYouMean } from '@assay/labels';
import { jsonSchemaProblem } from '../generation/json-schema-problem.js';
import { ASSERTION_SCORERS, GENERATION_SCORERS, POOL_SCORERS } from './generation-schema.js';
import { passK } from './generation-scorers.js';
import { arr, type Loose, obj } from './loose-read.js';
import { REDUCER_PATTERN } from './reducer-names.js';
import { regexProblem } from './regex-problem.js';

/** Records one problem at a path relative to `task`. */
type Add = (path: (string | number)[], message: string) => void;

const KNOWN: ReadonlySet<string> = new Set([...POOL_SCORERS, ...ASSERTION_SCORERS]);
const VALID_FLAGS = /^[imsu]*$/;

/** The assertion options: a `pattern` that compiles, a `json_schema` schema that compiles. */
function checkAssertion(s: Loose, i: number, add: Add): void {
  if (s.metric === 'pattern') {
    if (s.value === undefined) {
      add(
        ['scorers', i, 'value'],
        "scorer 'pattern' needs a value: the regular expression the answer must match",
      );
    } else if (typeof s.value === 'string') {
      const problem = regexProblem(s.value, s.ignoreCase === true ? 'i' : '', 0);
      if (problem) add(['scorers', i, 'value'], problem);
    }
  }
  if (s.metric === 'json_schema') {
    if (s.schema === undefined) {
      add(
        ['scorers', i, 'schema'],
        "scorer 'json_schema' needs a schema: the JSON Schema the answer must conform to",
      );
    } else if (
      typeof s.schema === 'boolean' ||
      (typeof s.schema === 'object' && s.schema !== null && !Array.isArray(s.schema))
    ) {
      const problem = jsonSchemaProblem(s.schema);
      if (problem) {
        add(
          ['scorers', i, 'schema'],
          `the JSON Schema does not compile (${problem}); fix it so the answers can be checked against it`,
        );
      }
    }
  }
}

/** Options that belong to other metrics than the scorer's. */
function checkOptionsFit(s: Loose, metric: string, i: number, add: Add): void {
  if (s.stemmer !== undefined && !metric.startsWith('rouge')) {
    add(['scorers', i, 'stemmer'], `stemmer applies to the ROUGE scorers only, not '${metric}'`);
  }
  if (s.tokenize !== undefined && metric !== 'bleu') {
    add(['scorers', i, 'tokenize'], `tokenize applies to bleu only, not '${metric}'`);
  }
  if (s.normalize !== undefined && metric !== 'exact_match' && metric !== 'token_f1') {
    add(
      ['scorers', i, 'normalize'],
      `normalize applies to exact_match and token_f1 only, not '${metric}'`,
    );
  }
}

function checkScorer(raw: unknown, i: number, add: Add): void {
  const s: Loose = typeof raw === 'string' ? { metric: raw } : obj(raw);
  // a metric of the wrong type is the schema's own issue
  if (typeof s.metric !== 'string' || s.metric === '') return;
  if (!KNOWN.has(s.metric)) {
    add(
      typeof raw === 'string' ? ['scorers', i] : ['scorers', i, 'metric'],
      `unknown scorer '${s.metric}'; ${didYouMean(s.metric, GENERATION_SCORERS, `expected one of ${GENERATION_SCORERS.join(', ')}`)}`,
    );
    return;
  }
  if (typeof raw === 'string') return;
  checkAssertion(s, i, add);
  checkOptionsFit(s, s.metric, i, add);
}

function checkDistinctNames(scorers: readonly unknown[], add: Add): void {
  const seen = new Map<string, number>();
  scorers.forEach((raw, i) => {
    const s = obj(raw);
    const name = typeof raw === 'string' ? raw : (s.name ?? s.metric);
    if (typeof name !== 'string') return;
    const prev = seen.get(name);
    if (prev !== undefined) {
      add(
        ['scorers', i],
        `scorer name '${name}' is also task.scorers[${prev}]; give one of them a distinct 'name'`,
      );
    } else seen.set(name, i);
  });
}

/** Each regex step's pattern, flags and group, read defensively. */
function checkExtractSteps(steps: readonly unknown[], add: Add): void {
  steps.forEach((raw, i) => {
    const step = obj(raw);
    if (typeof step.regex !== 'string' || step.regex === '') return;
    // flags outside i, m, s, u are the schema's issue; the pattern is still checked without them
    const flags = typeof step.flags === 'string' && VALID_FLAGS.test(step.flags) ? step.flags : '';
    if (new Set(flags).size !== flags.length) {
      add(['extract', i, 'flags'], `each flag may be given once; got '${flags}'`);
    }
    const group = typeof step.group === 'number' ? step.group : step.group === undefined ? 1 : 0;
    const problem = regexProblem(step.regex, [...new Set(flags)].join(''), group);
    if (problem) add(['extract', i, 'regex'], problem);
  });
}

function checkReducer(reducer: unknown, samples: unknown, add: Add): void {
  // an unknown reducer is the schema's issue (with a did-you-mean); nothing to add to it
  if (typeof reducer !== 'string' || !REDUCER_PATTERN.test(reducer)) return;
  if (typeof samples !== 'number' || !Number.isInteger(samples) || samples < 1) return;
  const k = passK(reducer, samples);
  if (k !== null && k > samples) {
    add(['reducer'], `${reducer} needs at least ${k} samples per item; task.samples is ${samples}`);
  }
  if (reducer !== 'mean' && samples === 1) {
    add(
      ['reducer'],
      `reducer '${reducer}' combines several samples; set task.samples above 1 or use 'mean'`,
    );
  }
}

/**
 * Cross-field checks of a generation task: known scorer names (with the list and a
 * did-you-mean), distinct report names, scorer options that fit their metric, `pattern`
 * values and extraction regexes that compile (with the named group), `json_schema` schemas
 * that compile, and a reducer that fits `task.samples`.
 *
 * @remarks Runs even when other fields of the task failed (so that every problem is reported
 *   at once), so the section is read defensively: a value of the wrong type is skipped here,
 *   the schema reports it.
 * @param task - the `task` section (a generation task), as parsed so far
 * @param add - records one problem at a path relative to `task`
 * @example
 * const issues = [];
 * checkGenerationTask({ type: 'generation', scorers: ['blue'] }, (path, message) => issues.push({ path, message }));
 * issues[0].message; // '…'
 */
export function checkGenerationTask(task: unknown, add: Add): void {
  const t = obj(task);
  // unset (defaulted) sections hold nothing to check
  const scorers = arr(t.scorers);
  scorers.forEach((s, i) => {
    checkScorer(s, i, add);
  });
  checkDistinctNames(scorers, add);
  checkExtractSteps(arr(t.extract), add);
  checkReducer(t.reducer ?? 'mean', t.samples ?? 1, add);
}
