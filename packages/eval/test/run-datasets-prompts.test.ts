import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRng } from '@assay/splitters';
import { tableFromArrays, tableToIPC } from 'apache-arrow';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AnswerSpec,
  buildMessages,
  type DatasetItem,
  EvaluationError,
  loadFileDataset,
  loadSpamAssassin,
  parseAnswer,
  parseRunConfig,
  pickFewShot,
  promptHash,
  regressionAnswer,
  renderTemplate,
  stratifiedSample,
} from '../src/index.js';

const ids = ['a', 'b', 'c', 'd'];
const bodies = ['buy now', 'see you at lunch', 'cheap pills, "quoted"', 'minutes of the meeting'];
const labels = ['spam', 'ham', 'spam', 'ham'];
const sources = ['x', 'x', 'y', 'y'];
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'assay-datasets-'));
  const rows = ids.map((id, i) => ({ id, body: bodies[i], y: labels[i], src: sources[i] }));
  writeFileSync(join(dir, 'd.jsonl'), rows.map((r) => JSON.stringify(r)).join('\n'));
  writeFileSync(join(dir, 'd.json'), JSON.stringify(rows));
  writeFileSync(
    join(dir, 'd.csv'),
    `id,body,y,src\n${rows.map((r) => `${r.id},"${r.body!.replace(/"/g, '""')}",${r.y},${r.src}`).join('\n')}\n`,
  );
  writeFileSync(
    join(dir, 'd.arrow'),
    tableToIPC(tableFromArrays({ id: ids, body: bodies, y: labels, src: sources }), 'file'),
  );
  const parquet = parquetWriteBuffer({
    columnData: [
      { name: 'id', data: ids },
      { name: 'body', data: bodies },
      { name: 'y', data: labels },
      { name: 'src', data: sources },
    ],
  });
  writeFileSync(join(dir, 'd.parquet'), new Uint8Array(parquet));
  writeFileSync(
    join(dir, 'dup.jsonl'),
    '{"id":"a","text":"x","label":"spam"}\n{"id":"a","text":"y","label":"ham"}\n',
  );
  writeFileSync(join(dir, 'nolabel.jsonl'), '{"id":"a","text":"x"}\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('file datasets', () => {
  it.each(['d.jsonl', 'd.json', 'd.csv', 'd.arrow', 'd.parquet'])(
    '%s maps id, text, label and group',
    async (name) => {
      const items = await loadFileDataset(join(dir, name), {
        columns: { id: 'id', text: 'body', label: 'y', group: 'src' },
        requireLabel: true,
      });
      expect(items.map((i) => i.id)).toEqual(ids);
      expect(items.map((i) => i.fields.text)).toEqual(bodies);
      expect(items.map((i) => i.label)).toEqual(labels);
      expect(items.map((i) => i.group)).toEqual(sources);
      expect(items.map((i) => i.index)).toEqual([0, 1, 2, 3]);
    },
  );

  it('refuses numeric references in Arrow and Parquet as in JSONL, naming the row and the string to write', async () => {
    const numbers = [5, 6, 7, 8];
    writeFileSync(
      join(dir, 'num.arrow'),
      tableToIPC(
        tableFromArrays({ id: ids, body: bodies, ref: Float64Array.from(numbers) }),
        'file',
      ),
    );
    writeFileSync(
      join(dir, 'num.parquet'),
      new Uint8Array(
        parquetWriteBuffer({
          columnData: [
            { name: 'id', data: ids },
            { name: 'body', data: bodies },
            { name: 'ref', data: numbers, type: 'INT32' },
          ],
        }),
      ),
    );
    writeFileSync(
      join(dir, 'num.jsonl'),
      ids.map((id, i) => JSON.stringify({ id, body: bodies[i], ref: numbers[i] })).join('\n'),
    );
    for (const name of ['num.arrow', 'num.parquet', 'num.jsonl']) {
      await expect(
        loadFileDataset(join(dir, name), {
          columns: { id: 'id', text: 'body', reference: 'ref' },
          requireLabel: false,
        }),
      ).rejects.toMatchObject({
        code: 'MISSING_VALUE',
        path: 'dataset.columns.reference',
        message: expect.stringMatching(
          /^Data row 1 of .* the number 5 in the reference column 'ref'.*"5"/,
        ),
      });
    }
  });

  it('names the row and column that is missing, and rejects duplicate ids', async () => {
    await expect(
      loadFileDataset(join(dir, 'nolabel.jsonl'), { requireLabel: true }),
    ).rejects.toMatchObject({
      code: 'MISSING_COLUMN',
      path: 'dataset.columns.label',
      message: expect.stringMatching(/Data row 1 .* no column 'label'/),
    });
    await expect(
      loadFileDataset(join(dir, 'dup.jsonl'), { requireLabel: true }),
    ).rejects.toMatchObject({
      code: 'MISSING_VALUE',
      message: expect.stringMatching(/duplicate \('a'\) id/),
    });
    await expect(loadFileDataset(join(dir, 'none.jsonl'))).rejects.toMatchObject({
      code: 'FILE_NOT_FOUND',
    });
    writeFileSync(join(dir, 'd.txt'), 'x');
    await expect(loadFileDataset(join(dir, 'd.txt'))).rejects.toMatchObject({
      code: 'UNKNOWN_FORMAT',
      path: 'dataset.format',
    });
  });

  it('a CSV data set with an invalid UTF-8 byte or a ragged row gets one clean error naming the file and line', async () => {
    const latin1 = join(dir, 'latin1.csv');
    writeFileSync(
      latin1,
      Buffer.concat([
        Buffer.from('id,text,label\na,hi,ham\nb,h'),
        Buffer.from([0xe9]),
        Buffer.from(',spam\n'),
      ]),
    );
    await expect(loadFileDataset(latin1, { requireLabel: true })).rejects.toMatchObject({
      name: 'EvaluationError',
      code: 'UNREADABLE_FILE',
      path: 'dataset.path',
      message: expect.stringMatching(
        /latin1\.csv is not valid UTF-8: line 3, byte offset 26 \(0xe9\)/,
      ),
    });
    const ragged = join(dir, 'ragged.csv');
    writeFileSync(ragged, 'id,text,label\na,hi,ham\nb,hello,spam,extra\n');
    await expect(loadFileDataset(ragged, { requireLabel: true })).rejects.toMatchObject({
      name: 'EvaluationError',
      code: 'RAGGED_ROW',
      message: expect.stringMatching(
        /ragged\.csv' cannot be read as CSV at line 3: .*as many fields as the header/,
      ),
    });
  });
});

