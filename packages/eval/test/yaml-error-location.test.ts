import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EvaluationError, loadRunConfig } from '../src/index.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'assay-yaml-error-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The message `loadRunConfig` refuses a YAML file with these contents with. */
async function refusal(name: string, text: string): Promise<string> {
  const path = join(dir, name);
  writeFileSync(path, text);
  const error = await loadRunConfig(path).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(EvaluationError);
  expect((error as EvaluationError).code).toBe('UNREADABLE_FILE');
  return (error as Error).message;
}

// A trial's `name: x` followed by `  foo: : bar` was reported at "line 1, column 7", the
// value that is fine, not the indented line 2 that YAML cannot read.
describe('a YAML configuration that does not parse', () => {
  it('names the indented line after a value as the fault, not the value before it', async () => {
    const message = await refusal('run-on.yaml', 'name: x\n  foo: : bar\n');
    expect(message).toBe(
      `The run configuration '${join(dir, 'run-on.yaml')}' is not valid YAML: line 2, column 3: this line is indented under line 1 ('name: x'), whose value is already written, so YAML reads it as more of that value, and its ':' then makes a key of both lines, which YAML does not allow. Indent it as line 1 is to make it a key of its own, or remove the value on line 1 to nest it under that key:\n\nname: x\n  foo: : bar\n  ^\n`,
    );
  });

  it('finds the indented line past a blank line, deeper in the file', async () => {
    const text = 'name: x\ntask:\n  type: classification\n\n    labels: [spam, ham]\n';
    const message = await refusal('nested.yaml', text);
    expect(message).toContain(
      "is not valid YAML: line 5, column 5: this line is indented under line 3 ('type: classification')",
    );
    expect(message).not.toContain('line 3, column');
  });

  it('names the misindented line after a comment, not the comment YAML names', async () => {
    const text = 'name: x\n# a comment\n  foo: bar\ndataset:\n  builtin: spam-assassin\n';
    const message = await refusal('comment.yaml', text);
    expect(message).toBe(
      `The run configuration '${join(dir, 'comment.yaml')}' is not valid YAML: line 3, column 3: this line is indented as no key before it is, and all the keys of one mapping must start at the same column. Indent it as the key it belongs beside, or under a key with no value to nest it:\n\nname: x\n# a comment\n  foo: bar\n  ^\n`,
    );
  });

  it("keeps the yaml package's own place for other errors", async () => {
    const message = await refusal('unclosed.yaml', 'name: x\ntask: [classification\nmodels: []\n');
    expect(message).toMatch(/is not valid YAML: Flow sequence .* at line 3, column 1:/);
  });
});
