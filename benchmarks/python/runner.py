"""scikit-learn peer of benchmarks/suites/runner.mjs: the same job on data of the same shape.

StratifiedKFold(5, shuffle) over N rows of a 10-class problem, then accuracy, macro F1 and
the confusion matrix on every test fold (what `assay score --cv stratified:5` computes).
Prints one JSON line: {"rows": N, "cv_seconds": ..., "split_seconds": ..., "metric_seconds": ...}.
"""
import json
import sys
import time

import numpy as np
from sklearn.metrics import accuracy_score, confusion_matrix, f1_score
from sklearn.model_selection import StratifiedKFold


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 20_000_000
    k = 10
    rng = np.random.default_rng(0)
    y_true = rng.integers(0, k, size=n, dtype=np.int32)
    correct = rng.random(n) < 0.7
    y_pred = np.where(correct, y_true, rng.integers(0, k, size=n, dtype=np.int32)).astype(np.int32)

    start = time.perf_counter()
    splits = list(StratifiedKFold(n_splits=5, shuffle=True, random_state=0).split(np.zeros(n), y_true))
    split_done = time.perf_counter()
    for _, test in splits:
        t = y_true[test]
        p = y_pred[test]
        accuracy_score(t, p)
        f1_score(t, p, average="macro")
        confusion_matrix(t, p)
    end = time.perf_counter()
    print(json.dumps({
        "rows": n,
        "cv_seconds": end - start,
        "split_seconds": split_done - start,
        "metric_seconds": end - split_done,
    }))


if __name__ == "__main__":
    main()