describe('built-in SpamAssassin', () => {
  it('defaults to the held-out groups with labels from the group', () => {
    const items = loadSpamAssassin();
    expect(new Set(items.map((i) => i.group))).toEqual(new Set(['easy-ham-2', 'spam-2']));
    expect(items.length).toBeGreaterThan(2500);
    expect(items.every((i) => i.label === (i.group!.startsWith('spam') ? 'spam' : 'ham'))).toBe(
      true,
    );
    expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
  });
});

function item(id: string, label: string, text = `text ${id}`): DatasetItem {
  return { id, index: 0, fields: { id, text }, label, group: undefined, reference: undefined };
}

describe('sampling and few-shot', () => {
  const items = [
    ...Array.from({ length: 70 }, (_, i) => item(`h${i}`, 'ham')),
    ...Array.from({ length: 30 }, (_, i) => item(`s${i}`, 'spam')),
  ];

  it('stratified sample keeps label shares, is seeded and keeps dataset order', () => {
    const rng = createRng(5);
    const s = stratifiedSample(items, 20, () => rng.nextFloat());
    expect(s).toHaveLength(20);
    expect(s.filter((i) => i.label === 'ham')).toHaveLength(14);
    expect(s.map((i) => items.indexOf(i))).toEqual(
      [...s.map((i) => items.indexOf(i))].sort((a, b) => a - b),
    );
    const again = createRng(5);
    expect(stratifiedSample(items, 20, () => again.nextFloat())).toEqual(s);
    expect(stratifiedSample(items, 500, () => 0)).toHaveLength(100);
  });

  it('few-shot examples alternate labels and are distinct', () => {
    const rng = createRng(1);
    const ex = pickFewShot(items, 4, () => rng.nextFloat());
    expect(ex).toHaveLength(4);
    expect(ex.filter((e) => e.label === 'spam')).toHaveLength(2);
    expect(new Set(ex.map((e) => e.id)).size).toBe(4);
    expect(pickFewShot(items, 0, () => 0)).toEqual([]);
  });
});

