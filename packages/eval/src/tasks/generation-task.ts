import type { TaskModule } from './task-module.js';

/**
 * Generation: outputs are stored with their reference; nothing is scored yet.
 *
 * @returns the task module
 * @example
 * generationTask().outcome('any text', 'reference'); // 'answered'
 */
export function generationTask(): TaskModule {
  return {
    type: 'generation',
    labels: [],
    positive: null,
    needsLabel: false,
    stratify: false,
    scored: false,
    comparesCorrectness: false,
    metricNames: [],
    logprobScoring: undefined,
    checkItems: () => undefined,
    expected: (item) => item.reference ?? null,
    parse: () => null,
    outcome: () => 'answered',
    entersMetrics: () => false,
    defaultMetrics: () => [],
    labelCounts: () => ({}),
    encode: () => [],
    missingReason: () => 'generation tasks have no metrics yet',
    plots: () => null,
  };
}
