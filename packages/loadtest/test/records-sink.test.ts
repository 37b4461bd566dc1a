import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import {
  droppedRecord,
  LoadTestError,
  openRecordsSink,
  RecordStore,
  readRecords,
  recordsFormatOf,
  writeRecords,
} from '../src/index.js';

const dir = mkdtempSync(join(tmpdir(), 'assay-records-sink-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('records file names', () => {
  test('the format goes by the extension in any case', () => {
    expect(recordsFormatOf('a/records.jsonl')).toBe('jsonl');
    expect(recordsFormatOf('a/Records.JSONL')).toBe('jsonl');
    expect(recordsFormatOf('r.Arrow')).toBe('arrow');
    expect(recordsFormatOf('r.json')).toBeUndefined();
    expect(recordsFormatOf('jsonl')).toBeUndefined();
  });

  test.each(['R.JSONL', 'R.ARROW'])(
    '%s is written, streamed and read back as its format',
    async (name) => {
      const path = join(dir, name);
      const records = [droppedRecord({ origin: 0, step: 0 }, 0, false, 5)];
      await writeRecords(path, records);
      expect(await readRecords(path)).toEqual(records);
      const sink = openRecordsSink(join(dir, `streamed-${name}`));
      sink.write(records[0]!);
      await sink.close();
      expect(await readRecords(join(dir, `streamed-${name}`))).toEqual(records);
    },
  );
});

describe('openRecordsSink', () => {
  test('a .jsonl file that cannot be opened is an INVALID_OPTION naming --records, at once', () => {
    const folder = join(dir, 'a-folder.jsonl');
    mkdirSync(folder);
    const file = join(dir, 'a-file');
    writeFileSync(file, '');
    for (const path of [folder, join(file, 'records.jsonl')]) {
      try {
        openRecordsSink(path);
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(LoadTestError);
        expect((error as LoadTestError).code).toBe('INVALID_OPTION');
        expect((error as LoadTestError).path).toBe('--records');
        expect((error as LoadTestError).message).toMatch(
          new RegExp(
            `^--records '${path}' cannot be opened for writing \\(E[A-Z]+: .*\\); pass a writable path\\.$`,
          ),
        );
      }
    }
  });

  test('an .arrow sink given the run store writes that store at close and keeps no copy', async () => {
    const store = new RecordStore();
    const path = join(dir, 'shared.arrow');
    const sink = openRecordsSink(path, store);
    const records = [0, 1, 2].map((i) => droppedRecord({ origin: 0, step: 0 }, i, false, i));
    // the run pushes into the store and hands each record to the sink as well
    for (const r of records) {
      store.push(r);
      sink.write(r);
    }
    expect(store.length).toBe(3);
    await sink.close();
    expect(await readRecords(path)).toEqual(records);
  });
});
