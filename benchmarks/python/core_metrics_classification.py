"""Peer timings for benchmarks/suites/core-metrics-classification.mjs.

Usage: /usr/bin/python3 core_metrics_classification.py DATA_DIR K N [N ...]
Reads DATA_DIR/classification-{N}-true.i32 and -pred.i32 (raw little-endian int32),
times scikit-learn's confusion_matrix, f1_score(average='macro'), accuracy_score and
numpy's bincount(y_true * K + y_pred, minlength=K*K) on them (median of repeats), and
prints one JSON object {N: {name: median_ms}} on stdout.
"""

import json
import sys
import time

import numpy as np
import sklearn
from sklearn.metrics import accuracy_score, confusion_matrix, f1_score


def median_ms(fn, repeats):
    fn()  # warm-up
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return float(np.median(times))


def main():
    data_dir, k = sys.argv[1], int(sys.argv[2])
    results = {"sklearn": sklearn.__version__, "numpy": np.__version__, "sizes": {}}
    for n in map(int, sys.argv[3:]):
        yt = np.fromfile(f"{data_dir}/classification-{n}-true.i32", dtype="<i4")
        yp = np.fromfile(f"{data_dir}/classification-{n}-pred.i32", dtype="<i4")
        slow = 3 if n >= 5_000_000 else 5
        results["sizes"][str(n)] = {
            "confusionMatrix": median_ms(lambda: confusion_matrix(yt, yp), slow),
            "f1Score macro": median_ms(lambda: f1_score(yt, yp, average="macro"), slow),
            "accuracyScore": median_ms(lambda: accuracy_score(yt, yp), slow),
            "numpy bincount": median_ms(lambda: np.bincount(yt * k + yp, minlength=k * k), 7),
        }
    print(json.dumps(results))


if __name__ == "__main__":
    main()
