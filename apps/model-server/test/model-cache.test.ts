import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import {
  loadOrTrainSpamModel,
  ModelServerError,
  parseSpamModel,
  predictSpam,
  serializeSpamModel,
  startModelServer,
  trainSpamModel,
} from '../src/index.js';
import { chatBody, post, SAMPLE } from './support/http.js';

const dir = mkdtempSync(join(tmpdir(), 'assay-model-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('a serialized model predicts exactly like the original', () => {
  const model = trainSpamModel();
  const copy = parseSpamModel(serializeSpamModel(model));
  expect(copy.weights.size).toBe(model.weights.size);
  for (const email of [SAMPLE.spam, SAMPLE.ham]) {
    expect(predictSpam(copy, email)).toEqual(predictSpam(model, email));
  }
});

test('loadOrTrainSpamModel writes the cache once and reads it back', () => {
  const path = join(dir, 'model.json');
  const first = loadOrTrainSpamModel(path);
  const written = readFileSync(path, 'utf8');
  const second = loadOrTrainSpamModel(path);
  expect(readFileSync(path, 'utf8')).toBe(written);
  expect(second).not.toBe(first);
  expect(predictSpam(second, SAMPLE.spam).logit).toBe(predictSpam(first, SAMPLE.spam).logit);
});

test('a corrupt cache file is a ModelServerError naming the field', () => {
  const path = join(dir, 'bad.json');
  writeFileSync(
    path,
    JSON.stringify({ version: 1, kind: 'boolean-multinomial-nb', groups: ['spam-9'] }),
  );
  expect(() => loadOrTrainSpamModel(path)).toThrow(ModelServerError);
  expect(() => loadOrTrainSpamModel(path)).toThrow(/field 'groups.0'/);
  writeFileSync(path, '{nope');
  expect(() => loadOrTrainSpamModel(path)).toThrow(/not JSON/);
});

test('startModelServer serves a model passed in', async () => {
  const model = parseSpamModel(serializeSpamModel(trainSpamModel()));
  const server = await startModelServer({ model });
  try {
    const reply = await post(`${server.baseUrl}/chat/completions`, chatBody(SAMPLE.spam));
    expect(JSON.parse(reply.text).choices[0].message.content).toBe('spam');
  } finally {
    await server.close();
  }
});

test('startModelServer rejects a bad port naming the option', async () => {
  await expect(startModelServer({ port: 70_000 })).rejects.toThrow(/options\.port/);
});
