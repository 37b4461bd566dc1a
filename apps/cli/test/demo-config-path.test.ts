import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { DEMO_EXAMPLES, defaultDemoConfig, demoConfigPath } from '../src/commands/demo.js';

// the tests run in apps/cli, which has no examples/ folder of its own
const REPO_EXAMPLES = resolve(import.meta.dirname, '..', '..', '..', 'examples');

describe('assay demo --config', () => {
  test('a path relative to the examples that ship with assay works from any folder', () => {
    expect(existsSync('examples/compare-settings.yaml')).toBe(false);
    const path = demoConfigPath('examples/compare-settings.yaml');
    expect(path).toBe(join(REPO_EXAMPLES, 'compare-settings.yaml'));
    expect(readFileSync(path, 'utf8').length).toBeGreaterThan(0);
  });

  test('the default is the shipped spam-assassin example', () => {
    expect(defaultDemoConfig()).toBe(join(REPO_EXAMPLES, 'spam-assassin.yaml'));
  });

  test('a path found nowhere stays relative to the working directory, for the error to name', () => {
    expect(demoConfigPath('examples/no-such.yaml')).toBe(resolve('examples/no-such.yaml'));
  });

  test('a bundled example is found by its name, with or without .yaml', () => {
    expect(demoConfigPath('compare-settings')).toBe(join(REPO_EXAMPLES, 'compare-settings.yaml'));
    expect(demoConfigPath('subject-lines.yaml')).toBe(join(REPO_EXAMPLES, 'subject-lines.yaml'));
  });

  test('every example the demo lists ships in examples/', () => {
    for (const name of DEMO_EXAMPLES) {
      expect(existsSync(join(REPO_EXAMPLES, `${name}.yaml`)), name).toBe(true);
    }
  });
});
