"""scikit-learn peer of benchmarks/suites/runner-regression-bootstrap.mjs: a bootstrap of the
regression metrics.

Usage: /usr/bin/python3 regression_bootstrap.py FILE.csv REPLICATES
Reads the suite's CSV (y, p) with pandas and times what a scikit-learn script does for a
percentile bootstrap: per replicate, draw n rows with repeats (numpy), gather them and call
mean_absolute_error, mean_squared_error (squared=False), r2_score,
mean_absolute_percentage_error and median_absolute_error. Prints one JSON object with the
seconds for all replicates (reading excluded) and the whole-set values, so the suite can
check both sides score the same data.
"""

import json
import sys
import time

import numpy as np
import pandas as pd
import sklearn
from sklearn.metrics import (
    mean_absolute_error,
    mean_absolute_percentage_error,
    mean_squared_error,
    median_absolute_error,
    r2_score,
)

METRICS = [
    mean_absolute_error,
    lambda y, p: mean_squared_error(y, p, squared=False),
    r2_score,
    mean_absolute_percentage_error,
    median_absolute_error,
]


def main():
    path, replicates = sys.argv[1], int(sys.argv[2])
    frame = pd.read_csv(path)
    y = frame["y"].to_numpy()
    p = frame["p"].to_numpy()
    rng = np.random.default_rng(0)
    start = time.perf_counter()
    for _ in range(replicates):
        idx = rng.integers(0, len(y), len(y))
        yt, yp = y[idx], p[idx]
        for metric in METRICS:
            metric(yt, yp)
    seconds = time.perf_counter() - start
    print(json.dumps({
        "sklearn": sklearn.__version__,
        "seconds": seconds,
        "values": [float(metric(y, p)) for metric in METRICS],
    }))


if __name__ == "__main__":
    main()
