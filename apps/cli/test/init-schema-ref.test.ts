import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { schemaRef } from '../src/init/schema-ref.js';

const SCHEMA = '/work/main/packages/eval/schema/run-config.schema.json';

describe('the $schema a starter configuration names', () => {
  it('is relative to the file when the two share a top-level folder', () => {
    for (const file of ['/work/main/assay.yaml', '/work/evals/a/b.yaml', '/work/x.yaml']) {
      const ref = schemaRef(file, SCHEMA);
      expect(ref).toMatch(/^\.\.?\//);
      expect(resolve(dirname(file), ref)).toBe(SCHEMA);
    }
  });

  it('is the schema file URL when only the root is shared, never a path climbing to /', () => {
    const ref = schemaRef('/tmp/evals/assay.yaml', SCHEMA);
    expect(ref).toBe('file:///work/main/packages/eval/schema/run-config.schema.json');
    expect(fileURLToPath(ref)).toBe(SCHEMA);
  });

  it('reads a relative file name from the working folder', () => {
    const ref = schemaRef('assay.yaml', SCHEMA);
    expect(
      resolve(dirname(resolve('assay.yaml')), ref.startsWith('file:') ? fileURLToPath(ref) : ref),
    ).toBe(SCHEMA);
  });
});
