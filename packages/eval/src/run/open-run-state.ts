import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ResponseCache } from '@assay/clients';
import type { RunConfig } from '../config/run-config-schema.js';
import { checkEndpointIdentities } from './check-identities.js';
import { RunJournal } from './journal.js';
import { JOURNAL_FILE } from './run-state-files.js';

/** A run's durable state: the journal of outcomes and the response cache. */
export interface RunState {
  readonly journal: RunJournal;
  readonly journalPath: string;
  readonly cache: ResponseCache;
}

/**
 * Opens the output directory's journal, checks that it was written for the same endpoints
 * (and records them when it is new), then opens the response cache. Nothing is sent before
 * this returns, so a refused run costs nothing.
 *
 * @param config - the validated configuration
 * @returns the open journal and cache; close both when the run ends
 * @throws EvaluationError `IDENTITY_CHANGED` when a model's endpoint differs from the one
 *   journaled
 * @example
 * const { journal, cache } = openRunState(config);
 */
export function openRunState(config: RunConfig): RunState {
  mkdirSync(config.output.dir, { recursive: true });
  const journalPath = join(config.output.dir, JOURNAL_FILE);
  const journal = new RunJournal(journalPath);
  try {
    checkEndpointIdentities(journal, config.models, config.output.dir);
    mkdirSync(dirname(config.cache!), { recursive: true });
    return { journal, journalPath, cache: new ResponseCache(config.cache!) };
  } catch (error) {
    journal.close();
    throw error;
  }
}
