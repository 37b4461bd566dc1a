import type { TokenLogprob } from '../completion.js';
import { REDACTED, redact, secretSpans } from '../http/attempt-failure.js';

type Alternatives = TokenLogprob['topLogprobs'];

function redactAlternatives(
  top: Alternatives,
  secrets: readonly string[],
  all: boolean,
): Alternatives {
  if (top === undefined) return undefined;
  return top.map((t) => ({ token: all ? REDACTED : redact(t.token, secrets), logprob: t.logprob }));
}

function sameAlternatives(a: Alternatives, b: Alternatives): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a.every((t, i) => t.token === b[i]!.token);
}

/**
 * Which tokens a secret runs through: the sampled tokens joined make the answer's text, in
 * which a key cut into several tokens is found whole, and every token it touches is covered.
 */
function coveredTokens(tokens: readonly string[], secrets: readonly string[]): boolean[] {
  const covered = tokens.map(() => false);
  const spans = secretSpans(tokens.join(''), secrets);
  if (spans.length === 0) return covered;
  let start = 0;
  tokens.forEach((token, i) => {
    const end = start + token.length;
    covered[i] = spans.some(([a, b]) => a < end && b > start);
    start = end;
  });
  return covered;
}

/**
 * Log-probabilities with the client's secrets and secret shapes redacted: every token (and
 * alternative) that holds one, and every token a secret runs through when the server cut it
 * into several tokens (their alternatives too). The numbers are kept, so positions and
 * probabilities still line up with the answer.
 *
 * @param logprobs - the answer's log-probabilities, if any
 * @param secrets - the call's secrets (see `secretsOf`)
 * @returns the redacted entries, or `logprobs` itself when nothing had to change
 * @example
 * ```ts
 * const logprobs = [{ token: 'sk-test-', logprob: -1 }, { token: '0123456789', logprob: -2 }];
 * redactLogprobs(logprobs, ['sk-test-0123456789']); // [{ token: '[redacted]', logprob: -1 }, { token: '[redacted]', logprob: -2 }]
 * ```
 */
export function redactLogprobs(
  logprobs: TokenLogprob[] | undefined,
  secrets: readonly string[],
): TokenLogprob[] | undefined {
  if (logprobs === undefined) return undefined;
  const own = logprobs.map((e) => redact(e.token, secrets));
  const covered = coveredTokens(own, secrets);
  let changed = false;
  const out = logprobs.map((entry, i): TokenLogprob => {
    const token = covered[i] ? REDACTED : own[i]!;
    const top = redactAlternatives(entry.topLogprobs, secrets, covered[i]!);
    if (token === entry.token && sameAlternatives(top, entry.topLogprobs)) return entry;
    changed = true;
    return top === undefined
      ? { token, logprob: entry.logprob }
      : { token, logprob: entry.logprob, topLogprobs: top };
  });
  return changed ? out : logprobs;
}
