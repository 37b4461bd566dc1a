import type { ResolvedLoadTest } from '@assay/loadtest';
import { outFormatOf } from '../options/out-format.js';
import { configKeyOf, type LoadtestFlags } from './loadtest-flags.js';
import { pickFormat } from './output-choice.js';

/** How each format is named in a warning. */
const FORMAT_NAME: Readonly<Record<string, string>> = {
  json: 'JSON',
  md: 'Markdown',
  table: 'a text table',
};

/**
 * A warning when `--format` writes another format than `--out`'s extension names
 * (`--format md --out x.json`). `--format` wins, as for `assay score`, which writes it
 * silently; a word on stderr keeps a `.json` file of Markdown from surprising a later reader.
 * A value from a `--config` file is named by its key there (`--config 'lt.yaml' key
 * 'format'`), not by a flag that was not passed; and a command-line `--out` whose extension
 * names a format wins over the file's `format` (flags win), which the warning says.
 *
 * @param flags - the flags (config file merged)
 * @returns the warning, or undefined when they agree or one is absent
 * @example
 * ```ts
 * outFormatWarning({ format: 'md', out: 'x.json' }); // '--out x.json names JSON, but ...'
 * ```
 */
export function outFormatWarning(flags: LoadtestFlags): string | undefined {
  if (flags.format === undefined || flags.out === undefined) return undefined;
  const read = outFormatOf(flags.out, 'assay loadtest');
  if (!('format' in read) || read.format === flags.format) return undefined;
  const named = FORMAT_NAME[read.format];
  const given = FORMAT_NAME[flags.format] ?? flags.format;
  const formatKey = configKeyOf(flags, 'format');
  const outKey = configKeyOf(flags, 'out');
  if (pickFormat(flags) === read.format)
    return `--out ${flags.out} names ${named} by its extension, so ${named} is written: the command line's --out wins over ${formatKey} (${flags.format}, ${given}).`;
  const out = outKey === undefined ? '--out' : outKey;
  const format =
    formatKey === undefined ? `--format ${flags.format}` : `${formatKey} (${flags.format})`;
  const drop = formatKey === undefined ? 'drop --format' : 'drop that key';
  return `${out} ${flags.out} names ${named} by its extension, but ${format} writes ${given} into it; rename the file or ${drop}.`;
}

/**
 * A warning when `--duration` is given with `--requests` to a load whose open-loop steps ignore
 * it: an open loop given `--requests` draws exactly that many arrivals at its rate, so
 * `--rate 10 --requests 12 --duration 10s` ended after 1.2 s without a word. A closed loop
 * stops at whichever bound it reaches first, so `--concurrency` gets no warning.
 *
 * @param flags - the flags (config file merged)
 * @param resolved - the resolved run
 * @returns the warning, or undefined
 * @example
 * ```ts
 * boundsWarning(flags, resolved); // '--duration 10s is not used: ...'
 * ```
 */
export function boundsWarning(
  flags: LoadtestFlags,
  resolved: ResolvedLoadTest,
): string | undefined {
  if (flags.duration === undefined || resolved.requests === undefined) return undefined;
  const { load, requests } = resolved;
  if (load.kind === 'concurrency') return undefined;
  const steps = load.kind === 'rate' ? 'an open loop' : `the rate steps of --${load.kind}`;
  const about =
    load.kind === 'rate'
      ? ` (${requests} at ${load.rate}/s: about ${(requests / load.rate).toPrecision(2)} s)`
      : '';
  return `--duration ${flags.duration} is not used by ${steps}: given --requests ${requests} it sends exactly that many measured requests${about}; drop one of --duration and --requests.`;
}
