import { dirname, join, resolve } from 'node:path';
import { ResponseCache } from '@assay/clients';
import type { RunConfig } from '../config/run-config-schema.js';
import { judgeEndpoints } from '../judges/judge-client.js';
import { checkEndpointIdentities } from './check-identities.js';
import { explainDamage } from './damaged-file.js';
import { dataSourceOf } from './data-source.js';
import { RunJournal } from './journal.js';
import { makeRunFolder } from './output-dir-errors.js';
import { refuseOtherDataSource } from './refuse-other-data.js';
import { CACHE_RECOVERY, DEFAULT_CACHE_FILE, JOURNAL_FILE } from './run-state-files.js';

/** A run's durable state: the journal of outcomes and the response cache. */
export interface RunState {
  readonly journal: RunJournal;
  readonly journalPath: string;
  readonly cache: ResponseCache;
}

/**
 * Opens the output directory's journal, checks that it (or the directory's `results.json`)
 * was written for the same data set and endpoints (and records them), then opens the
 * response cache. Nothing is sent before this returns, so a refused run costs nothing.
 *
 * @param config - the validated configuration (its data set loaded: a file is hashed here)
 * @param onNote - told when a changed endpoint's journal, holding no answer, is taken over
 * @returns the open journal and cache; close both when the run ends
 * @throws EvaluationError `DATA_SOURCE_CHANGED` when the directory holds a run on another data
 *   set, `IDENTITY_CHANGED` when a model's endpoint differs from the one journaled,
 *   `DAMAGED_FILE` naming the journal or cache when it is not a SQLite database
 * @example
 * const { journal, cache, journalPath } = openRunState(await loadRunConfig(join(dir, 'run.yaml')));
 * journalPath === join(dir, 'mail-out', 'journal.sqlite'); // true
 * journal.close();
 * cache.close();
 */
export function openRunState(config: RunConfig, onNote?: (message: string) => void): RunState {
  makeRunFolder(config.output.dir, 'output.dir');
  const journalPath = join(config.output.dir, JOURNAL_FILE);
  const journal = new RunJournal(journalPath);
  try {
    const source = dataSourceOf(config);
    refuseOtherDataSource(config, source, journal);
    checkEndpointIdentities(
      journal,
      [...config.models, ...judgeEndpoints(config)],
      config.output.dir,
      onNote,
    );
    journal.recordDataSource(source);
    const path = config.cache!;
    makeRunFolder(dirname(path), 'cache');
    const recovery =
      resolve(path) === resolve(config.output.dir, DEFAULT_CACHE_FILE)
        ? CACHE_RECOVERY
        : 'delete it or set `cache` to another file';
    const cache = explainDamage('response cache', path, recovery, () => new ResponseCache(path));
    return { journal, journalPath, cache };
  } catch (error) {
    journal.close();
    throw error;
  }
}
