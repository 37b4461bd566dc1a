"""scikit-learn peer of benchmarks/suites/runner-score-bootstrap.mjs: one bootstrap replicate.

Usage: /usr/bin/python3 score_bootstrap.py PREFIX N
Reads PREFIX-y.i32 (binary labels), PREFIX-s.f64 (scores) and PREFIX-draw.u32 (the rows of
the suite's first replicate, with repeats), all raw little-endian; times gathering the
drawn rows plus roc_auc_score and average_precision_score on them (what a scikit-learn
bootstrap does per replicate; median of 5 after a warm-up) and prints one JSON object with
the time and both values, so the suite can check the two sides agree on the same resample.
"""

import json
import sys
import time

import numpy as np
import sklearn
from sklearn.metrics import average_precision_score, roc_auc_score


def main():
    prefix, n = sys.argv[1], int(sys.argv[2])
    y = np.fromfile(f"{prefix}-y.i32", dtype="<i4")
    s = np.fromfile(f"{prefix}-s.f64", dtype="<f8")
    idx = np.fromfile(f"{prefix}-draw.u32", dtype="<u4").astype(np.intp)
    assert len(y) == n and len(s) == n and len(idx) == n

    def replicate():
        yt, ys = y[idx], s[idx]
        return roc_auc_score(yt, ys), average_precision_score(yt, ys)

    values = replicate()
    times = []
    for _ in range(5):
        start = time.perf_counter()
        replicate()
        times.append((time.perf_counter() - start) * 1000)
    print(json.dumps({
        "sklearn": sklearn.__version__,
        "ms": float(np.median(times)),
        "values": [float(v) for v in values],
    }))


if __name__ == "__main__":
    main()
