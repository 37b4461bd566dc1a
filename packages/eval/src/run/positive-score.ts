/** One token's log-probability with its alternatives (as `@assay/clients` returns them). */
export interface TokenLogprobLike {
  /** sampled token */
  readonly token: string;
  /** its natural-log probability */
  readonly logprob: number;
  /** most likely alternatives at this position */
  readonly topLogprobs?: ReadonlyArray<{ readonly token: string; readonly logprob: number }>;
}

/**
 * Probability of the positive label from the first answer token's
 * log-probabilities (binary classification).
 *
 * @param logprobs - per-token log-probabilities of the answer
 * @param labels - the two task labels
 * @param positive - the positive label
 * @returns `P(pos) / (P(pos) + P(neg))` when both labels appear among the first
 *   token's alternatives; `P(sampled)` or `1 − P(sampled)` when only the sampled
 *   token names a label; `null` when no label can be recognised
 * @remarks Tokens are compared case-insensitively after trimming; a token
 *   matches a label when the label starts with it (`' sp'` → `spam`) and it is
 *   not ambiguous between the two labels.
 * @example
 * positiveScore([{ token: 'spam', logprob: -0.1 }], ['spam', 'ham'], 'spam'); // 0.905…
 */
export function positiveScore(
  logprobs: readonly TokenLogprobLike[] | undefined,
  labels: readonly string[],
  positive: string,
): number | null {
  if (!logprobs || logprobs.length === 0 || labels.length !== 2) return null;
  const first = logprobs[0]!;
  const norm = labels.map((l) => l.toLowerCase());
  const pos = norm.indexOf(positive.toLowerCase());
  const which = (token: string): number => {
    const t = token.trim().toLowerCase();
    if (t === '') return -1;
    const hits = norm.map((l, i) => (l.startsWith(t) ? i : -1)).filter((i) => i >= 0);
    return hits.length === 1 ? hits[0]! : -1;
  };
  const prob = [0, 0];
  const seen = [false, false];
  const candidates = [{ token: first.token, logprob: first.logprob }, ...(first.topLogprobs ?? [])];
  for (const c of candidates) {
    const i = which(c.token);
    if (i < 0) continue;
    prob[i] = Math.max(prob[i]!, Math.exp(c.logprob));
    seen[i] = true;
  }
  if (seen[0] && seen[1]) return prob[pos]! / (prob[0]! + prob[1]!);
  const sampled = which(first.token);
  if (sampled < 0) return null;
  const p = Math.exp(first.logprob);
  return sampled === pos ? p : 1 - p;
}
