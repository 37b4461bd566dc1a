import { describe, expect, test } from 'vitest';
import { assay } from './cli-process.js';

const COMMANDS = ['score', 'run', 'demo', 'init', 'tune', 'loadtest', 'compare'];
// what a command needs before commander looks at the flags (score's required options)
const NEEDS: Record<string, string[]> = { score: ['f.csv', '--y-true', 'a', '--y-pred', 'b'] };

describe('usage errors', () => {
  test.each(COMMANDS)(
    'an unknown flag of assay %s exits 2 (bad input), never 1 (a failed gate)',
    async (command) => {
      const { code, stderr } = await assay([command, ...(NEEDS[command] ?? []), '--no-such-flag']);
      expect(stderr).toContain("unknown option '--no-such-flag'");
      expect(code).toBe(2);
    },
  );

  test('a bad flag value, a missing argument and an unknown command exit 2', async () => {
    const badValue = await assay(['compare', 'a', 'b', '--margin', 'abc']);
    expect(badValue.stderr).toContain('--margin');
    expect(badValue.code).toBe(2);
    const missing = await assay(['compare', 'a']);
    expect(missing.stderr).toContain("missing required argument 'candidate'");
    expect(missing.code).toBe(2);
    const unknown = await assay(['no-such-command']);
    expect(unknown.stderr).toContain("unknown command 'no-such-command'");
    expect(unknown.code).toBe(2);
  });

  test('a mistyped choice exits 2 naming the choices and the one it most likely meant', async () => {
    const cases: [string[], string][] = [
      [['score', ...NEEDS.score!, '--task', 'clasification'], 'Did you mean "classification"?'],
      [['score', ...NEEDS.score!, '--task', 'Regression'], 'Did you mean "regression"?'],
      [['score', ...NEEDS.score!, '--input-format', 'json'], 'Did you mean "jsonl"?'],
      [['compare', 'a', 'b', '--fail-on', 'regresion'], 'Did you mean "regression"?'],
      [['score', ...NEEDS.score!, '--cv', 'kfold5'], 'did you mean "kfold:5"?'],
      [
        ['score', ...NEEDS.score!, '--cv', 'stratified_group:3'],
        'did you mean "stratified-group:3"?',
      ],
    ];
    for (const [args, hint] of cases) {
      const { code, stderr } = await assay(args);
      if (!args.includes('--cv')) expect(stderr, args.join(' ')).toContain('Allowed choices are');
      expect(stderr, args.join(' ')).toContain(hint);
      expect(code).toBe(2);
    }
    // nothing close: the choices alone
    const far = await assay(['score', ...NEEDS.score!, '--format', 'yaml']);
    expect(far.stderr).toContain('Allowed choices are table, json, md.');
    expect(far.stderr).not.toContain('Did you mean');
  });

  test('--help and --version still exit 0', async () => {
    for (const args of [['--help'], ['--version'], ['run', '--help'], ['loadtest', '--help']]) {
      expect((await assay(args)).code).toBe(0);
    }
  });

  test.each(['score', 'loadtest'])(
    'every multi-line example of assay %s --help continues its line with a backslash',
    async (command) => {
      const { stdout } = await assay([command, '--help']);
      const examples = stdout.slice(stdout.indexOf('Examples:'));
      const lines = examples.split('\n');
      lines.forEach((line, i) => {
        // a continuation line is indented under its command; the line before must end in \
        if (/^ {6}--/.test(line)) expect(lines[i - 1]).toMatch(/ \\$/);
        // a lost backslash joins two lines with a run of spaces inside one command
        if (line.includes('$ assay')) expect(line).not.toMatch(/\S {3,}--/);
      });
    },
  );
});
