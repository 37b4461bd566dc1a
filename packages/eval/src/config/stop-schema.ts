import { z } from 'zod';
import { arr, obj } from './loose-read.js';
import { parseStopRule } from './stop-rule.js';
import { parseThreshold } from './thresholds.js';

/**
 * The metrics a stopping rule can follow: means of a per-item value in [0, 1], so a confidence
 * sequence of a bounded mean applies (`accuracy`: the item's share of correct answers;
 * `error_rate`: its share of failed requests).
 *
 * @param taskType - the config's `task.type`
 * @returns the metric names
 * @example
 * stoppableMetrics('classification'); // ['accuracy', 'error_rate']
 */
export function stoppableMetrics(taskType: unknown): string[] {
  return taskType === 'classification' || taskType === 'multiple-choice'
    ? ['accuracy', 'error_rate']
    : ['error_rate'];
}

/** `evaluation.stop`: stop sending once the answer is known. */
export const StopSchema = z
  .strictObject({
    when: z
      .string()
      .superRefine((text, ctx) => {
        const parsed = parseStopRule(text);
        if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.message });
      })
      .describe(
        "The stopping rule: 'ci_width(accuracy) <= 0.02' (stop once the anytime-valid confidence sequence of the metric, accuracy or error_rate, is at most that wide for every model) or 'decided(thresholds)' (stop once every threshold's verdict is certain at evaluation.ci).",
      ),
    minItems: z
      .number()
      .int()
      .min(1)
      .default(200)
      .describe('Items sent before the rule is first checked (all of them when fewer).'),
    checkEvery: z
      .number()
      .int()
      .min(1)
      .default(50)
      .describe('Items sent between two checks of the rule after the first.'),
  })
  .describe(
    'Stop sending when the answer is known: items go out in a seeded random order stratified by label, and once the rule holds no further item is sent and the items sent so far are scored. Omit to send every item.',
  );

/** The output type of {@link StopSchema}. */
export type StopConfig = z.output<typeof StopSchema>;

/**
 * Cross-field checks of `evaluation.stop`: the metric of `ci_width(...)` can be followed for the
 * task, and `decided(thresholds)` has thresholds, each on such a metric.
 *
 * @param input - the raw configuration (may be ill-typed: other fields can have failed)
 * @param addIssue - reports one problem at its path
 * @example
 * const issues = [];
 * checkStopRule({ task: { type: 'classification', labels: ['a', 'b'] }, evaluation: { stop: { when: 'decided(thresholds)' } } }, (issue) => issues.push(issue));
 * issues[0].message; // '…'
 */
export function checkStopRule(
  input: unknown,
  addIssue: (issue: { code: 'custom'; path: (string | number)[]; message: string }) => void,
): void {
  const c = obj(input);
  const when = obj(obj(c.evaluation).stop).when;
  if (typeof when !== 'string') return;
  const parsed = parseStopRule(when);
  if (!parsed.ok) return;
  const path = ['evaluation', 'stop', 'when'];
  const type = obj(c.task).type;
  const allowed = stoppableMetrics(type);
  const can = `a stopping rule can follow ${allowed.join(' or ')} for a ${String(type)} task (means of a per-item value in [0, 1])`;
  if (parsed.rule.kind === 'ci-width') {
    if (!allowed.includes(parsed.rule.metric)) {
      addIssue({
        code: 'custom',
        path,
        message: `ci_width(${parsed.rule.metric}) names a metric no confidence sequence follows; ${can}`,
      });
    }
    return;
  }
  const thresholds = arr(c.thresholds);
  if (thresholds.length === 0) {
    addIssue({
      code: 'custom',
      path,
      message: "decided(thresholds) needs at least one entry in 'thresholds'",
    });
  }
  thresholds.forEach((t, i) => {
    if (typeof t !== 'string') return;
    const p = parseThreshold(t);
    if (p.ok && !allowed.includes(p.threshold.metric)) {
      addIssue({
        code: 'custom',
        path,
        message: `decided(thresholds) cannot decide thresholds[${i}] ('${t}'); ${can}`,
      });
    } else if (p.ok && (p.threshold.bound !== undefined || p.threshold.against !== undefined)) {
      // the sequence follows the mean itself: an interval end of the final bootstrap, or a
      // difference from another run, is not what it bounds
      addIssue({
        code: 'custom',
        path,
        message: `decided(thresholds) decides thresholds on the value itself, not on an interval end or a baseline: thresholds[${i}] ('${t}') cannot be decided early; use ci_width(...) instead`,
      });
    }
  });
}
