// The scikit-learn / numpy peers: Python scripts in benchmarks/python/ that time the same
// job on the same data files, run right after ours so both see the same machine load.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const PYTHON = '/usr/bin/python3';

/**
 * Tells whether /usr/bin/python3 can import scikit-learn and numpy; says so when it cannot.
 *
 * @returns true when the peers can run
 */
export function havePythonPeers() {
  const probe = existsSync(PYTHON)
    ? spawnSync(PYTHON, ['-c', 'import sklearn, numpy'], { encoding: 'utf8' })
    : null;
  if (probe?.status === 0) return true;
  console.log('scikit-learn not importable from /usr/bin/python3: printing our timings only.');
  return false;
}

/**
 * Runs one peer script and parses the JSON it prints.
 *
 * @param script - path of the Python script
 * @param args - its command-line arguments
 * @returns the parsed output, or null (with the script's stderr printed) when it failed
 */
export function runPythonPeer(script, args) {
  const run = spawnSync(PYTHON, [script, ...args], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (run.status !== 0) {
    console.log(`python peer failed:\n${run.stderr}`);
    return null;
  }
  return JSON.parse(run.stdout);
}
