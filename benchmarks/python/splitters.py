"""Peer timings for benchmarks/suites/splitters.mjs.

Usage: /usr/bin/python3 splitters.py DATA_DIR FOLDS N [N ...]
Reads DATA_DIR/splitters-{N}-y.i32 (raw little-endian int32 labels), times
list(cv.split(X, y)) for scikit-learn's KFold and StratifiedKFold, with and
without shuffle (median of repeats), once more with numpy's huge-page advice off,
and prints one JSON object on stdout.
"""

import json
import sys
import time

import numpy as np
import sklearn
from sklearn.model_selection import KFold, StratifiedKFold

REPEATS = 3


def median_ms(fn):
    """Median wall and CPU (process_time: user + system) milliseconds."""
    wall, cpu = [], []
    for _ in range(REPEATS):
        start, start_cpu = time.perf_counter(), time.process_time()
        fn()
        wall.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    return {"wall": float(np.median(wall)), "cpu": float(np.median(cpu))}


def main():
    data_dir, folds = sys.argv[1], int(sys.argv[2])
    results = {"sklearn": sklearn.__version__, "numpy": np.__version__, "repeats": REPEATS, "sizes": {}}
    for n in map(int, sys.argv[3:]):
        y = np.fromfile(f"{data_dir}/splitters-{n}-y.i32", dtype="<i4")
        X = np.empty((n, 0))  # split() reads only the row count of X
        cvs = {
            "KFold": KFold(folds),
            "KFold shuffle": KFold(folds, shuffle=True, random_state=0),
            "StratifiedKFold": StratifiedKFold(folds),
            "StratifiedKFold shuffle": StratifiedKFold(folds, shuffle=True, random_state=0),
        }
        timings = {name: median_ms(lambda cv=cv: list(cv.split(X, y))) for name, cv in cvs.items()}
        # numpy asks the kernel for transparent huge pages on large arrays; V8 cannot.
        # Timing once without them shows how much of a split's cost is page faults.
        madvise = getattr(np.core.multiarray, "_set_madvise_hugepage", None)
        if madvise is not None:
            previous = madvise(False)
            cv = cvs["StratifiedKFold shuffle"]
            timings["StratifiedKFold shuffle, numpy huge pages off"] = median_ms(lambda: list(cv.split(X, y)))
            madvise(previous)
        results["sizes"][str(n)] = timings
    json.dump(results, sys.stdout)


if __name__ == "__main__":
    main()
