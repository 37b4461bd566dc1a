import type { BatchEngine } from '../engine/batch-engine.js';
import type { FaultInjector } from '../faults/inject.js';
import type { FaultOptions } from '../faults/parse-fault-header.js';
import type { SpamModel, SpamPrediction } from '../model/naive-bayes.js';
import type { SubjectModel } from '../subjects/subject-model.js';

/** Counters served by `GET /stats` and `ModelServer.stats()`. */
export interface ModelServerStats {
  /** All HTTP requests received, any path, any outcome. */
  requests: number;
  /** Requests to completion endpoints that passed validation and reached the model (faulted ones too). */
  completions: number;
  /** Requests per route path (`'/v1/chat/completions'`, ...); unknown paths count as `'(unmatched)'`. */
  byPath: Record<string, number>;
  /** Injected faults by name: `status-429`, `status-500`, `reset`, `malformed`, `truncate`, `stall`, `latency`, `token-delay`. */
  faultsInjected: Record<string, number>;
}

/** Everything a route handler needs; one per server. */
export interface ServerContext {
  readonly model: SpamModel;
  /** Id of the spam filter (`--model-name`). */
  readonly modelName: string;
  /** IDF of `assay-subject-extractive`. */
  readonly subjectModel: SubjectModel;
  /** Uniform draws for sampling requests that carry no `seed` (seeded from the server's seed). */
  readonly sampleRandom: () => number;
  readonly faults: FaultOptions;
  readonly injector: FaultInjector;
  readonly stats: ModelServerStats;
  /** Unix seconds when the server started (the model's `created`). */
  readonly startedAt: number;
  /** Last e-mails classified, by text: benchmarks replay the same prompts. */
  readonly predictions: Map<string, SpamPrediction>;
  /** Parsed `x-assay-fault` values, by raw header. */
  readonly faultSpecs: Map<string, FaultOptions>;
  /** The batching engine simulator, when the server was started with one. */
  readonly engine: BatchEngine | undefined;
  nextId(prefix: string): string;
}
