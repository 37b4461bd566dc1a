import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { SPAM_ASSASSIN_GROUPS } from '@assay/spam-assassin';
import { z } from 'zod';
import { ModelServerError } from '../errors.js';
import { type SpamModel, type TrainSpamModelOptions, trainSpamModel } from './naive-bayes.js';

const CACHE_VERSION = 1;

const cacheSchema = z.object({
  version: z.literal(CACHE_VERSION),
  kind: z.literal('boolean-multinomial-nb'),
  groups: z.array(z.enum(SPAM_ASSASSIN_GROUPS)).min(1),
  alpha: z.number().positive(),
  priorLogOdds: z.number(),
  calibration: z.object({ slope: z.number(), intercept: z.number() }),
  documents: z.object({ spam: z.number().int().min(1), ham: z.number().int().min(1) }),
  weights: z.array(z.tuple([z.string(), z.number()])),
});

/**
 * Serializes a model to JSON (for `--model-cache`).
 *
 * @param model - a trained model
 * @returns JSON text
 * @example
 * ```ts
 * import { parseSpamModel, serializeSpamModel, trainSpamModel } from '@assay/model-server';
 * const json = serializeSpamModel(trainSpamModel());
 * parseSpamModel(json, 'model.json'); // the same model
 * ```
 */
export function serializeSpamModel(model: SpamModel): string {
  return JSON.stringify({
    version: CACHE_VERSION,
    kind: model.kind,
    groups: model.groups,
    alpha: model.alpha,
    priorLogOdds: model.priorLogOdds,
    calibration: model.calibration,
    documents: model.documents,
    weights: [...model.weights],
  });
}

/**
 * Parses a model serialized by {@link serializeSpamModel}.
 *
 * @param json - JSON text
 * @param source - where it came from, for error messages
 * @returns the model
 * @throws {@link ModelServerError} `INVALID_MODEL_CACHE` naming the bad field
 * @example
 * ```ts
 * import { parseSpamModel, serializeSpamModel, trainSpamModel } from '@assay/model-server';
 * parseSpamModel(serializeSpamModel(trainSpamModel()), 'model.json');
 * ```
 */
export function parseSpamModel(json: string, source = 'model cache'): SpamModel {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    throw new ModelServerError(
      'INVALID_MODEL_CACHE',
      `${source} is not JSON (${(error as Error).message}); delete it to retrain.`,
      'modelCache',
    );
  }
  const result = cacheSchema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new ModelServerError(
      'INVALID_MODEL_CACHE',
      `${source} field '${issue.path.join('.')}' is invalid (${issue.message}); delete it to retrain.`,
      'modelCache',
    );
  }
  const m = result.data;
  return {
    kind: m.kind,
    groups: m.groups,
    alpha: m.alpha,
    priorLogOdds: m.priorLogOdds,
    calibration: m.calibration,
    documents: m.documents,
    weights: new Map(m.weights),
  };
}

/**
 * Loads the model from a cache file when it exists and matches the groups, else trains and writes it.
 *
 * @param path - cache file path
 * @param options - training options
 * @returns the model
 * @throws {@link ModelServerError} `INVALID_MODEL_CACHE` for an unreadable cache file
 * @example
 * ```ts
 * import { loadOrTrainSpamModel } from '@assay/model-server';
 * const model = loadOrTrainSpamModel('.assay/spam-model.json'); // trains and writes on first use
 * ```
 */
export function loadOrTrainSpamModel(path: string, options: TrainSpamModelOptions = {}): SpamModel {
  if (existsSync(path)) {
    const model = parseSpamModel(readFileSync(path, 'utf8'), `Model cache ${path}`);
    const wanted = [...(options.groups ?? ['easy-ham-1', 'hard-ham-1', 'spam-1'])].sort().join(',');
    if ([...model.groups].sort().join(',') === wanted) return model;
  }
  const model = trainSpamModel(options);
  writeFileSync(path, serializeSpamModel(model));
  return model;
}