describe('prompts', () => {
  const spec = {
    system: 'Answer spam or ham.',
    template: 'Mail:\n{{text}}',
    fewShot: { answerTemplate: '{{label}}' },
  };

  it('builds system, few-shot turns and the item turn', () => {
    const msgs = buildMessages(
      item('q', 'ham', 'hello'),
      [item('e1', 'spam', 'buy'), item('e2', 'ham', 'hi')],
      spec,
    );
    expect(msgs).toEqual([
      { role: 'system', content: 'Answer spam or ham.' },
      { role: 'user', content: 'Mail:\nbuy' },
      { role: 'assistant', content: 'spam' },
      { role: 'user', content: 'Mail:\nhi' },
      { role: 'assistant', content: 'ham' },
      { role: 'user', content: 'Mail:\nhello' },
    ]);
    expect(promptHash(msgs)).toMatch(/^[0-9a-f]{16}$/);
    expect(promptHash(msgs)).not.toBe(promptHash(msgs.slice(1)));
  });

  it('names an unknown slot and truncates fields', () => {
    expect(() => renderTemplate('{{ subject }}', { text: 'x' })).toThrow(EvaluationError);
    expect(() => renderTemplate('{{ subject }}', { text: 'x' })).toThrow(
      /'\{\{subject\}\}' .* available: text/,
    );
    expect(renderTemplate('[{{text}}]', { text: 'abcdef' }, { maxFieldChars: 3 })).toBe('[abc]');
  });

  it('looks slots up among the own fields of the item, never the prototype chain', () => {
    for (const slot of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      expect(() => renderTemplate(`{{${slot}}}`, { text: 'x' })).toThrow(
        new RegExp(`'\\{\\{${slot}\\}\\}' .* available: text`),
      );
    }
    // a real column of that name still renders
    expect(renderTemplate('{{constructor}}', { constructor: 'c' } as Record<string, string>)).toBe(
      'c',
    );
  });
});

