import type { ModelConfig, RunConfig } from '../config/run-config-schema.js';

/**
 * The prompt settings of one model: the run's `prompt` with the model's
 * `prompt` override applied (a `template` override replaces `messages` and
 * vice versa).
 *
 * @param config - the run configuration
 * @param model - one of its models
 * @returns the effective prompt section
 * @example
 * promptFor(config, config.models[0]).template; // 'Classify this e-mail as spam or ham:\n\n{{text}}'
 */
export function promptFor(config: RunConfig, model: ModelConfig): RunConfig['prompt'] {
  const o = model.prompt;
  if (!o) return config.prompt;
  const merged: RunConfig['prompt'] = { ...config.prompt };
  if (o.system !== undefined) merged.system = o.system;
  if (o.maxFieldChars !== undefined) merged.maxFieldChars = o.maxFieldChars;
  if (o.template !== undefined) {
    merged.template = o.template;
    delete merged.messages;
  }
  if (o.messages !== undefined) {
    merged.messages = o.messages;
    delete merged.template;
  }
  return merged;
}
