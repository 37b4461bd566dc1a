import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { RunJournal } from '../run/journal.js';
import { JOURNAL_FILE } from '../run/run-state-files.js';
import { SUPERSEDED_DIR } from './candidate-folders.js';

/** What an evaluation's journal says was paid for: the requests that reached the service. */
export interface PaidInJournal {
  /** journaled requests that were sent (answered or failed), not answered by the cache */
  readonly requests: number;
  /** their dollars (null when no answer has a price) */
  readonly costUsd: number | null;
}

/**
 * The requests of an evaluation's journal that were paid for, and their cost: every journaled
 * outcome except the answers that came from the response cache (those cost nothing, though they
 * keep the cost of the request that first paid for them). Read from a read-only snapshot, so
 * nothing is written in the folder.
 *
 * @param dir - the evaluation's output folder
 * @param model - the model's name (`models[0].name`)
 * @returns the paid requests and their cost; zero when the folder has no journal yet
 * @example
 * paidInJournal(baselineDir, 'nb'); // { requests: 40, costUsd: null } (the model has no price)
 */
export function paidInJournal(dir: string, model: string): PaidInJournal {
  const journal = RunJournal.snapshot(join(dir, JOURNAL_FILE));
  if (journal === undefined) return { requests: 0, costUsd: null };
  try {
    let requests = 0;
    let costUsd: number | null = null;
    for (const o of journal.load(model).values()) {
      if (o.cached) continue;
      requests++;
      if (o.costUsd !== null) costUsd = (costUsd ?? 0) + o.costUsd;
    }
    return { requests, costUsd };
  } finally {
    journal.close();
  }
}

/**
 * What every search into an output folder paid for, as the journals of its candidate folders
 * record it: this search's and earlier ones', those moved aside into `superseded/` included
 * (a changed space moves them there, and what they paid for was still paid). Answers the
 * cache gave cost nothing and are left out.
 *
 * @param outDir - the search's output folder
 * @param model - the model's name (`models[0].name`)
 * @returns the paid requests and their cost (null when no answer has a price)
 * @example
 * paidInFolder(join(dir, 'no-search-here'), 'nb'); // { requests: 0, costUsd: null }
 */
export function paidInFolder(outDir: string, model: string): PaidInJournal {
  const folders = [
    ...subfolders(join(outDir, 'candidates')),
    ...subfolders(join(outDir, SUPERSEDED_DIR)).flatMap(subfolders),
  ];
  let requests = 0;
  let costUsd: number | null = null;
  for (const dir of folders) {
    const paid = paidInJournal(dir, model);
    requests += paid.requests;
    if (paid.costUsd !== null) costUsd = (costUsd ?? 0) + paid.costUsd;
  }
  return { requests, costUsd };
}

function subfolders(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => join(dir, d.name));
}
