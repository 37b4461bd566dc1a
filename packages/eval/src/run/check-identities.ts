import type { ModelConfig } from '../config/run-config-schema.js';
import { EvaluationError } from '../errors.js';
import {
  describeChange,
  type EndpointIdentity,
  endpointIdentity,
  identityChanges,
} from './endpoint-identity.js';
import type { RunJournal } from './journal.js';

/**
 * A model as the journal records it; `configPath` names its config section when it is not
 * `models[i]` (the judge's client: `judge.client`).
 */
export type JournaledEndpoint = ModelConfig & { readonly configPath?: string | undefined };

/**
 * A model whose endpoint changed while its journal holds no answer from the old one (only
 * failures, e.g. refused connections to a wrong base URL): nothing of two services would mix,
 * so the run takes the journal over instead of refusing it.
 */
export interface TakenOverEndpoint {
  /** the model name */
  readonly model: string;
  /** the failed requests the journal holds from the old endpoint */
  readonly failed: number;
  /** what changed, as the refusal would write it (e.g. `baseUrl a → b`) */
  readonly changes: string;
}

/**
 * The line that says a journal was taken over.
 *
 * @param t - the model taken over
 * @param dropped - whether the failed entries were deleted (a run) or would be (a dry run)
 * @returns one line
 * @example
 * takenOverLine({ model: 'nb', failed: 20, changes: 'baseUrl a → b' }, true);
 * // "model 'nb': its endpoint changed (baseUrl a → b) and the journal held no answer from the old one, only 20 failed requests: dropped, they are sent to the new one"
 */
export function takenOverLine(t: TakenOverEndpoint, dropped: boolean): string {
  const failed = `${t.failed} failed request${t.failed === 1 ? '' : 's'}`;
  const what = dropped
    ? `dropped, ${t.failed === 1 ? 'it is' : 'they are'} sent to the new one`
    : `a run drops ${t.failed === 1 ? 'it' : 'them'} and sends ${t.failed === 1 ? 'it' : 'them'} to the new one`;
  return `model '${t.model}': its endpoint changed (${t.changes}) and the journal held no answer from the old one, only ${failed}: ${what}`;
}

/**
 * Where a changed identity field is configured: a header of `headersFromEnv` at its entry
 * there (`headersFromEnv.X-Gateway-Token`), any other field where the identity has it.
 */
function configField(model: JournaledEndpoint, field: string): string {
  // an http-json request's fields are the model's own keys (`template.prompt`, `paths.text`)
  if (field.startsWith('request.')) return field.slice('request.'.length);
  if (!field.startsWith('headers.')) return field;
  const lower = field.slice('headers.'.length);
  const fromEnv = Object.keys(model.headersFromEnv ?? {}).find((h) => h.toLowerCase() === lower);
  return fromEnv === undefined ? field : `headersFromEnv.${fromEnv}`;
}

/**
 * Compares each model's endpoint identity with the one its journal recorded, and records
 * this run's identities when none changed. A model of the same name served elsewhere (or
 * asked differently) would otherwise mix two services' answers in one output directory.
 * A changed endpoint whose journal holds no answer (only failures) is taken over: its
 * failed entries are deleted and `onNote` says so in one line.
 *
 * @param journal - the output directory's journal
 * @param models - the run's models
 * @param outputDir - the output directory, for the message
 * @param onNote - told when a journal without answers is taken over
 * @throws EvaluationError `IDENTITY_CHANGED`, one line naming each changed model, what changed
 *   and how to proceed (`--fresh` or another `output.dir`); nothing is recorded then
 * @example
 * const journal = new RunJournal(join(outDir, 'journal.sqlite'));
 * checkEndpointIdentities(journal, config.models, outDir); // undefined: the endpoints are the journal's
 * journal.close();
 */
export function checkEndpointIdentities(
  journal: RunJournal,
  models: readonly JournaledEndpoint[],
  outputDir: string,
  onNote?: (message: string) => void,
): void {
  const takenOver: TakenOverEndpoint[] = [];
  const identities = refuseChangedEndpoints(journal, models, outputDir, (t) => takenOver.push(t));
  for (const t of takenOver) journal.forget(t.model);
  journal.recordIdentities(identities);
  for (const t of takenOver) onNote?.(takenOverLine(t, true));
}

/**
 * Compares each model's endpoint identity with the one its journal recorded, recording
 * nothing: {@link checkEndpointIdentities} without the write, for a dry run.
 *
 * @param journal - the output directory's journal (a read-only snapshot will do)
 * @param models - the run's models
 * @param outputDir - the output directory, for the message
 * @param onTakeOver - told of each changed model whose journal holds no answer (accepted)
 * @returns each model's identity in this run
 * @throws EvaluationError `IDENTITY_CHANGED`, as {@link checkEndpointIdentities}, when a
 *   changed model's journal holds answers
 * @example
 * const journal = new RunJournal(join(outDir, 'journal.sqlite'));
 * const changed = [{ ...config.models[0], params: { ...config.models[0].params, temperature: 0.7 } }];
 * try {
 *   refuseChangedEndpoints(journal, changed, outDir);
 * } catch (error) {
 *   error.code; // 'IDENTITY_CHANGED'
 * }
 * journal.close();
 */
export function refuseChangedEndpoints(
  journal: Pick<RunJournal, 'identity' | 'load'>,
  models: readonly JournaledEndpoint[],
  outputDir: string,
  onTakeOver?: (taken: TakenOverEndpoint) => void,
): Map<string, EndpointIdentity> {
  const identities = new Map<string, EndpointIdentity>();
  const changed: string[] = [];
  let headerChanged = false;
  let path = '';
  models.forEach((model, i) => {
    const recorded = journal.identity(model.name);
    const identity = endpointIdentity(model);
    identities.set(model.name, identity);
    const changes = recorded === undefined ? [] : identityChanges(recorded, identity);
    if (changes.length === 0) return;
    const described = changes.map(describeChange).join(', ');
    const outcomes = [...journal.load(model.name).values()];
    const answers = outcomes.filter((o) => o.status === 'ok').length;
    if (answers === 0) {
      // only failures (or nothing) from the old endpoint: no answers of two services can mix
      if (outcomes.length > 0) {
        onTakeOver?.({ model: model.name, failed: outcomes.length, changes: described });
      }
      return;
    }
    if (changed.length === 0) {
      path = `${model.configPath ?? `models[${i}]`}.${configField(model, changes[0]!.field)}`;
    }
    headerChanged ||= changes.some(
      (c) => c.field.startsWith('headers.') && describeChange(c).endsWith(' changed'),
    );
    changed.push(
      `model '${model.name}' (${described}) with ${answers} answer${answers === 1 ? '' : 's'} from the old one`,
    );
  });
  if (changed.length > 0) {
    // a token renewed in a header not named like one reads as a changed header
    const renewed = headerChanged
      ? ' A changed header that holds a renewed credential (the answers are the same) belongs in headersFromEnv, which the journal records by its presence only, so a renewal resumes.'
      : '';
    throw new EvaluationError(
      'IDENTITY_CHANGED',
      `The output directory ${outputDir} holds answers from another endpoint: ${changed.join('; ')}; nothing was sent. Run again with --fresh to start over in that directory (its journal and response cache are discarded), or choose another output.dir (--output) to keep them.${renewed}`,
      { path },
    );
  }
  return identities;
}
