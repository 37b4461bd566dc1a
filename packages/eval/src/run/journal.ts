import { dirname } from 'node:path';
import { canonicalJson, openSqliteSnapshot } from '@assay/clients';
import Database from 'better-sqlite3';
import { EvaluationError } from '../errors.js';
import { explainDamage } from './damaged-file.js';
import { type DataSource, DataSourceSchema } from './data-source.js';
import { type EndpointIdentity, EndpointIdentitySchema } from './endpoint-identity.js';
import { addSending, SENDING_TABLE, type SendingTime, sendingOfRuns } from './journal-sending.js';
import type { Outcome, OutcomeMetrics } from './outcome.js';
import { makeRunFolder } from './output-dir-errors.js';

export type { Outcome, OutcomeMetrics } from './outcome.js';

interface Row {
  model: string;
  key: string;
  status: 'ok' | 'error';
  text: string | null;
  score: number | null;
  error_class: string | null;
  error_message: string | null;
  cached: number;
  metrics: string;
  written_at: string;
}

/**
 * How to recover from a damaged journal, for the message that names it: deleting the journal
 * alone keeps the response cache, so no answer it holds is paid for again (`--fresh` would
 * discard that too).
 */
const JOURNAL_RECOVERY =
  'delete it (with its -wal and -shm files) and run again: the answers in the response cache are reused without sending, only the rest is sent; --fresh would discard the cache too';

/**
 * The run journal: one SQLite row per finished request (answer or final
 * failure), written before the result counts, so a run killed at any moment
 * resumes without re-sending anything it already has; and one row per model
 * with the endpoint identity its outcomes were recorded against.
 *
 * @remarks WAL mode: a committed row survives SIGKILL of the process.
 *   Failures are kept so a rerun reuses them unless `--retry-failed` is given.
 * @example
 * const journal = new RunJournal(join(baselineDir, 'journal.sqlite'));
 * journal.load('nb').size; // 40: the outcomes recorded so far
 * journal.close();
 */
export class RunJournal {
  readonly #db: Database.Database;
  /** undefined for a read-only snapshot */
  readonly #insert: Database.Statement | undefined;
  readonly #path: string;
  /**
   * This run's id, recorded with each outcome and with its sending time: the time it opened
   * the journal, in ms since the epoch (one run at a time writes to a directory).
   */
  readonly run = Date.now();

  /**
   * Opens (or creates) a journal file.
   *
   * @param path - SQLite file, e.g. `<output>/journal.sqlite`
   * @param snapshot - internal: an already opened read-only copy (see {@link RunJournal.snapshot})
   * @throws EvaluationError `DAMAGED_FILE` when the file is not a SQLite database
   */
  constructor(path: string, snapshot?: Database.Database) {
    this.#path = path;
    if (snapshot !== undefined) {
      this.#db = snapshot;
      this.#insert = undefined;
      return;
    }
    makeRunFolder(dirname(path), 'output.dir');
    this.#db = new Database(path);
    try {
      this.#insert = this.#guard(() => this.#createTables());
    } catch (error) {
      this.#db.close();
      throw error;
    }
  }

  /**
   * Opens a journal for reading only, writing nothing in its directory (no `-wal`, `-shm` or
   * table created; see `openSqliteSnapshot`): what a dry run needs to say what a run would
   * resume. Its `record` and `recordIdentities` throw.
   *
   * @param path - the journal file
   * @returns the journal, or undefined when the file does not exist
   * @throws EvaluationError `DAMAGED_FILE` when the file is not a SQLite database
   * @example
   * const journal = RunJournal.snapshot('assay-out/demo/journal.sqlite');
   * journal?.close();
   */
  static snapshot(path: string): RunJournal | undefined {
    const db = explainDamage('run journal', path, JOURNAL_RECOVERY, () => {
      const opened = openSqliteSnapshot(path);
      try {
        // reading the schema is the first read: a file that is not a database fails here
        opened?.prepare('SELECT name FROM sqlite_master').all();
      } catch (error) {
        opened?.close();
        throw error;
      }
      return opened;
    });
    return db === undefined ? undefined : new RunJournal(path, db);
  }

