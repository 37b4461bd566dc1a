import { fullGridPhrase } from './grid-requests.js';
import { paidRequests } from './search-state.js';
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
      : ` (${s.resumedPaid} of them paid for by an earlier run, ${s.resumed - s.resumedPaid} from the cache then)`;
  const grid =
    r.gridRequestsEstimate === null
      ? ''
      : `; ${fullGridPhrase({ requests: r.gridRequestsEstimate, extrapolated: r.gridRequestsExtrapolated, nested: r.gridRequestsBasis === 'nested' }, r.items)}`;
  return `${s.sent} sent, ${s.cached} from the cache, ${s.resumed} resumed${resumed}${grid}`;
}

/**
 * What was paid for, when "this search" and "this output folder" differ: the search's own
 * (sent now, and resumed answers an earlier run of it sent: what `search.budget` counts), and
 * every search's into the folder, as its journals record it (earlier searches with another
 * space included). Null when the two are the same, nothing having been resumed or paid before.
 *
 * @param r - the search's results
 * @returns the sentence, or null
 * @example
 * paidSentence({ ...tuned, spent: { ...tuned.spent, sent: 323, resumed: 200, resumedPaid: 120 }, paidInFolder: { requests: 1131, costUsd: null } });
 * // 'Paid for: 443 requests by this search (323 sent now, 120 by an earlier run whose answers it resumed; what search.budget counts), 1131 by every search into this output folder (as the journals of its candidate folders record them, superseded ones included).'
 */
export function paidSentence(r: TuneResults): string | null {
  const s = r.spent;
  const search = paidRequests(s);
  const folder = r.paidInFolder?.requests ?? null;
  if (s.resumedPaid === 0 && (folder === null || folder <= search)) return null;
  const parts = `${s.sent} sent now, ${s.resumedPaid} by an earlier run whose answers it resumed; what search.budget counts`;
  const all =
    folder === null || folder <= search
      ? ''
      : `, ${folder} by every search into this output folder (as the journals of its candidate folders record them, superseded ones included)`;
  return `Paid for: ${search} requests by this search (${parts})${all}.`;
}
