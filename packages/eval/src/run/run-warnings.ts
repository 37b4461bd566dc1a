import { sameServedModel } from '@assay/clients';
import type { ServedModelMismatch } from '@assay/report';
import type { ModelConfig } from '../config/run-config-schema.js';
import type { Outcome } from './journal.js';

/**
 * The share of a model's answers taken from the journal, at or above which a run says that
 * it measured no service this time (a rerun that sends one request in a hundred or fewer).
 */
export const RESUMED_WARNING_SHARE = 0.99;

/** Where one model's outcomes of a run came from. */
export interface ModelSources {
  /** the model */
  readonly model: ModelConfig;
  /** its index in `models` */
  readonly index: number;
  /** its outcomes this run, resumed ones with the journal's `writtenAt` */
  readonly outcomes: readonly Outcome[];
  /** outcomes taken from the journal */
  readonly resumed: number;
  /** requests sent to the service this run */
  readonly sent: number;
  /** answers the response cache gave this run */
  readonly cached: number;
}

/** `2026-12-06T10:01:07.123Z` as `2026-12-06 10:01 UTC`. */
function minute(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

/** When the resumed outcomes were journaled: ` (answered 2026-12-06 10:01–10:03 UTC`, if known. */
function answeredWhen(outcomes: readonly Outcome[]): string {
  let first: string | undefined;
  let last: string | undefined;
  for (const o of outcomes) {
    if (o.writtenAt === undefined) continue;
    if (first === undefined || o.writtenAt < first) first = o.writtenAt;
    if (last === undefined || o.writtenAt > last) last = o.writtenAt;
  }
  if (first === undefined || last === undefined) return '';
  const a = minute(first);
  const b = minute(last);
  if (a === b) return ` (answered ${a})`;
  const sameDay = a.slice(0, 10) === b.slice(0, 10);
  return ` (answered ${a.slice(0, -4)}–${sameDay ? b.slice(11) : b})`;
}

/** The run's response cache, and whether `--fresh` discards it (the output directory's default). */
export interface CacheLocation {
  /** the cache file */
  readonly path: string;
  /** false for a `cache` file of the user's choosing, which `--fresh` keeps */
  readonly discardedByFresh: boolean;
}

/** `none was sent`, `only 2 were sent`. */
function sentWords(sent: number): string {
  return sent === 0 ? 'none was sent' : `only ${sent} ${sent === 1 ? 'was' : 'were'} sent`;
}

/**
 * How to ask the service again: `--fresh` or a new output directory when they would reach the
 * service; with a `cache` file `--fresh` keeps, the cache must go too, else every answer would
 * come from it again.
 */
function askAgain(cache: CacheLocation | undefined): string {
  if (cache === undefined || cache.discardedByFresh) {
    return "run with --fresh (discards the output directory's journal and response cache) or with a new --output directory";
  }
  return `delete the response cache ${cache.path} or point \`cache\` at another file, and run with --fresh (which discards the output directory's journal but keeps a \`cache\` file of your choosing, so its answers would be reused again)`;
}

/**
 * A warning for each model whose answers this run (nearly) all came from the journal of an
 * earlier run: the results then describe the service as it answered then, and a service
 * changed since at the same URL (another model behind it) is not measured.
 *
 * @param models - each model's outcomes and where they came from
 * @param cache - the run's response cache, when known: a `cache` file `--fresh` keeps changes
 *   the advice
 * @returns one warning per such model, naming it, how many answers were resumed and when they
 *   were journaled (when known), and how to ask the service again (`--fresh`, a new `--output`,
 *   deleting a shared cache)
 * @example
 * const journal = new RunJournal(join(baselineDir, 'journal.sqlite'));
 * const journaled = [...journal.load('nb').values()];
 * journal.close();
 * const source = { model: config.models[0], index: 0, outcomes: journaled, resumed: journaled.length, sent: 0, cached: 0 };
 * resumedOnlyWarnings([source])[0].startsWith('nb: all '); // true
 */
export function resumedOnlyWarnings(
  models: readonly ModelSources[],
  cache?: CacheLocation,
): string[] {
  const out: string[] = [];
  for (const m of models) {
    const total = m.resumed + m.sent + m.cached;
    if (m.resumed === 0 || total === 0 || m.resumed < RESUMED_WARNING_SHARE * total) continue;
    const share = m.resumed === total ? `all ${total}` : `${m.resumed} of ${total}`;
    const cached = m.cached === 0 ? '' : ` (${m.cached} came from the response cache)`;
    out.push(
      `${m.model.name}: ${share} requests were resumed from the journal of an earlier run${answeredWhen(m.outcomes)} and ${sentWords(m.sent)} to ${m.model.baseUrl} this run${cached}, so the results describe the service as it answered then: a service changed since at the same URL (another model or version behind it) is not measured. To ask it again, ${askAgain(cache)}.`,
    );
  }
  return out;
}

/**
 * A warning for each model whose answers this run (nearly) all came from the response cache
 * (with the journal's, when not nearly all are the journal's: {@link resumedOnlyWarnings} says
 * that): the results then describe the service as it answered when they were cached. A `cache`
 * file outside the output directory survives `--fresh`, so there the advice is to delete it
 * or point `cache` elsewhere.
 *
 * @param models - each model's outcomes and where they came from
 * @param cache - the run's response cache
 * @returns one warning per such model, naming it, the cache and how to ask the service again
 * @example
 * const source = { model: config.models[0], index: 0, outcomes: [], resumed: 0, sent: 0, cached: 40 };
 * cachedOnlyWarnings([source], { path: '/srv/shared/cache.sqlite', discardedByFresh: false })[0];
 * // 'nb: all 40 answers came from the response cache /srv/shared/cache.sqlite and none was sent to http://127.0.0.1:…'
 */
export function cachedOnlyWarnings(
  models: readonly ModelSources[],
  cache: CacheLocation,
): string[] {
  const out: string[] = [];
  for (const m of models) {
    const total = m.resumed + m.sent + m.cached;
    if (m.cached === 0 || total === 0) continue;
    const reused = m.resumed + m.cached;
    if (reused < RESUMED_WARNING_SHARE * total || m.resumed >= RESUMED_WARNING_SHARE * total) {
      continue;
    }
    const share = m.cached === total ? `all ${total}` : `${m.cached} of ${total}`;
    const resumed = m.resumed === 0 ? '' : ` (${m.resumed} more were resumed from the journal)`;
    out.push(
      `${m.model.name}: ${share} answers came from the response cache ${cache.path} and ${sentWords(m.sent)} to ${m.model.baseUrl} this run${resumed}, so the results describe the service as it answered when they were cached: a service changed since at the same URL is not measured. To ask it again, ${askAgain(cache)}.`,
    );
  }
  return out;
}

/**
 * Each model whose answers the service says another model gave (the response's `model`
 * field, see `Completion.servedModel`), as `results.json` `servedModelMismatches` holds them:
 * a service serving one model whatever it is asked for answers a misspelt id too, and the run
 * would report the misspelt name.
 *
 * @param models - each model's outcomes (answers without a served model are not counted)
 * @returns one entry per model and served id, most frequent first
 * @example
 * const asked = { ...config.models[0], model: 'gpt-4o-typo' };
 * const answers = [{ status: 'ok', servedModel: 'assay-spam-nb' }];
 * servedModelMismatches([{ model: asked, index: 0, outcomes: answers, resumed: 0, sent: 1, cached: 0 }])[0].served;
 * // 'assay-spam-nb'
 */
export function servedModelMismatches(models: readonly ModelSources[]): ServedModelMismatch[] {
  return models.flatMap((m) => {
    const asked = m.model.model;
    const { named, others } = otherServedModels(asked, m.outcomes);
    return others.map(([served, count]) => ({
      role: 'model' as const,
      path: `models[${m.index}].model`,
      name: m.model.name,
      asked,
      served,
      count,
      of: named,
    }));
  });
}

/**
 * The warning of one served-model mismatch, as `results.json` `warnings` and the terminal
 * print it: what was asked, what answered, on how many answers (grades), and what to check.
 *
 * @param x - the mismatch (see {@link servedModelMismatches})
 * @returns the warning, opening with the configuration path of the id asked for
 * @example
 * servedModelWarning({ role: 'judge', path: 'judge.client.model', name: 'overlap', asked: 'assay-overlap-judge', served: 'assay-spam-nb', count: 1, of: 2 });
 * // "judge.client.model: asked for 'assay-overlap-judge', but the service says 'assay-spam-nb' graded (1 of 2 grades of judge 'overlap'), so those grades are that model's; check the id against the models the service serves"
 */
export function servedModelWarning(x: ServedModelMismatch): string {
  return x.role === 'judge'
    ? `${x.path}: asked for '${x.asked}', but the service says '${x.served}' graded (${x.count} of ${x.of} grades of judge '${x.name}'), so those grades are that model's; check the id against the models the service serves`
    : `${x.path}: asked for '${x.asked}', but the service says '${x.served}' answered (${x.count} of ${x.of} answers of model '${x.name}'), so the results are that model's; check the id against the models the service serves (a service that answers every id with its own model does not refuse a wrong one)`;
}

/**
 * A warning for each model whose answers the service says another model gave: the
 * {@link servedModelWarning} of each of {@link servedModelMismatches}.
 *
 * @param models - each model's outcomes (answers without a served model are not counted)
 * @returns one warning per model and served id, naming `models[i].model`, what was asked,
 *   what answered and on how many answers
 * @example
 * const asked = { ...config.models[0], model: 'gpt-4o-typo' };
 * const answers = [{ status: 'ok', servedModel: 'assay-spam-nb' }];
 * servedModelWarnings([{ model: asked, index: 0, outcomes: answers, resumed: 0, sent: 1, cached: 0 }]);
 * // ["models[0].model: asked for 'gpt-4o-typo', but the service says 'assay-spam-nb' answered (1 of 1 answers of model 'nb'), so the results are that model's; check the id against the models the service serves (a service that answers every id with its own model does not refuse a wrong one)"]
 */
export function servedModelWarnings(models: readonly ModelSources[]): string[] {
  return servedModelMismatches(models).map(servedModelWarning);
}

/**
 * The served model ids other than `asked` among successful outcomes, most frequent first,
 * and how many successful outcomes named a served model at all.
 */
function otherServedModels(
  asked: string,
  outcomes: readonly Outcome[],
): { named: number; others: [string, number][] } {
  const others = new Map<string, number>();
  let named = 0;
  for (const o of outcomes) {
    if (o.status !== 'ok' || o.servedModel === undefined) continue;
    named++;
    if (!sameServedModel(asked, o.servedModel)) {
      others.set(o.servedModel, (others.get(o.servedModel) ?? 0) + 1);
    }
  }
  return { named, others: [...others].sort((a, b) => b[1] - a[1]) };
}

/**
 * The same check for an inline judge client (`judge.client` as an object): grades from
 * another model than the one configured are that model's grades. A judge named by a
 * `models[]` entry is that model's endpoint, which {@link servedModelMismatches} checks.
 *
 * @param client - the judge's configured client: its name and model id
 * @param outcomes - the judge's grading outcomes this run
 * @returns one entry per other served id, at `judge.client.model` (see {@link servedModelWarning})
 * @example
 * const grades = [{ status: 'ok', servedModel: 'assay-spam-nb' }, { status: 'ok', servedModel: 'assay-overlap-judge' }];
 * judgeServedModelMismatches({ name: 'overlap', model: 'assay-overlap-judge' }, grades).map(servedModelWarning);
 * // ["judge.client.model: asked for 'assay-overlap-judge', but the service says 'assay-spam-nb' graded (1 of 2 grades of judge 'overlap'), so those grades are that model's; check the id against the models the service serves"]
 */
export function judgeServedModelMismatches(
  client: { readonly name: string; readonly model: string },
  outcomes: readonly Outcome[],
): ServedModelMismatch[] {
  const { named, others } = otherServedModels(client.model, outcomes);
  return others.map(([served, count]) => ({
    role: 'judge' as const,
    path: 'judge.client.model',
    name: client.name,
    asked: client.model,
    served,
    count,
    of: named,
  }));
}
