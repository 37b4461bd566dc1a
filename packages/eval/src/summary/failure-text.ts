import type { Outcome } from '../run/journal.js';

// The client's messages read "… answered POST … with HTTP 404: …": a journal written before
// the status was kept still names it there.
const STATUS_IN_MESSAGE = /\bwith HTTP (\d{3})\b/;

/**
 * How many failed requests ended on each HTTP status, for the `http_status` failures whose
 * status is known.
 *
 * @param outcomes - one outcome per distinct request
 * @returns counts by status (as text, e.g. `'404'`), in ascending order of status
 * @example
 * const notFound = { status: 'error', errorClass: 'http_status', httpStatus: 404 };
 * httpStatusCounts([notFound, notFound, { status: 'ok' }]); // { '404': 2 }
 */
export function httpStatusCounts(outcomes: readonly Outcome[]): Record<string, number> {
  const counts = new Map<number, number>();
  for (const o of outcomes) {
    if (o.status !== 'error' || o.errorClass !== 'http_status') continue;
    const status = o.httpStatus ?? Number(STATUS_IN_MESSAGE.exec(o.errorMessage ?? '')?.[1]);
    if (Number.isInteger(status)) counts.set(status, (counts.get(status) ?? 0) + 1);
  }
  return Object.fromEntries([...counts].sort((a, b) => a[0] - b[0]).map(([s, n]) => [s, n]));
}

/**
 * The failure classes of a model's requests as text that cannot be read as a status: each
 * class with `×` and its count, the `http_status` class with the statuses behind it.
 *
 * @param errorsByClass - failed requests by class (`service.errorsByClass`)
 * @param statuses - failed requests by HTTP status ({@link httpStatusCounts}); empty when unknown
 * @returns e.g. `http_status × 37 [HTTP 404 × 37], timeout × 2`
 * @example
 * failureClassesText({ http_status: 37 }, { '404': 37 }); // 'http_status × 37 [HTTP 404 × 37]'
 */
export function failureClassesText(
  errorsByClass: Readonly<Record<string, number>>,
  statuses: Readonly<Record<string, number>> = {},
): string {
  const byStatus = Object.entries(statuses)
    .map(([s, n]) => `HTTP ${s} × ${n}`)
    .join(', ');
  return Object.entries(errorsByClass)
    .map(([c, n]) => `${c} × ${n}${c === 'http_status' && byStatus ? ` [${byStatus}]` : ''}`)
    .join(', ');
}

/**
 * An error message made to end cleanly inside a sentence: a body quoted up to a length limit
 * ends in `…`, often through a word (`"param":nu…`) and followed by the message's own full
 * stop (`…….`); the partial word and the stop are dropped, so the cut reads as a cut.
 *
 * @param message - the error message
 * @returns the message, its cut (if any) at a word boundary, ending in ` …`
 * @example
 * cleanCut('HTTP 404: {"error": "cannot fi….'); // 'HTTP 404: {"error": "cannot …'
 */
export function cleanCut(message: string): string {
  const text = message.trim();
  const cut = /…\.?$/.exec(text);
  if (cut === null) return text;
  const head = text.slice(0, cut.index);
  // keep whole tokens: cut back to the last space, or comma or colon of a quoted JSON body
  const boundary = Math.max(head.lastIndexOf(' '), head.lastIndexOf(','), head.lastIndexOf(':'));
  const kept = boundary > 0 ? head.slice(0, boundary + 1) : head;
  return `${kept.trimEnd()} …`;
}