  #writable(): Database.Statement {
    if (this.#insert === undefined) {
      throw new Error(`The run journal ${this.#path} was opened as a read-only snapshot.`);
    }
    return this.#insert;
  }

  #createTables(): Database.Statement {
    this.#db.pragma('journal_mode = WAL');
    this.#db.pragma('synchronous = NORMAL');
    this.#db.exec(`CREATE TABLE IF NOT EXISTS outcomes (
      model TEXT NOT NULL, key TEXT NOT NULL, status TEXT NOT NULL, text TEXT, score REAL,
      error_class TEXT, error_message TEXT, cached INTEGER NOT NULL, metrics TEXT NOT NULL,
      written_at TEXT NOT NULL, PRIMARY KEY (model, key))`);
    this.#db.exec(`CREATE TABLE IF NOT EXISTS identities (
      model TEXT PRIMARY KEY, identity TEXT NOT NULL, recorded_at TEXT NOT NULL)`);
    this.#db.exec(SENDING_TABLE);
    this.#db.exec(`CREATE TABLE IF NOT EXISTS data_source (
      id INTEGER PRIMARY KEY CHECK (id = 1), source TEXT NOT NULL, recorded_at TEXT NOT NULL)`);
    return this.#db.prepare(
      `INSERT OR REPLACE INTO outcomes VALUES (@model, @key, @status, @text, @score, @error_class,
       @error_message, @cached, @metrics, @written_at)`,
    );
  }

  /** Runs a read or write, naming this file when SQLite finds it damaged. */
  #guard<T>(work: () => T): T {
    return explainDamage('run journal', this.#path, JOURNAL_RECOVERY, work);
  }

  /**
   * The endpoint identity recorded for a model, if any.
   *
   * @param model - model name
   * @returns the identity its outcomes were recorded against, or undefined for a model this
   *   journal has not seen (or a journal written before identities were recorded)
   * @throws EvaluationError `DAMAGED_FILE` when the recorded identity is not readable
   */
  identity(model: string): EndpointIdentity | undefined {
    const row = this.#guard(() =>
      // a snapshot of a journal written before identities were recorded has no such table
      this.#hasTable('identities')
        ? this.#db.prepare('SELECT identity FROM identities WHERE model = ?').get(model)
        : undefined,
    ) as { identity: string } | undefined;
    if (row === undefined) return undefined;
    let value: unknown;
    try {
      value = JSON.parse(row.identity);
    } catch {
      value = undefined;
    }
    const parsed = EndpointIdentitySchema.safeParse(value);
    if (parsed.success) return parsed.data;
    throw new EvaluationError(
      'DAMAGED_FILE',
      `The run journal ${this.#path} is damaged (the endpoint identity of model '${model}' is unreadable); ${JOURNAL_RECOVERY}.`,
      { path: this.#path },
    );
  }

  /**
   * Records the endpoint identity of each model, replacing earlier ones, in one transaction.
   *
   * @param identities - model name → identity
   */
  recordIdentities(identities: ReadonlyMap<string, EndpointIdentity>): void {
    this.#writable();
    const put = this.#db.prepare('INSERT OR REPLACE INTO identities VALUES (?, ?, ?)');
    const at = new Date().toISOString();
    this.#guard(() =>
      this.#db.transaction(() => {
        for (const [model, identity] of identities) put.run(model, canonicalJson(identity), at);
      })(),
    );
  }

  /** Whether the database has the table (a snapshot of an older journal may lack it). */
  #hasTable(name: string): boolean {
    const sql = "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?";
    return this.#db.prepare(sql).get(name) !== undefined;
  }

  /**
   * The data source the journal's last run read its items from.
   *
   * @returns it, or undefined for a journal written before data sources were recorded (or
   *   one no run has recorded into yet)
   * @throws EvaluationError `DAMAGED_FILE` when the recorded source is not readable
   */
  dataSource(): DataSource | undefined {
    const row = this.#guard(() =>
      this.#hasTable('data_source')
        ? this.#db.prepare('SELECT source FROM data_source WHERE id = 1').get()
        : undefined,
    ) as { source: string } | undefined;
    if (row === undefined) return undefined;
    let value: unknown;
    try {
      value = JSON.parse(row.source);
    } catch {
      value = undefined;
    }
    const parsed = DataSourceSchema.safeParse(value);
    if (parsed.success) return parsed.data;
    throw new EvaluationError(
      'DAMAGED_FILE',
      `The run journal ${this.#path} is damaged (its data source is unreadable); ${JOURNAL_RECOVERY}.`,
      { path: this.#path },
    );
  }

  /**
   * Records the data source this run reads its items from, replacing the one recorded before.
   *
   * @param source - the data set as `dataSourceOf` describes it
   */
  recordDataSource(source: DataSource): void {
    this.#writable();
    const at = new Date().toISOString();
    this.#guard(() =>
      this.#db
        .prepare('INSERT OR REPLACE INTO data_source VALUES (1, ?, ?)')
        .run(canonicalJson(source), at),
    );
  }

  /**
   * Whether the journal holds an answer of any model (failures alone do not count).
   *
   * @returns true when at least one request was answered
   */
  hasAnswers(): boolean {
    return this.#guard(
      () =>
        this.#hasTable('outcomes') &&
        this.#db.prepare("SELECT 1 FROM outcomes WHERE status = 'ok' LIMIT 1").get() !== undefined,
    );
  }

  /**
   * Every outcome recorded for a model, by request key.
   *
   * @param model - model name
   * @returns the recorded outcomes
   */
  load(model: string): Map<string, Outcome> {
    const rows = this.#guard(() =>
      this.#db.prepare('SELECT * FROM outcomes WHERE model = ?').all(model),
    ) as Row[];
    const out = new Map<string, Outcome>();
    for (const r of rows) {
      out.set(r.key, {
        model: r.model,
        key: r.key,
        status: r.status,
        text: r.text,
        score: r.score,
        errorClass: r.error_class,
        errorMessage: r.error_message,
        cached: r.cached === 1,
        ...(JSON.parse(r.metrics) as OutcomeMetrics),
        writtenAt: r.written_at,
      });
    }
    return out;
  }

  /**
   * When the latest outcome was recorded, of any model.
   *
   * @returns its ISO 8601 time, or undefined for a journal without outcomes
   * @throws EvaluationError `DAMAGED_FILE` when the file is not a sound database
   */
  lastWrittenAt(): string | undefined {
    const row = this.#guard(() =>
      // a snapshot of a journal no run has written to yet has no such table
      this.#hasTable('outcomes')
        ? this.#db.prepare('SELECT MAX(written_at) AS at FROM outcomes').get()
        : undefined,
    ) as { at: string | null } | undefined;
    return row?.at ?? undefined;
  }

  /**
   * Deletes every outcome recorded for a model (e.g. the failures of an endpoint the run
   * takes over, see `checkEndpointIdentities`).
   *
   * @param model - model name
   * @returns how many outcomes were deleted
   */
  forget(model: string): number {
    this.#writable();
    return this.#guard(() => {
      this.#db.prepare('DELETE FROM sending WHERE model = ?').run(model);
      return this.#db.prepare('DELETE FROM outcomes WHERE model = ?').run(model).changes;
    });
  }

  /**
   * Adds this run's sending of a model to its record of sending time.
   *
   * @param model - model name
   * @param s - the sending's wall time, the answers the service gave in it and their tokens
   */
  recordSending(model: string, s: Omit<SendingTime, 'runs'>): void {
    this.#writable();
    this.#guard(() => addSending(this.#db, model, this.run, s));
  }

  /**
   * The sending time of the earlier runs that answered some of the given outcomes (from the
   * service: cached answers and failures name no sending), added up.
   *
   * @param model - model name
   * @param outcomes - the outcomes a run reports
   * @returns the earlier runs' sending, or undefined when none is recorded (journals written
   *   before it was kept, runs killed before their sending ended)
   */
  earlierSending(model: string, outcomes: readonly Outcome[]): SendingTime | undefined {
    const runs = new Set<number>();
    for (const o of outcomes) {
      if (o.status === 'ok' && !o.cached && o.run !== undefined && o.run !== this.run)
        runs.add(o.run);
    }
    return this.#guard(() =>
      this.#hasTable('sending') ? sendingOfRuns(this.#db, model, [...runs]) : undefined,
    );
  }

  /**
   * Durably records one outcome (replacing an earlier one for the same request).
   *
   * @param o - the outcome
   */
  record(o: Outcome): void {
    const metrics: OutcomeMetrics = {
      ttftMs: o.ttftMs,
      tpotMs: o.tpotMs,
      e2eMs: o.e2eMs,
      inputTokens: o.inputTokens,
      outputTokens: o.outputTokens,
      costUsd: o.costUsd,
      retries: o.retries,
      // the score is P(positive label) as configured then: kept, so a rerun with another
      // positive label can tell (the journal's key is the request, which the label is not part of)
      ...(o.score !== null && o.scoreOf !== undefined ? { scoreOf: o.scoreOf } : {}),
      // kept so a failure report can name the statuses (404 and 500 call for different fixes)
      ...(o.httpStatus === undefined ? {} : { httpStatus: o.httpStatus }),
      // kept so a resumed run still warns when the service answered with another model
      ...(o.servedModel === undefined ? {} : { servedModel: o.servedModel }),
      run: this.run,
    };
    const insert = this.#writable();
    // guarded: a journal made read-only mid-run (a stale -shm) is named, not a bare SQLite error
    this.#guard(() =>
      insert.run({
        model: o.model,
        key: o.key,
        status: o.status,
        text: o.text,
        score: o.score,
        error_class: o.errorClass,
        error_message: o.errorMessage,
        cached: o.cached ? 1 : 0,
        metrics: JSON.stringify(metrics),
        written_at: new Date().toISOString(),
      }),
    );
  }

  /** Closes the database (checkpointing the WAL). */
  close(): void {
    this.#db.close();
  }
}
