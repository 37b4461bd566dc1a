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
 * Compares each model's endpoint identity with the one its journal recorded, and records
 * this run's identities when none changed. A model of the same name served elsewhere (or
 * asked differently) would otherwise mix two services' answers in one output directory.
 *
 * @param journal - the output directory's journal
 * @param models - the run's models
 * @param outputDir - the output directory, for the message
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
): void {
  journal.recordIdentities(refuseChangedEndpoints(journal, models, outputDir));
}

/**
 * Compares each model's endpoint identity with the one its journal recorded, recording
 * nothing: {@link checkEndpointIdentities} without the write, for a dry run.
 *
 * @param journal - the output directory's journal (a read-only snapshot will do)
 * @param models - the run's models
 * @param outputDir - the output directory, for the message
 * @returns each model's identity in this run
 * @throws EvaluationError `IDENTITY_CHANGED`, as {@link checkEndpointIdentities}
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
  journal: Pick<RunJournal, 'identity'>,
  models: readonly JournaledEndpoint[],
  outputDir: string,
): Map<string, EndpointIdentity> {
  const identities = new Map<string, EndpointIdentity>();
  const changed: string[] = [];
  let path = '';
  models.forEach((model, i) => {
    const identity = endpointIdentity(model);
    identities.set(model.name, identity);
    const recorded = journal.identity(model.name);
    const changes = recorded === undefined ? [] : identityChanges(recorded, identity);
    if (changes.length === 0) return;
    if (changed.length === 0) path = `${model.configPath ?? `models[${i}]`}.${changes[0]!.field}`;
    changed.push(`model '${model.name}' (${changes.map(describeChange).join(', ')})`);
  });
  if (changed.length > 0) {
    throw new EvaluationError(
      'IDENTITY_CHANGED',
      `The output directory ${outputDir} holds answers from another endpoint: ${changed.join('; ')}; nothing was sent. Run again with --fresh to start over in that directory, or choose another output.dir (--output).`,
      { path },
    );
  }
  return identities;
}
