import type { LoadRecord } from './load-record.js';

/**
 * The measured answers that came as one JSON body instead of an event stream (or from a
 * provider without SSE): completed, their first token at the body's end (so TTFT is their
 * e2e), but without decode timing: no last-token time, so no TPOT and no ITL. A streamed
 * answer always has both token times or neither.
 *
 * @param records - a run's records (an array or a `RecordStore`)
 * @returns how many such answers there are, warm-up excluded
 * @example
 * ```ts
 * untimedAnswers(records); // 0 (a server that streams)
 * ```
 */
export function untimedAnswers(records: Iterable<LoadRecord>): number {
  let n = 0;
  for (const r of records) {
    if (!r.warmup && r.errorClass === null && r.firstTokenMs !== null && r.lastTokenMs === null)
      n++;
  }
  return n;
}

/**
 * The warning for {@link untimedAnswers}, or undefined when there are none.
 *
 * @param count - the untimed answers
 * @returns one sentence
 * @example
 * ```ts
 * untimedAnswersWarning(3); // '3 answers came as one JSON body, not an event stream: …'
 * ```
 */
export function untimedAnswersWarning(count: number): string | undefined {
  if (count === 0) return undefined;
  const [answers, them, their] =
    count === 1 ? ['1 answer', 'it', 'its'] : [`${count} answers`, 'them', 'their'];
  return `${answers} came as one JSON body, not an event stream: ${their} first token arrived with ${their} last, so ${their} TTFT is ${their} e2e, and TPOT and ITL were not measured for ${them} (a tpot or itl bound of the SLO does not judge ${them}). Does the service stream?`;
}
