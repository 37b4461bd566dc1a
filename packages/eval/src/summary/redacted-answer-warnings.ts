import type { PredictionRow } from '../run/prediction-row.js';

/** What `@assay/clients` puts in place of a secret it finds in an answer. */
const REDACTED = '[redacted]';

/**
 * Run warnings for answers in which the client replaced a secret (the API key, a header value
 * or a key-shaped token) by `[redacted]` before they were parsed and scored: their text is not
 * the server's, and a server that echoes its credentials is worth knowing about. Read from the
 * stored answers, so a resumed run warns as the run that received them did.
 *
 * @param rows - the run's prediction rows (`rawAnswer`, `model`)
 * @returns one warning per model with such answers, in model order
 * @example
 * redactedAnswerWarnings(run.rows); // ['nb: 30 of 30 answers held a secret ...']
 */
export function redactedAnswerWarnings(rows: readonly PredictionRow[]): string[] {
  const byModel = new Map<string, { answers: number; redacted: number }>();
  for (const r of rows) {
    if (r.rawAnswer === null) continue;
    const counts = byModel.get(r.model) ?? { answers: 0, redacted: 0 };
    counts.answers++;
    if (r.rawAnswer.includes(REDACTED)) counts.redacted++;
    byModel.set(r.model, counts);
  }
  return [...byModel].flatMap(([model, c]) =>
    c.redacted === 0
      ? []
      : [
          `${model}: ${c.redacted} of ${c.answers} answers held a secret (the API key, a header value or a key-shaped token), which the client replaced by ${REDACTED} before they were parsed and scored; their text is not the server's, and a service that echoes credentials should be looked at.`,
        ],
  );
}
