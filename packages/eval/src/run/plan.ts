import { createHash } from 'node:crypto';
import { canonicalJson } from '@assay/clients';
import type { DatasetItem } from '../datasets/dataset-item.js';
import {
  buildMessages,
  type PromptMessage,
  type PromptSpec,
  promptHash,
} from '../prompt/build-messages.js';
import { pickFewShot } from '../prompt/few-shot.js';
import type { EndpointIdentity } from './endpoint-identity.js';

/** One fold of the evaluation: item indices to draw examples from and to test. */
export interface FoldSplit {
  /** fold number, 0-based, across repeats (`repeat * k + fold`) */
  fold: number;
  /** repeat number, 0-based */
  repeat: number;
  /** training item indices (few-shot pool) */
  train: Uint32Array;
  /** test item indices */
  test: Uint32Array;
}

/** One (fold, test item) pair and the prompt built for it. */
export interface PlannedTask {
  /** fold number */
  fold: number;
  /** item index into the dataset */
  item: number;
  /** hash of the prompt messages */
  promptHash: string;
  /** sample index, `0..samples-1` (several answers to the same prompt) */
  sample: number;
  /** the item's prompt variant (multiple-choice: choice order), when the task has variants */
  permutation?: number;
}

/** Every prompt of a run: the tasks and the distinct prompts they need. */
export interface RequestPlan {
  /** one entry per (fold, test item, sample), in fold, item, then sample order */
  tasks: PlannedTask[];
  /** distinct prompts by prompt hash */
  prompts: Map<string, PromptMessage[]>;
  /** ids of the few-shot examples used, per fold */
  fewShotIds: string[][];
  /** answers asked per prompt (`task.samples`, default 1) */
  samples: number;
}

/**
 * Builds every prompt of the run: per fold, few-shot examples from its
 * training part (seeded per fold), then one prompt per test item. Identical
 * prompts (e.g. the same item in several repeats with zero-shot prompts) are
 * stored once and will be sent once.
 *
 * @param items - the dataset
 * @param splits - the folds
 * @param spec - prompt configuration (with few-shot `count` and `seed`)
 * @param rngFor - seeded uniform generator factory for a fold's few-shot draw
 * @param samples - answers asked per prompt (default 1); each is its own request
 * @param variants - the prompts an item is asked in (the task's `variants`); default: itself
 * @returns tasks and distinct prompts
 * @throws EvaluationError `MISSING_COLUMN` when a template slot names no field
 * @example
 * const splits = splitItems(items, config.evaluation, true);
 * const plan = planRequests(items, splits, config.prompt, (fold) => () => 0.5);
 * plan.tasks.length; // 40
 */
export function planRequests(
  items: readonly DatasetItem[],
  splits: readonly FoldSplit[],
  spec: PromptSpec & { fewShot: { count: number; seed: number; answerTemplate: string } },
  rngFor: (fold: number) => () => number,
  samples = 1,
  variants?: (item: DatasetItem) => DatasetItem[],
): RequestPlan {
  const tasks: PlannedTask[] = [];
  const prompts = new Map<string, PromptMessage[]>();
  const fewShotIds: string[][] = [];
  for (const split of splits) {
    const train = Array.from(split.train, (i) => items[i]!);
    const examples = pickFewShot(train, spec.fewShot.count, rngFor(split.fold));
    fewShotIds.push(examples.map((e) => e.id));
    for (const i of split.test) {
      const asked = variants?.(items[i]!) ?? [items[i]!];
      asked.forEach((variant, permutation) => {
        const messages = buildMessages(variant, examples, spec);
        const hash = promptHash(messages);
        if (!prompts.has(hash)) prompts.set(hash, messages);
        for (let sample = 0; sample < samples; sample++) {
          const task = { fold: split.fold, item: i, promptHash: hash, sample };
          tasks.push(variants === undefined ? task : { ...task, permutation });
        }
      });
    }
  }
  return { tasks, prompts, fewShotIds, samples };
}

/**
 * The journal key of one request of one model: the endpoint's identity (provider, base URL or
 * `endpoint` name, model id, generation parameters), the prompt and the sample index. The base
 * URL is in the key so a different server never inherits another's answers. The headers and an
 * http-json model's request are not: keys stay those of journals written before they were
 * recorded, and a change of them is refused by the identity check (`IDENTITY_CHANGED`) instead.
 *
 * @param identity - the model's endpoint identity
 * @param hash - the prompt hash
 * @param sampleIndex - which sample of this prompt (runs draw one, index 0)
 * @returns 32 hex characters
 * @example
 * requestKey(endpointIdentity(config.models[0]), 'ab12'); // '…'
 */
export function requestKey(identity: EndpointIdentity, hash: string, sampleIndex = 0): string {
  // the check refuses a change of these; keys stay those of journals written before them
  const { headers: _headers, request: _request, ...keyed } = identity;
  return createHash('sha256')
    .update(canonicalJson({ v: 2, identity: keyed, prompt: hash, sample: sampleIndex }))
    .digest('hex')
    .slice(0, 32);
}

/**
 * The id of one request within a plan: its prompt and sample index.
 *
 * @param hash - the prompt hash
 * @param sample - the sample index
 * @returns `hash` for sample 0, else `hash#sample`
 * @example
 * requestId('ab12', 2); // 'ab12#2'
 */
export function requestId(hash: string, sample: number): string {
  return sample === 0 ? hash : `${hash}#${sample}`;
}
