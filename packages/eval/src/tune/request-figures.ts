import { fullGridPhrase } from './grid-requests.js';
import type { TuneResults } from './tune-results.js';

/**
 * Where the search's requests came from, and what a full grid asks: the same words in the
 * terminal summary and report.html.
 *
 * @param r - the search's results
 * @returns e.g. `834 sent, 160 from the cache, 0 resumed; a full grid asks 1366 requests, …`
 * @example
 * requestsSentence(tuned).startsWith(`${tuned.spent.sent} sent, ${tuned.spent.cached} from the cache, 0 resumed; a full grid asks`); // true
 */
export function requestsSentence(r: TuneResults): string {
  const s = r.spent;
  const resumed =
    s.resumed === 0
      ? ''
      : ` (${s.resumedPaid} of them paid for by an earlier run, ${s.resumed - s.resumedPaid} from the cache then); paid for in all: ${s.sent + s.resumedPaid}`;
  const grid =
    r.gridRequestsEstimate === null
      ? ''
      : `; ${fullGridPhrase({ requests: r.gridRequestsEstimate, extrapolated: r.gridRequestsExtrapolated }, r.items)}`;
  return `${s.sent} sent, ${s.cached} from the cache, ${s.resumed} resumed${resumed}${grid}`;
}
