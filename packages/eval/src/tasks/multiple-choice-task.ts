import { MULTIPLE_CHOICE_METRICS } from '../config/metric-names.js';
import type { RunConfig } from '../config/run-config-schema.js';
import type { DatasetItem } from '../datasets/dataset-item.js';
import { choiceOrders } from '../multiple-choice/choice-orders.js';
import { withChoiceSlots } from '../multiple-choice/choice-slots.js';
import { checkedChoices, correctChoice } from '../multiple-choice/correct-choice.js';
import { choiceLetter, extractChoice } from '../multiple-choice/extract-choice.js';
import { positionBias } from '../multiple-choice/position-bias.js';
import type { PredictionRow } from '../run/prediction-row.js';
import { itemClusters } from './item-clusters.js';
import type { ScoringPass, TaskModule } from './task-module.js';

type MultipleChoiceConfig = Extract<RunConfig['task'], { type: 'multiple-choice' }>;

/**
 * The runner scores accuracy as a binary classification of "picked the correct choice":
 * every row's truth is 1 and its prediction 1 when correct, so accuracy is the share of
 * correct answers and the interval resamples items.
 */
function accuracyPass(rows: readonly PredictionRow[]): ScoringPass {
  return {
    input: {
      yTrue: new Int32Array(rows.length).fill(1),
      yPred: Int32Array.from(rows, (r) => (r.correct === true ? 1 : 0)),
    },
    foldIds: Int32Array.from(rows, (r) => r.fold),
    clusterIds: itemClusters(rows),
    task: 'classification',
    labels: [1, 0],
    metrics: ['accuracy'],
  };
}

/**
 * Position bias as the runner's mean absolute error of 0/1 flags against 0: the share of
 * compared items (one row per item and fold) whose answer changed with the order, per fold
 * and with an interval that resamples items.
 */
function positionBiasPass(rows: readonly PredictionRow[]): ScoringPass | null {
  const { compared } = positionBias(rows);
  if (compared.length === 0) return null;
  const clusters = new Map<string, number>();
  return {
    input: {
      yTrue: new Float64Array(compared.length),
      yPred: Float64Array.from(compared, (c) => (c.biased ? 1 : 0)),
    },
    foldIds: Int32Array.from(compared, (c) => c.fold),
    clusterIds: Int32Array.from(compared, (c) => {
      if (!clusters.has(c.id)) clusters.set(c.id, clusters.size);
      return clusters.get(c.id)!;
    }),
    task: 'regression',
    metrics: ['mae'],
    reportAs: ['position_bias_rate'],
  };
}

/**
 * Multiple choice: each item has 2 to 26 choices (`dataset.columns.choices`) and a correct
 * one (`dataset.columns.label`, read per `task.labelFormat`). The prompt shows the choices
 * lettered (`{{choices}}`, `{{A}}`, ...), in the data set's order and, with
 * `task.permutations: k`, in `k` more seeded orders, each a prompt of its own. An answer is
 * read per `task.extract` and mapped back to the original choice, so `parsed` and
 * `expected` are letters in the data set's order whatever order was shown.
 *
 * @param task - the config's `task` section
 * @returns the task module
 * @example
 * const mc = multipleChoiceTask({ type: 'multiple-choice', extract: 'auto', labelFormat: 'letter', permutations: 0, seed: 0 });
 * mc.parse('Answer: B', { id: 'q', index: 0, fields: {}, label: 'B', group: undefined, reference: undefined, choices: ['x', 'y'] }, 0); // 'B'
 */
export function multipleChoiceTask(task: MultipleChoiceConfig): TaskModule {
  const numbered = task.extract === 'number';
  const ordersOf = (item: DatasetItem): number[][] =>
    choiceOrders(checkedChoices(item).length, task.permutations, task.seed, item.id);
  return {
    type: 'multiple-choice',
    labels: [],
    positive: null,
    needsLabel: true,
    needsChoices: true,
    stratify: false,
    scored: true,
    comparesCorrectness: true,
    metricNames: MULTIPLE_CHOICE_METRICS,
    logprobScoring: undefined,
    checkItems(items) {
      for (const item of items) correctChoice(item, task.labelFormat);
    },
    expected: (item) => choiceLetter(correctChoice(item, task.labelFormat)),
    references: () => null,
    variants: (item) => ordersOf(item).map((order) => withChoiceSlots(item, order, numbered)),
    shownOrder: (item, permutation) => ordersOf(item)[permutation],
    parse(text, item, permutation) {
      const order = ordersOf(item)[permutation];
      if (order === undefined) return null;
      const shown = order.map((i) => item.choices![i]!);
      const position = extractChoice(text, shown, task.extract);
      return position === null ? null : choiceLetter(order[position]!);
    },
    outcome(parsed, expected) {
      if (parsed === null) return 'unparseable';
      return parsed === expected ? 'correct' : 'wrong';
    },
    entersMetrics: (row) => row.expected !== null,
    defaultMetrics: () =>
      task.permutations > 0 ? ['accuracy', 'position_bias_rate'] : ['accuracy'],
    labelCounts(items) {
      const counts: Record<string, number> = {};
      for (const it of items) {
        const letter = choiceLetter(correctChoice(it, task.labelFormat));
        counts[letter] = (counts[letter] ?? 0) + 1;
      }
      return counts;
    },
    encode(rows, metrics) {
      const kept = rows.filter((r) => r.expected !== null);
      if (kept.length === 0) return [];
      const passes: ScoringPass[] = [];
      if (metrics.includes('accuracy')) passes.push(accuracyPass(kept));
      const bias = metrics.includes('position_bias_rate') ? positionBiasPass(kept) : null;
      if (bias) passes.push(bias);
      return passes;
    },
    missingReason(metric, rows) {
      if (rows.length === 0) return 'no answered item to score';
      if (metric === 'position_bias_rate') {
        return task.permutations === 0
          ? 'needs task.permutations of 1 or more (each item asked in several choice orders)'
          : 'no item was answered in two or more choice orders';
      }
      return 'not computed for this task';
    },
    plots: () => null,
    resultFields: (rows) => {
      const bias = positionBias(rows);
      return {
        multipleChoice: {
          permutations: task.permutations,
          positionBiasRate: bias.rate,
          itemsCompared: bias.compared.length,
        },
      };
    },
  };
}
