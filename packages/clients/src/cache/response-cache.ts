import Database from 'better-sqlite3';
import type { Cost, TokenLogprob, Usage } from '../completion.js';

/** What the cache stores for a completion: the answer and a timing summary, never headers or keys. */
export interface CachedCompletion {
  readonly text: string;
  readonly reasoning?: string | undefined;
  readonly finishReason: string;
  readonly logprobs?: TokenLogprob[] | undefined;
  readonly usage: Usage;
  readonly cost?: Cost | undefined;
  /** Timings of the original request, ms. */
  readonly timing: {
    readonly ttftMs?: number | undefined;
    readonly tpotMs?: number | undefined;
    readonly e2eLatencyMs?: number | undefined;
  };
  readonly provider: string;
  readonly model: string;
  /** The model id the service said answered (absent in entries written before it was kept). */
  readonly servedModel?: string | undefined;
}

/** Options of {@link ResponseCache}. */
export interface ResponseCacheOptions {
  /**
   * SQLite `synchronous` level in WAL mode (default `'NORMAL'`).
   *
   * @remarks
   * With WAL, `NORMAL` makes every committed entry survive a process crash (`kill -9`):
   * the commit is in the WAL file in the OS page cache before `put` returns, and is
   * replayed on the next open. Only a power loss or OS crash can lose the last commits
   * (never corrupting the file). `FULL` fsyncs the WAL on every commit, so entries also
   * survive power loss, at the cost of one fsync per `put`. A cache entry lost to a power
   * cut costs one repeated request, so `NORMAL` is the default.
   */
  readonly synchronous?: 'NORMAL' | 'FULL';
}

/**
 * An on-disk response cache: SQLite (better-sqlite3) in WAL mode, keyed by {@link cacheKey}.
 *
 * @remarks
 * Only successful completions are put. Several processes may share one file (WAL readers
 * do not block the writer; writers wait up to 5 s for the lock).
 *
 * @example
 * ```ts
 * const cache = new ResponseCache(':memory:'); // or a file, e.g. '.assay/cache.sqlite'
 * const client = createClient({ provider: 'openai-chat', baseUrl, model: 'assay-spam-nb' }, { cache });
 * const request = { prompt: 'WIN A FREE PRIZE NOW!!!', params: { temperature: 0 } };
 * (await client.complete(request)).cached; // false (sent over HTTP)
 * (await client.complete(request)).cached; // true
 * cache.size; // 1
 * await client.close();
 * cache.close();
 * ```
 */
export class ResponseCache {
  readonly #db: Database.Database;
  readonly #get: Database.Statement<[string], { value: string }>;
  readonly #put: Database.Statement<[string, string, string, number, string]>;
  readonly #count: Database.Statement<[], { n: number }>;

  /**
   * @param path - SQLite file path (created if missing), or `':memory:'`
   * @param options - durability level
   */
  constructor(path: string, options: ResponseCacheOptions = {}) {
    this.#db = new Database(path);
    this.#db.pragma('journal_mode = WAL');
    this.#db.pragma(`synchronous = ${options.synchronous === 'FULL' ? 'FULL' : 'NORMAL'}`);
    this.#db.pragma('busy_timeout = 5000');
    this.#db.exec(
      `CREATE TABLE IF NOT EXISTS responses (
         key TEXT PRIMARY KEY,
         provider TEXT NOT NULL,
         model TEXT NOT NULL,
         created_at INTEGER NOT NULL,
         value TEXT NOT NULL
       ) WITHOUT ROWID`,
    );
    this.#get = this.#db.prepare('SELECT value FROM responses WHERE key = ?');
    this.#put = this.#db.prepare(
      'INSERT OR REPLACE INTO responses (key, provider, model, created_at, value) VALUES (?, ?, ?, ?, ?)',
    );
    this.#count = this.#db.prepare('SELECT count(*) AS n FROM responses');
  }

  /**
   * The entry under `key`, or undefined.
   *
   * @param key - a {@link cacheKey}
   * @returns the stored completion, or undefined when there is none
   */
  get(key: string): CachedCompletion | undefined {
    const row = this.#get.get(key);
    return row === undefined ? undefined : (JSON.parse(row.value) as CachedCompletion);
  }

  /**
   * Stores `entry` under `key`, replacing any entry there; committed (crash-safe) when this returns.
   *
   * @param key - a {@link cacheKey}
   * @param entry - the completion to store
   */
  put(key: string, entry: CachedCompletion): void {
    this.#put.run(key, entry.provider, entry.model, Date.now(), JSON.stringify(entry));
  }

  /** Number of entries. */
  get size(): number {
    return this.#count.get()!.n;
  }

  /** Runs `PRAGMA integrity_check`; returns `'ok'` for a sound file. */
  integrityCheck(): string {
    const rows = this.#db.pragma('integrity_check') as Array<{ integrity_check: string }>;
    return rows.map((r) => r.integrity_check).join('; ');
  }

  /** Closes the database. */
  close(): void {
    if (this.#db.open) this.#db.close();
  }
}
