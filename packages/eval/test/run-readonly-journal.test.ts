import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { EvaluationError } from '../src/index.js';
import { explainDamage } from '../src/run/damaged-file.js';

const dir = mkdtempSync(join(tmpdir(), 'assay-readonly-journal-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The error SQLite gives for a write it may not make (as with a stale read-only -shm). */
function readOnlyWrite(path: string): () => void {
  const db = new Database(path);
  db.exec('CREATE TABLE t (a)');
  db.close();
  return () => {
    const ro = new Database(path, { readonly: true });
    try {
      ro.exec('INSERT INTO t VALUES (1)');
    } finally {
      ro.close();
    }
  };
}

describe('a journal SQLite may not write', () => {
  it('is named with its -wal and -shm files and the fix, not a bare "readonly database"', () => {
    const path = join(dir, 'journal.sqlite');
    const write = readOnlyWrite(path);
    let error: unknown;
    try {
      explainDamage('run journal', path, 'unused', write);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(EvaluationError);
    expect((error as EvaluationError).code).toBe('DAMAGED_FILE');
    expect((error as EvaluationError).path).toBe(path);
    // every file is writable by this user here (the handle was opened read-only): all three are named
    expect((error as Error).message).toBe(
      `The run journal ${path} cannot be written (attempt to write a readonly database): journal.sqlite, journal.sqlite-wal or journal.sqlite-shm is read-only or belongs to another user; make all three writable by this user (chmod u+w, or chown), or a stale journal.sqlite-shm (SQLite rebuilds it) may also be deleted when no run uses the directory, and run again.`,
    );
  });
});
