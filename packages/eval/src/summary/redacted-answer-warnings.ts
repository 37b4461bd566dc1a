import type { PredictionRow } from '../run/prediction-row.js';

/** What `@assay/clients` puts in place of a secret it finds in an answer. */
const REDACTED = '[redacted]';

/**
 * Run warnings for answers that contain `[redacted]`, the text `@assay/clients` puts in place
 * of a secret it finds in an answer (the API key, a header value or a key-shaped token) before
 * the answer is parsed and scored: unless the service writes that text itself, such an answer
 * is not the server's text, and a service that echoes credentials is worth knowing about.
 * Counted over distinct answers (a prompt asked in several folds is one answer) and read from
 * the stored answers, so a resumed run warns as the run that received them did.
 *
 * @param rows - the run's prediction rows (`rawAnswer`, `model`, `promptHash`, `sample`)
 * @returns one warning per model with such answers, in model order
 * @example
 * redactedAnswerWarnings(rows); // [] (no answer contains [redacted])
 */
export function redactedAnswerWarnings(rows: readonly PredictionRow[]): string[] {
  const byModel = new Map<string, { answers: Set<string>; redacted: Set<string> }>();
  for (const r of rows) {
    if (r.rawAnswer === null) continue;
    const counts = byModel.get(r.model) ?? { answers: new Set(), redacted: new Set() };
    const answer = `${r.promptHash}:${r.sample ?? 0}`;
    counts.answers.add(answer);
    if (r.rawAnswer.includes(REDACTED)) counts.redacted.add(answer);
    byModel.set(r.model, counts);
  }
  return [...byModel].flatMap(([model, c]) =>
    c.redacted.size === 0
      ? []
      : [
          `${model}: ${c.redacted.size} of ${c.answers.size} distinct answers contain ${REDACTED}, which the client writes in place of a secret it finds in an answer (the API key, a header value or a key-shaped token) before the answer is parsed and scored; unless the service writes that text itself, those answers are not its text and it echoes credentials.`,
        ],
  );
}
