import type Database from 'better-sqlite3';

/**
 * The sending of one or more runs of a model: how long it took and what the service answered
 * in it, the basis of a throughput figure.
 */
export interface SendingTime {
  /** how many runs these figures add up */
  readonly runs: number;
  /** wall-clock milliseconds of their sending */
  readonly sendingMs: number;
  /** requests sent that the service answered (not cached, not failed) */
  readonly answered: number;
  /** output tokens of those answers */
  readonly outputTokens: number;
}

/**
 * One row per model and run that sent it answers: a resumed run reports the throughput of the
 * runs that answered its requests, not "—" for a model the killed run had finished.
 */
export const SENDING_TABLE = `CREATE TABLE IF NOT EXISTS sending (
  model TEXT NOT NULL, run INTEGER NOT NULL, sending_ms REAL NOT NULL, answered INTEGER NOT NULL,
  output_tokens INTEGER NOT NULL, PRIMARY KEY (model, run))`;

/**
 * Adds a sending of a run to its row (a run with `evaluation.stop` sends in rounds).
 *
 * @param db - the journal's database
 * @param model - model name
 * @param run - the run's id (`RunJournal.run`)
 * @param s - the sending's wall time, answers and output tokens
 */
export function addSending(
  db: Database.Database,
  model: string,
  run: number,
  s: Omit<SendingTime, 'runs'>,
): void {
  db.prepare(
    `INSERT INTO sending VALUES (?, ?, ?, ?, ?) ON CONFLICT (model, run) DO UPDATE SET
     sending_ms = sending_ms + excluded.sending_ms, answered = answered + excluded.answered,
     output_tokens = output_tokens + excluded.output_tokens`,
  ).run(model, run, s.sendingMs, s.answered, s.outputTokens);
}

/**
 * The sending of the given runs of a model, added up.
 *
 * @param db - the journal's database
 * @param model - model name
 * @param runs - run ids
 * @returns the sum over the runs with a row, or undefined when none has one
 */
export function sendingOfRuns(
  db: Database.Database,
  model: string,
  runs: readonly number[],
): SendingTime | undefined {
  if (runs.length === 0) return undefined;
  const rows = db
    .prepare(
      `SELECT sending_ms AS ms, answered, output_tokens AS tokens FROM sending
       WHERE model = ? AND run IN (SELECT value FROM json_each(?))`,
    )
    .all(model, JSON.stringify(runs)) as Array<{ ms: number; answered: number; tokens: number }>;
  if (rows.length === 0) return undefined;
  return {
    runs: rows.length,
    sendingMs: rows.reduce((a, r) => a + r.ms, 0),
    answered: rows.reduce((a, r) => a + r.answered, 0),
    outputTokens: rows.reduce((a, r) => a + r.tokens, 0),
  };
}
