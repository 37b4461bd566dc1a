"""Peer timings for benchmarks/suites/core-metrics-scores.mjs.

Usage: /usr/bin/python3 core_metrics_scores.py DATA_DIR K N [N ...]
Reads, per N, DATA_DIR/scores-{N}-y.i32 (binary labels), scores-{N}-s.f64 (score
of class 1), scores-{N}-k{K}-y.i32 and scores-{N}-k{K}-p.f64 (row-major N x K
probabilities), all raw little-endian; times scikit-learn's roc_auc_score,
average_precision_score and log_loss on them (median of repeats) and prints
one JSON object on stdout, including the values so the suite can check both
sides agree.
"""

import json
import sys
import time

import numpy as np
import sklearn
from sklearn.metrics import average_precision_score, log_loss, roc_auc_score


def median_ms(fn, repeats):
    """Median wall and CPU milliseconds of `fn` (CPU time is what a loaded machine skews least)."""
    value = fn()  # warm-up
    times, cpu = [], []
    for _ in range(repeats):
        start, start_cpu = time.perf_counter(), time.process_time()
        fn()
        times.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    return float(np.median(times)), float(np.median(cpu)), float(value)


def main():
    data_dir, k = sys.argv[1], int(sys.argv[2])
    results = {"sklearn": sklearn.__version__, "numpy": np.__version__, "sizes": {}}
    for n in map(int, sys.argv[3:]):
        y = np.fromfile(f"{data_dir}/scores-{n}-y.i32", dtype="<i4")
        s = np.fromfile(f"{data_dir}/scores-{n}-s.f64", dtype="<f8")
        ym = np.fromfile(f"{data_dir}/scores-{n}-k{k}-y.i32", dtype="<i4")
        pm = np.fromfile(f"{data_dir}/scores-{n}-k{k}-p.f64", dtype="<f8").reshape(n, k)
        repeats = 3 if n >= 5_000_000 else 5
        sizes = {}
        for name, fn in (
            ("rocAucScore binary", lambda: roc_auc_score(y, s)),
            ("averagePrecisionScore", lambda: average_precision_score(y, s)),
            ("logLoss binary", lambda: log_loss(y, s)),
            (f"logLoss {k} classes", lambda: log_loss(ym, pm, labels=np.arange(k))),
        ):
            ms, cpu_ms, value = median_ms(fn, repeats)
            sizes[name] = {"ms": ms, "cpuMs": cpu_ms, "value": value}
        results["sizes"][str(n)] = sizes
    print(json.dumps(results))


if __name__ == "__main__":
    main()
