"""Reference values for the `assay run` statistics (src/stats): exact McNemar via
scipy.stats.binomtest, Holm adjustment by its textbook definition, numpy percentiles.

Run: /usr/bin/python3 packages/runner/scripts/make-run-stats-fixtures.py
Writes packages/runner/test/fixtures/run-stats.json.
"""
import json
import os

import numpy as np
from scipy.stats import binomtest

rng = np.random.default_rng(20261129)

mcnemar = []
for only_a, only_b in [(0, 0), (1, 0), (0, 5), (3, 3), (1, 10), (7, 2), (15, 30), (40, 25),
                       (120, 95), (500, 560), (1000, 1100), (2, 2000)]:
    n = only_a + only_b
    p = 1.0 if n == 0 else binomtest(min(only_a, only_b), n, 0.5, alternative='two-sided').pvalue
    mcnemar.append({"onlyA": only_a, "onlyB": only_b, "pValue": float(p)})


def holm(p):
    p = np.asarray(p, dtype=float)
    m = len(p)
    order = np.argsort(p, kind='mergesort')
    adj = np.empty(m)
    running = 0.0
    for rank, idx in enumerate(order):
        running = max(running, min(1.0, (m - rank) * p[idx]))
        adj[idx] = running
    return adj.tolist()


holm_cases = []
for p in [[0.01, 0.04, 0.03], [0.2], [0.001, 0.5, 0.02, 0.04, 0.3], [0.9, 0.8, 0.7, 0.6],
          [0.05, 0.05, 0.05]]:
    holm_cases.append({"p": p, "adjusted": holm(p)})
random_p = rng.uniform(0, 0.2, size=12).tolist()
holm_cases.append({"p": random_p, "adjusted": holm(random_p)})

percentile_cases = []
for n in [1, 2, 5, 10, 101]:
    x = rng.lognormal(3.0, 0.7, size=n)
    qs = [0, 25, 50, 90, 95, 99, 100]
    percentile_cases.append({"values": x.tolist(), "qs": qs,
                             "expected": np.percentile(x, qs).tolist()})

out = {"mcnemar": mcnemar, "holm": holm_cases, "percentiles": percentile_cases}
path = os.path.join(os.path.dirname(__file__), '..', 'test', 'fixtures', 'run-stats.json')
with open(path, 'w') as f:
    json.dump(out, f, indent=1)
print('wrote', os.path.normpath(path))
