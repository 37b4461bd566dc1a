import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { createClient, ResponseCache } from '@assay/clients';
import { createRunner } from '@assay/runner';
import { createRng } from '@assay/splitters';
import { tableFromArrays, tableToIPC } from 'apache-arrow';
import Database from 'better-sqlite3';
import YAML from 'yaml';
import {
  type ModelServerProcess,
  startModelServerProcess,
} from '../../../../test-support/model-server-process.js';
import {
  type ComparedRun,
  type CompareResult,
  compareRuns,
  type DatasetItem,
  type ExecutedRun,
  executeRun,
  gridCandidates,
  loadComparedRun,
  loadRunDataset,
  type Outcome,
  parseRunConfig,
  type RunConfig,
  RunJournal,
  runEvaluation,
  runTune,
  type TuneResults,
  type TuneSetup,
  tuneSetup,
} from '../../src/index.js';

/** A small labelled data set, one JSON object a line. */
const MAIL = [
  { id: 'm1', text: 'WIN a FREE prize now, click here', label: 'spam' },
  { id: 'm2', text: 'Lunch tomorrow at noon?', label: 'ham' },
  { id: 'm3', text: 'Cheap meds, no prescription needed', label: 'spam' },
  { id: 'm4', text: 'The minutes of the meeting are attached', label: 'ham' },
];

let server: ModelServerProcess | undefined;
let runsDir = '';
const made: string[] = [];

interface Runs {
  readonly baseUrl: string;
  readonly outcomes: Outcome[];
  readonly baselineDir: string;
  readonly candidateDir: string;
  readonly config: RunConfig;
  readonly baseline: ComparedRun;
  readonly candidate: ComparedRun;
  readonly result: CompareResult;
  readonly executed: ExecutedRun;
  readonly generationDir: string;
  readonly generation: ComparedRun;
  readonly generationConfig: RunConfig;
  readonly judged: ExecutedRun;
  readonly setup: TuneSetup;
  readonly tuned: TuneResults;
  readonly tuneItems: readonly DatasetItem[];
}
let runs: Runs | undefined;

/** A run of the reference spam model `nb` on 40 held-out SpamAssassin e-mails. */
function spamConfig(out: string, baseUrl: string, template: string): RunConfig {
  return parseRunConfig({
    name: 'spam',
    dataset: { builtin: 'spam-assassin', limit: 40, seed: 1 },
    task: { type: 'classification', labels: ['spam', 'ham'], positiveLabel: 'spam' },
    prompt: { template },
    models: [
      {
        name: 'nb',
        provider: 'openai-chat',
        baseUrl,
        model: 'assay-spam-nb',
        params: { maxTokens: 4, temperature: 0 },
      },
    ],
    evaluation: { bootstrap: 200 },
    output: { dir: out },
  });
}

/**
 * A generation run: the extractive subject writer on 20 e-mails, scored by token F1 and BLEU
 * and graded by the overlap judge (closedqa).
 */
function subjectsConfig(out: string, baseUrl: string): RunConfig {
  return parseRunConfig({
    name: 'subjects',
    dataset: { builtin: 'spam-assassin-subjects', limit: 20, seed: 2 },
    task: { type: 'generation', scorers: ['token_f1', 'bleu'] },
    prompt: { template: 'Write a subject line for this e-mail:\n\n{{text}}' },
    models: [
      {
        name: 'extractive',
        provider: 'openai-chat',
        baseUrl,
        model: 'assay-subject-extractive',
        params: { temperature: 0, maxTokens: 40 },
      },
    ],
    judge: {
      client: { name: 'overlap', provider: 'openai-chat', baseUrl, model: 'assay-overlap-judge' },
      mode: 'closedqa',
    },
    evaluation: { bootstrap: 200 },
    output: { dir: out },
  });
}

/**
 * A search of two prompt templates for the reference spam model on 40 held-out e-mails, by
 * f1_macro, as an `assay tune` document.
 */
function tuneDocument(out: string, baseUrl: string): Record<string, unknown> {
  return {
    name: 'tune',
    dataset: { builtin: 'spam-assassin', limit: 40, seed: 0 },
    task: { type: 'classification', labels: ['spam', 'ham'], positiveLabel: 'spam' },
    prompt: { template: '{{text}}' },
    models: [
      {
        name: 'nb',
        provider: 'openai-chat',
        baseUrl,
        model: 'assay-spam-nb',
        params: { maxTokens: 4, temperature: 0 },
      },
    ],
    evaluation: { method: 'all', seed: 0, bootstrap: 50 },
    output: { dir: out },
    search: {
      space: { 'prompt.template': ['{{text}}', 'Spam or ham?\n\n{{text}}'] },
      metric: 'f1_macro',
      strategy: 'grid',
      minItems: 10,
    },
  };
}

/**
 * Starts the model server and makes two small runs of it (`baseline`, `candidate`) in a temp
 * dir, for the examples that read runs; call in a `beforeAll`.
 */
