import { existsSync, readFileSync } from 'node:fs';
import { STARTER_DATASET_LINE } from './starter-config.js';

/**
 * Why a run cannot start from a config whose `dataset.path` is still the placeholder
 * `assay init` wrote (its TODO mark and all) naming a file that does not exist: the plain
 * "dataset file does not exist" read as if the data had gone missing, not as a step of the
 * starter left to do.
 *
 * @param configFile - the configuration file
 * @param datasetPath - the config's `dataset.path`, resolved (undefined for a built-in data set)
 * @returns the message, or undefined when the path was set or its file exists
 * @example
 * starterPlaceholderProblem('assay.yaml', config.dataset.path);
 * // "assay.yaml: dataset.path is still the placeholder 'data.jsonl' that assay init wrote ..."
 */
export function starterPlaceholderProblem(
  configFile: string,
  datasetPath: string | undefined,
): string | undefined {
  if (datasetPath === undefined || existsSync(datasetPath)) return undefined;
  let text: string;
  try {
    text = readFileSync(configFile, 'utf8');
  } catch {
    return undefined;
  }
  if (!text.includes(STARTER_DATASET_LINE)) return undefined;
  return `${configFile}: dataset.path is still the placeholder 'data.jsonl' that assay init wrote, and ${datasetPath} does not exist; set dataset.path to your data file (a relative path resolves against the config file's directory), or replace path and columns with 'builtin: spam-assassin' to try assay first. Nothing was sent.`;
}
