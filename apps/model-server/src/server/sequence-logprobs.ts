/** One alternative in `top_logprobs`. */
export interface TopLogprob {
  readonly token: string;
  readonly logprob: number;
  readonly bytes: number[];
}

/** One entry of OpenAI's `logprobs.content`. */
export interface LogprobEntry extends TopLogprob {
  readonly top_logprobs: TopLogprob[];
}

/** Candidate answers as piece sequences, with the probability that each is drawn. */
export interface PieceDistribution {
  readonly pieces: readonly (readonly string[])[];
  readonly probabilities: readonly number[];
}

function utf8Bytes(text: string): number[] {
  return [...Buffer.from(text, 'utf8')];
}

function samePrefix(a: readonly string[], b: readonly string[], length: number): boolean {
  if (a.length < length || b.length < length) return false;
  for (let i = 0; i < length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Per-token log-probabilities of a drawn answer under a distribution over whole answers.
 *
 * @remarks
 * The answer is one of a few candidates drawn with known probabilities. Seen token by token,
 * `P(piece_i | pieces before i)` is the mass of the candidates that continue the same prefix with
 * that piece over the mass of those sharing the prefix; the logprobs therefore sum to
 * `log P(answer)`. `top_logprobs` lists the next pieces with mass, most likely first. A
 * deterministic answer (probability 1) has logprob 0 everywhere.
 *
 * @param distribution - the candidates' pieces and probabilities
 * @param chosen - index of the drawn candidate
 * @param emitted - pieces actually sent (fewer when `max_tokens` cut the answer)
 * @param topK - alternatives per position (0-20)
 * @returns one entry per emitted piece
 */
export function sequenceLogprobs(
  distribution: PieceDistribution,
  chosen: number,
  emitted: number,
  topK: number,
): LogprobEntry[] {
  const { pieces, probabilities } = distribution;
  const answer = pieces[chosen]!;
  const out: LogprobEntry[] = [];
  for (let i = 0; i < emitted; i++) {
    let mass = 0;
    const next = new Map<string, number>();
    pieces.forEach((p, j) => {
      const pj = probabilities[j]!;
      if (pj <= 0 || !samePrefix(p, answer, i)) return;
      mass += pj;
      if (p.length > i) next.set(p[i]!, (next.get(p[i]!) ?? 0) + pj);
    });
    const token = answer[i]!;
    const top = [...next]
      .sort((a, b) => b[1] - a[1])
      .slice(0, topK)
      .map(([t, m]) => ({ token: t, logprob: Math.log(m / mass), bytes: utf8Bytes(t) }));
    out.push({
      token,
      logprob: Math.log((next.get(token) ?? 0) / mass),
      bytes: utf8Bytes(token),
      top_logprobs: top,
    });
  }
  return out;
}