export async function startDocExampleRuns(): Promise<void> {
  server = await startModelServerProcess();
  const baseUrl = server.baseUrl;
  runsDir = mkdtempSync(join(tmpdir(), 'assay-eval-doc-runs-'));
  const baselineDir = join(runsDir, 'baseline');
  const candidateDir = join(runsDir, 'candidate');
  const config = spamConfig(
    baselineDir,
    baseUrl,
    'Classify this e-mail as spam or ham:\n\n{{text}}',
  );
  await runEvaluation(config);
  await runEvaluation(spamConfig(candidateDir, baseUrl, 'Spam or ham?\n\n{{text}}'));
  const generationDir = join(runsDir, 'subjects');
  const generationConfig = subjectsConfig(generationDir, baseUrl);
  await runEvaluation(generationConfig);
  const setup = await tuneSetup(tuneDocument(join(runsDir, 'tune'), baseUrl), runsDir);
  const tuned = await runTune(setup);
  const tuneItems = await loadRunDataset(setup.base);
  const journal = new RunJournal(join(baselineDir, 'journal.sqlite'));
  const outcomes = [...journal.load('nb').values()];
  journal.close();
  runs = {
    baseUrl,
    outcomes,
    baselineDir,
    candidateDir,
    config,
    baseline: await loadComparedRun(baselineDir),
    candidate: await loadComparedRun(candidateDir),
    result: await compareRuns(baselineDir, candidateDir),
    // the baseline's requests again, all answered from its journal
    executed: await executeRun(config),
    generationDir,
    generation: await loadComparedRun(generationDir),
    generationConfig,
    judged: await executeRun(generationConfig),
    setup,
    tuned,
    tuneItems,
  };
}

/** Stops the model server and removes the temp dirs; call in an `afterAll`. */
export async function stopDocExampleRuns(): Promise<void> {
  await server?.close();
  for (const d of [runsDir, ...made]) if (d) rmSync(d, { recursive: true, force: true });
}

/** A run of the reference spam model on `mail.jsonl`, as an `assay run` YAML file. */
function runYaml(baseUrl: string, out: string): string {
  return [
    'name: mail',
    'dataset: { path: mail.jsonl }',
    'task: { type: classification, labels: [spam, ham], positiveLabel: spam }',
    "prompt: { template: 'Classify this e-mail as spam or ham:\\n\\n{{text}}' }",
    'models:',
    `  - { name: nb, provider: openai-chat, baseUrl: '${baseUrl}', model: assay-spam-nb, params: { maxTokens: 4, temperature: 0 } }`,
    `output: { dir: '${out}' }`,
    '',
  ].join('\n');
}

/**
 * The names the TSDoc examples of @assay/eval use, made anew for each example:
 * - `dir`: a fresh temp dir holding `mail.jsonl` (4 labelled e-mails: m1..m4, spam/ham) and
 *   `run.yaml` (a run of the reference spam model `nb` on it, into `dir/mail-out`)
 * - `baseUrl`: the reference model server's base URL
 * - `baselineDir`, `candidateDir`: two runs' output dirs; `baseline`, `candidate`: them loaded;
 *   `result`: their comparison; `config`: the baseline's configuration; `outDir`: a copy of the
 *   baseline's output dir in `dir`, for examples that change or delete run files
 * - `executed`: the baseline run executed again (answered from its journal); `items`, `rows`:
 *   its 40 items and prediction rows; `results`, `model`: the baseline's results and its model;
 *   `outcomes`: the baseline's journaled outcomes (one per request)
 * - `setup`, `tuned`: a search of two prompt templates (grid, by f1_macro) and its results;
 *   `ctx`: the context its candidates are evaluated in, writing into `dir/tune`; `search`: its
 *   search section; `state`: a search not yet started; `input`: the strategy's input over 20
 *   of its items (see {@link searchFixtures}); `tuneItems`: its 40 items
 * - `generationDir`, `generation`: a generation run (model `extractive`, scorers token_f1 and
 *   bleu, 20 items, graded by the closedqa overlap judge `overlap`) and it loaded;
 *   `generationConfig`: its configuration; `judged`: it executed again (from its journal)
 */
export function docExampleFixtures(): Record<string, unknown> {
  const dir = mkdtempSync(join(tmpdir(), 'assay-eval-doc-'));
  made.push(dir);
  writeFileSync(join(dir, 'mail.jsonl'), MAIL.map((m) => JSON.stringify(m)).join('\n'));
  writeFileSync(
    join(dir, 'run.yaml'),
    runYaml(runs?.baseUrl ?? 'http://127.0.0.1:1/v1', join(dir, 'mail-out')),
  );
  const outDir = join(dir, 'out');
  if (runs) cpSync(runs.baselineDir, outDir, { recursive: true });
  const more = runs && {
    items: runs.executed.items,
    rows: runs.executed.rows,
    results: runs.baseline.results,
    model: runs.baseline.results.models[0],
  };
  return {
    dir,
    outDir,
    join,
    basename,
    readFileSync,
    writeFileSync,
    existsSync,
    Database,
    createRunner,
    createRng,
    createClient,
    ResponseCache,
    tableFromArrays,
    tableToIPC,
    YAML,
    ...runs,
    ...more,
    ...(runs && searchFixtures(runs.setup, runs.tuneItems, join(dir, 'tune'))),
  };
}

/**
 * What `assay tune` evaluates candidates with (`ctx`, writing into `outDir`), a search not yet
 * started (`state`), and the strategy's input over 20 of the items (`input`).
 */
function searchFixtures(
  setup: TuneSetup,
  items: readonly { readonly id: string }[],
  outDir: string,
): Record<string, unknown> {
  const ctx = {
    raw: setup.raw,
    baseDir: setup.baseDir,
    outDir,
    metric: setup.metric,
    constraints: setup.search.constraints,
  };
  const state = {
    evaluations: [],
    spent: { sent: 0, cached: 0, resumed: 0, resumedPaid: 0, costUsd: 0 },
    calibration: { estimatedUsd: 0, actualUsd: 0 },
    pruned: new Map(),
    budgetStopped: new Map(),
    stoppedBy: null,
  };
  const input = {
    ctx,
    search: setup.search,
    state,
    grid: gridCandidates(setup.space),
    tuneIds: items.slice(0, 20).map((item) => item.id),
    greater: true,
    listener: () => {},
  };
  return { ctx, search: setup.search, state, input };
}
