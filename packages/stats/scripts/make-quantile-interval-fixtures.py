"""Reference values for quantileInterval of @assay/stats.

Run: /usr/bin/python3 packages/stats/scripts/make-quantile-interval-fixtures.py
(Debian's python3-scipy 1.10, whose scipy.stats has no quantile_test yet: the ranks are
computed here from scipy.stats.binom, by the definition quantile_test's equal-tailed
confidence_interval uses in scipy 1.11.)
Writes packages/stats/test/fixtures/quantile-interval.json; per case n, q, level and the
1-based ranks of the order statistics that bound the q quantile:
- lowRank: the largest l with P(B >= l) >= 1 - alpha/2, B ~ Binomial(n, q) (0: none);
- highRank: the smallest u with P(B <= u - 1) >= 1 - alpha/2 (n + 1: none).
"""
import json
import os

import scipy
from scipy.stats import binom

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'test', 'fixtures')


def ranks(n, q, level):
    tail = (1 - level) / 2
    low = 0
    for k in range(1, n + 1):
        if binom.cdf(k - 1, n, q) <= tail:
            low = k
    high = n + 1
    for k in range(n, 0, -1):
        if binom.sf(k - 1, n, q) <= tail:
            high = k
    return low, high


cases = []
for n in [1, 2, 5, 6, 10, 29, 35, 40, 71, 72, 100, 367, 368, 500, 1000, 2500]:
    for q in [0.5, 0.9, 0.95, 0.99]:
        for level in [0.8, 0.9, 0.95, 0.99]:
            low, high = ranks(n, q, level)
            cases.append({'n': n, 'q': q, 'level': level, 'lowRank': low, 'highRank': high})

path = os.path.join(OUT, 'quantile-interval.json')
with open(path, 'w') as f:
    json.dump({'versions': {'scipy': scipy.__version__}, 'cases': cases}, f)
print('wrote', os.path.normpath(path), len(cases), 'cases')
