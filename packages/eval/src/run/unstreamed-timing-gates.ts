import type { ModelConfig, RunConfig } from '../config/run-config-schema.js';
import { parseThreshold } from '../config/thresholds.js';
import { percentileMetric } from '../summary/percentile-bound-size.js';

/** A TTFT or TPOT threshold on a model whose requests carry no token timings. */
export interface UnstreamedTimingGate {
  /** its index in `thresholds` */
  readonly index: number;
  /** the threshold as written in the config */
  readonly threshold: string;
  /** the model's name */
  readonly model: string;
  /** its index in `models` */
  readonly modelIndex: number;
  /** why it is not streamed: `streaming` is false, or an http-json provider has no stream path */
  readonly why: 'streaming-off' | 'no-stream-path';
}

/**
 * Whether a model's requests are read as a stream, and so have a time to first token and a
 * time per output token: `streaming: true`, and for the `http-json` provider a
 * `paths.streamText` to read the events with (without one, `@assay/clients` asks for one JSON
 * body: its `canStream`). A request answered in one body has neither timing.
 *
 * @param model - a model's configuration
 * @returns why it is not streamed, or undefined when it is
 * @example
 * unstreamedBecause({ ...config.models[0], streaming: false }); // 'streaming-off'
 */
export function unstreamedBecause(model: ModelConfig): UnstreamedTimingGate['why'] | undefined {
  if (!model.streaming) return 'streaming-off';
  if (model.provider === 'http-json' && model.paths?.streamText === undefined) {
    return 'no-stream-path';
  }
  return undefined;
}

/**
 * The thresholds on a TTFT or TPOT percentile (`p95_ttft_ms <= 500`, `p50_tpot_ms.ci_high <=
 * 40`) of a model that is not streamed ({@link unstreamedBecause}): no request of the run gets
 * that timing, so the figure has no value and the threshold ends as an ERROR that fails the run,
 * whatever the service answers. (Answers journaled or cached by an earlier, streamed sending
 * keep their timings, but those measure another configuration than the one gated.)
 *
 * @param config - the validated configuration (`thresholds`, `models`)
 * @returns one entry per threshold and model concerned, in threshold then model order
 * @example
 * unstreamedTimingGates({ ...config, thresholds: ['p95_ttft_ms <= 500'] });
 * // [{ index: 0, threshold: 'p95_ttft_ms <= 500', model: 'nb', modelIndex: 0, why: 'streaming-off' }]
 */
export function unstreamedTimingGates(
  config: Pick<RunConfig, 'thresholds' | 'models'>,
): UnstreamedTimingGate[] {
  const out: UnstreamedTimingGate[] = [];
  config.thresholds.forEach((source, index) => {
    const parsed = parseThreshold(source);
    if (!parsed.ok || parsed.threshold.against !== undefined) return;
    const timing = percentileMetric(parsed.threshold.metric)?.timing;
    if (timing !== 'ttft' && timing !== 'tpot') return;
    config.models.forEach((model, modelIndex) => {
      const why = unstreamedBecause(model);
      if (why !== undefined)
        out.push({ index, threshold: source, model: model.name, modelIndex, why });
    });
  });
  return out;
}

/**
 * What a TTFT or TPOT gate on an unstreamed model means, in one sentence naming the threshold
 * as written, why the model is not streamed, and what would work: streaming it, or gating the
 * end-to-end latency.
 *
 * @param gate - the gate
 * @returns the sentence
 * @example
 * unstreamedTimingGateText({ index: 0, threshold: 'p95_ttft_ms <= 500', model: 'nb', modelIndex: 0, why: 'streaming-off' });
 * // "thresholds[0] 'p95_ttft_ms <= 500' cannot be checked: model nb is not streamed (models[0].streaming is false), …"
 */
export function unstreamedTimingGateText(gate: UnstreamedTimingGate): string {
  const parsed = parseThreshold(gate.threshold);
  const t = parsed.ok ? parsed.threshold : undefined;
  const metric = t?.metric ?? gate.threshold;
  const at = `models[${gate.modelIndex}]`;
  const why =
    gate.why === 'streaming-off'
      ? `${at}.streaming is false`
      : `provider http-json without ${at}.paths.streamText, so each answer is read as one JSON body`;
  const enable =
    gate.why === 'streaming-off'
      ? `Set ${at}.streaming: true`
      : `Set ${at}.paths.streamText (the JSON path of the text in each server-sent event)`;
  const q = metric.split('_')[0];
  // the first token comes before the last, so a TTFT limit on the end-to-end latency is a
  // stricter gate of the same form; a TPOT limit is per token, so only the metric is offered
  const e2e =
    t === undefined || !metric.includes('_ttft_')
      ? `${q}_latency_ms`
      : `${q}_latency_ms${t.bound === undefined ? '' : `.${t.bound}`} ${t.op} ${t.value}`;
  return `thresholds[${gate.index}] '${gate.threshold}' cannot be checked: model ${gate.model} is not streamed (${why}), so no request of this run is timed for ${metric}, and the threshold would end as an ERROR (${metric} has no value) and fail the run after every request was paid for. ${enable}, or gate the end-to-end latency instead (${e2e}).`;
}
