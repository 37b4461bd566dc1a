import type { RunResults } from '@assay/report';
import type { PromptMessage } from '../prompt/build-messages.js';

/**
 * Characters of one prompt message kept in `results.json`; the rest is counted in
 * `omittedChars` (every prompt is whole in `prompts.arrow`). Few-shot prompts repeat whole
 * e-mails, so uncut they would make `results.json` megabytes long.
 */
export const RESULTS_PROMPT_MESSAGE_CHARS = 2000;

/**
 * The prompts of the sampled wrong answers, as `results.json` keeps them: by hash, each
 * prompt once however many models or answers share it, long messages cut.
 *
 * @param models - the models' results (their `wrongAnswers[].promptHash`)
 * @param prompts - every prompt of the run, by hash
 * @returns prompt hash → messages, for the hashes the wrong answers name
 * @example
 * Object.keys(wrongAnswerPrompts(results.models, executed.prompts)).length; // 4
 */
export function wrongAnswerPrompts(
  models: RunResults['models'],
  prompts: ReadonlyMap<string, readonly PromptMessage[]>,
): NonNullable<RunResults['prompts']> {
  const out: NonNullable<RunResults['prompts']> = {};
  for (const m of models) {
    for (const w of m.wrongAnswers) {
      const messages = w.promptHash === undefined ? undefined : prompts.get(w.promptHash);
      if (messages === undefined || out[w.promptHash!] !== undefined) continue;
      out[w.promptHash!] = messages.map((msg) => {
        const omitted = msg.content.length - RESULTS_PROMPT_MESSAGE_CHARS;
        return omitted > 0
          ? {
              role: msg.role,
              content: msg.content.slice(0, RESULTS_PROMPT_MESSAGE_CHARS),
              omittedChars: omitted,
            }
          : { role: msg.role, content: msg.content };
      });
    }
  }
  return out;
}
