import { describe, expect, it } from 'vitest';
import { type DocExample, docExamples, importSources } from './doc-example-extract.js';
import { expectShown, VALUE_START } from './doc-example-shown-values.js';

/*
 * Runs every TSDoc `@example` of a package's src/ and checks the values it shows:
 * `statement; // VALUE remark`, or `statement;` with `// VALUE remark` on the next line. What a
 * VALUE may be, and how it is compared, is in doc-example-shown-values.ts. A statement that
 * starts with a declaration or control keyword is never checked (`const x = f(); // 2` shows
 * nothing to check), and a comment that does not start like a value is a remark. Examples run as
 * async function bodies, so they may `await`; one that checks no value fails.
 */

export type { DocExample } from './doc-example-extract.js';
export { docExamples, importSources } from './doc-example-extract.js';
export { expectShown } from './doc-example-shown-values.js';

const NOT_CHECKED = '(?!(?:const|let|var|if|for|while|do|switch|return|throw|else|try|catch)\\b)';
/** `expr; // VALUE…`: a statement whose value is shown. */
const SHOWN = new RegExp(
  `^(?<indent>\\s*)${NOT_CHECKED}(?<expr>[\\w$[(].*?);\\s*\\/\\/\\s*(?<shown>.*)$`,
);
/** `// VALUE…` alone on a line: the value of the statement on the line before. */
const SHOWN_ALONE = /^\s*\/\/\s*(?<shown>.*)$/;
const STATEMENT = new RegExp(`^(?<indent>\\s*)${NOT_CHECKED}(?<expr>[\\w$[(].*);\\s*$`);

/**
 * The example as the body of an async function: every statement whose value is shown becomes
 * `check(value, shown, where)`; comments that show no value stay comments.
 */
export function instrumentExample(example: DocExample): string {
  const lines = example.code.split('\n');
  const out: string[] = [];
  lines.forEach((line, k) => {
    const call = (indent: string, expr: string, shown: string) =>
      `${indent}check(${expr}, ${JSON.stringify(shown)}, ${JSON.stringify(`${example.where} +${k + 1}`)});`;
    const m = SHOWN.exec(line);
    if (m?.groups && VALUE_START.test(m.groups.shown!)) {
      out.push(call(m.groups.indent!, m.groups.expr!, m.groups.shown!));
      return;
    }
    const alone = SHOWN_ALONE.exec(line);
    const previous = STATEMENT.exec(lines[k - 1] ?? '');
    if (alone?.groups && previous?.groups && VALUE_START.test(alone.groups.shown!)) {
      out[out.length - 1] = call(
        previous.groups.indent!,
        previous.groups.expr!,
        alone.groups.shown!,
      );
      out.push('');
      return;
    }
    out.push(line);
  });
  return out.join('\n');
}

const AsyncFunction = (async () => {}).constructor as new (
  ...argsAndBody: string[]
) => (...args: unknown[]) => Promise<unknown>;

/**
 * Runs one example as an async function body (so `await` may be used) with the names of `scope`
 * in reach, and returns how many shown values it checked.
 */
export async function runExample(
  example: DocExample,
  scope: Readonly<Record<string, unknown>>,
): Promise<number> {
  let checked = 0;
  const check = (actual: unknown, shown: string, where: string) => {
    checked++;
    expectShown(actual, shown, where);
  };
  // a module's `default` export cannot be a parameter name
  const names = Object.keys(scope).filter((n) => /^[A-Za-z_$][\w$]*$/.test(n) && n !== 'default');
  const run = new AsyncFunction(...names, 'check', instrumentExample(example));
  await run(...names.map((n) => scope[n]), check);
  return checked;
}

/** What {@link describeDocExamples} checks in one package. */
export interface DocExamplesOptions {
  /** the package's src/ folder */
  readonly srcDir: URL;
  /** the package's runtime exports (`import * as pkg from '../src/index.js'`), all entries */
  readonly exports: Readonly<Record<string, unknown>>;
  /**
   * Exports whose @example is not run, or that have none, each with a one-line reason
   * (a constant, an example that needs files or a pool, ...).
   */
  readonly excluded?: Readonly<Record<string, string>>;
  /**
   * Put the exports of every module under src/ in reach of the examples (so the examples of
   * functions a module exports but the package does not run too); a name that several modules
   * export is the example's own module's, else the package's.
   */
  readonly everyModule?: boolean;
  /**
   * More names in reach of the examples: helpers they use (e.g. `vectorFromArray`), the functions
   * of modules that are exported from their module but not from the package (whose examples then
   * run too), or data to show. A function is called anew for each example (fresh fixtures).
   */
  readonly scope?: Readonly<Record<string, unknown>> | (() => Readonly<Record<string, unknown>>);
}

/**
 * The doc-examples test of a package: every export has an @example (or an excluded reason),
 * and every @example of an exported function, class or constant under src/ runs and shows true
 * values.
 */
export function describeDocExamples(title: string, options: DocExamplesOptions): void {
  const { srcDir, exports, excluded = {}, everyModule = false, scope: extra = {} } = options;
  const examples = docExamples(srcDir);
  const run = examples.filter((e) => !Object.hasOwn(excluded, e.documents));
  let modules: Promise<Map<string, Record<string, unknown>>> | undefined;

  /** The names in reach of an example of `file`. */
  const scopeOf = async (file: string): Promise<Record<string, unknown>> => {
    const more = typeof extra === 'function' ? extra() : extra;
    if (!everyModule) return { ...exports, ...more };
    modules ??= importSources(srcDir);
    const all: Record<string, unknown> = {};
    for (const moduleExports of (await modules).values()) Object.assign(all, moduleExports);
    return { ...all, ...exports, ...(await modules).get(file), ...more };
  };

  describe(title, () => {
    it('every export has an @example or is excluded with a reason', () => {
      const documented = examples.map((e) => e.documents).filter((n) => Object.hasOwn(exports, n));
      expect([...new Set([...documented, ...Object.keys(excluded)])].sort()).toEqual(
        Object.keys(exports).sort(),
      );
      for (const [name, reason] of Object.entries(excluded)) expect(reason, name).not.toBe('');
    });

    it('every @example documents a name the examples can reach', async () => {
      const unreachable: string[] = [];
      for (const e of run)
        if (!Object.hasOwn(await scopeOf(e.file), e.documents)) unreachable.push(e.where);
      expect(unreachable).toEqual([]);
    });

    it.each(run)(
      'the @example of $documents ($where) runs and shows its values',
      async (example) => {
        expect(await runExample(example, await scopeOf(example.file))).toBeGreaterThan(0);
      },
    );
  });
}