describe('answer extraction', () => {
  const labels = ['spam', 'ham', 'not spam'];
  const spec = (extract: AnswerSpec['extract'], pattern?: string): AnswerSpec => ({
    extract,
    pattern,
    caseSensitive: false,
    trim: true,
  });

  it.each([
    ['exact', '  SPAM ', 'spam'],
    ['exact', 'ham.', 'ham'],
    ['exact', 'spam, obviously', null],
    // naming two labels is no answer (this read as 'spam' before the negation rule)
    ['first-label', 'I think this is spam, not ham', null],
    ['first-label', 'This is not spam.', 'not spam'],
    ['first-label', 'Not sure, but spam', 'spam'],
    ['first-label', 'spam. Definitely spam', 'spam'],
    ['first-label', 'hamster wheel', null],
    ['first-label', 'no idea', null],
  ] as const)('%s(%j) → %j', (extract, text, expected) => {
    expect(parseAnswer(text, labels, spec(extract)).value).toBe(expected);
  });

  it('first-label: a negated label or several labels are unparseable, not a guess', () => {
    const binary = ['spam', 'ham'];
    for (const answer of [
      'This is not spam',
      "It isn't spam.",
      'I cannot decide between spam and ham',
      'Either spam or ham',
      'never HAM',
    ]) {
      expect(parseAnswer(answer, binary, spec('first-label')).value, answer).toBeNull();
    }
    expect(parseAnswer('Spam, not a ham', binary, spec('first-label')).value).toBeNull();
    expect(parseAnswer('Verdict: ham', binary, spec('first-label')).value).toBe('ham');
  });

  it('regex uses the first capture group, then matches a label', () => {
    expect(
      parseAnswer('Reasoning...\nAnswer: HAM', labels, spec('regex', 'answer:\\s*(\\w+)')).value,
    ).toBe('ham');
    expect(
      parseAnswer('Answer: maybe', labels, spec('regex', 'answer:\\s*(\\w+)')).value,
    ).toBeNull();
    expect(
      parseAnswer('no answer line', labels, spec('regex', 'answer:\\s*(\\w+)')).value,
    ).toBeNull();
  });

  it('case-sensitive matching when asked', () => {
    expect(parseAnswer('SPAM', labels, { ...spec('exact'), caseSensitive: true }).value).toBeNull();
  });

  it('extracts numbers for regression', () => {
    expect(parseAnswer('about 1,234.5 units', [], spec('number')).value).toBe('1234.5');
    expect(parseAnswer('-3e2', [], spec('number')).value).toBe('-300');
    expect(parseAnswer('none', [], spec('number')).value).toBeNull();
    // U+2212, the typographic minus, used to lose its sign
    expect(parseAnswer('\u221242', [], spec('number')).value).toBe('-42');
    expect(parseAnswer('1.5e\u22122', [], spec('number')).value).toBe('0.015');
    expect(parseAnswer('$1,500', [], spec('number')).value).toBe('1500');
    expect(parseAnswer('1,234,567.25 in all', [], spec('number')).value).toBe('1234567.25');
    expect(parseAnswer('-.5', [], spec('number')).value).toBe('-0.5');
    expect(parseAnswer('It costs 3.', [], spec('number')).value).toBe('3');
    // a decimal comma is no number (it read as 25), and no part of it is one either
    expect(parseAnswer('2,5', [], spec('number')).value).toBeNull();
    expect(parseAnswer('about 2,5 kg', [], spec('number')).value).toBeNull();
    expect(parseAnswer('1,23', [], spec('number')).value).toBeNull();
    expect(parseAnswer('version 2.0.1', [], spec('number')).value).toBeNull();
    // a list of numbers still gives its first
    expect(parseAnswer('3, 4 and 5', [], spec('number')).value).toBe('3');
  });

  it('regression reads the number in the regex capture, or the whole answer with exact', () => {
    const answer = 'Step 1: 12 + 30 = 42. Answer: 42';
    expect(regressionAnswer(answer, spec('number'))).toBe('1');
    expect(regressionAnswer(answer, spec('regex', 'answer:\\s*(.+)'))).toBe('42');
    expect(regressionAnswer('Answer: about \u22123.5 kg', spec('regex', 'answer:\\s*(.+)'))).toBe(
      '-3.5',
    );
    expect(regressionAnswer('Answer: unknown', spec('regex', 'answer:\\s*(.+)'))).toBeNull();
    expect(regressionAnswer('no line', spec('regex', 'answer:\\s*(.+)'))).toBeNull();
    expect(regressionAnswer(' 1,234.5 ', spec('exact'))).toBe('1234.5');
    expect(regressionAnswer('42 units', spec('exact'))).toBeNull();
  });

  it("refuses extract 'first-label' for a regression task, naming the ways to read a number", () => {
    expect(() =>
      parseRunConfig({
        name: 'r',
        dataset: { builtin: 'spam-assassin' },
        task: { type: 'regression', answer: { extract: 'first-label' } },
        prompt: { template: '{{text}}' },
        models: [
          { name: 'm', provider: 'openai-chat', baseUrl: 'http://127.0.0.1:1/v1', model: 'm' },
        ],
      }),
    ).toThrow(
      /task\.answer\.extract: extract 'first-label' reads one of a classification's labels; a regression answer is a number/,
    );
  });

  it('an answer section without extract reads a number for regression; a pattern needs extract regex', () => {
    const doc = (answer: Record<string, unknown>) => ({
      name: 'r',
      dataset: { builtin: 'spam-assassin' },
      task: { type: 'regression', answer },
      prompt: { template: '{{text}}' },
      models: [
        { name: 'm', provider: 'openai-chat', baseUrl: 'http://127.0.0.1:1/v1', model: 'm' },
      ],
    });
    const task = parseRunConfig(doc({ trim: false })).task;
    expect(task.type === 'regression' && task.answer.extract).toBe('number');
    expect(() => parseRunConfig(doc({ pattern: 'Answer:\\s*(.+)' }))).toThrow(
      /task\.answer\.pattern: pattern applies to extract 'regex' only, and extract is 'number' \(the default for regression\)/,
    );
  });
});
