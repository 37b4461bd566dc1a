"""Reference values of the paired (sign-flip) permutation test for @assay/stats.

Run: /usr/bin/python3 packages/stats/scripts/make-permutation-fixtures.py
(Debian's python3-scipy 1.10.) Writes packages/stats/test/fixtures/paired-permutation.json.

scipy.stats.permutation_test((b, a), mean of b - a, permutation_type='samples',
alternative='two-sided'): exact (every one of the 2^n sign assignments) where
2^n <= n_resamples, otherwise n_resamples random ones. The exact cases must agree to the
last digits; the randomized cases use 199999 resamples, so a test with its own generator
agrees to about 0.01.
"""
import json
import os

import numpy as np
import scipy
from scipy import stats

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'test', 'fixtures')
rng = np.random.default_rng(20271204)


def mean_difference(x, y, axis):
    return np.mean(x - y, axis=axis)


def case(name, b, a, exact):
    b = np.asarray(b, dtype=float)
    a = np.asarray(a, dtype=float)
    resamples = 2 ** len(a) if exact else 199999
    r = stats.permutation_test((b, a), mean_difference, permutation_type='samples',
                               alternative='two-sided', n_resamples=resamples,
                               vectorized=True, random_state=rng)
    return {'name': name, 'a': a.tolist(), 'b': b.tolist(), 'exact': exact,
            'statistic': float(r.statistic), 'pValue': float(r.pvalue)}


cases = []
# exact: small n, continuous, discrete with ties and zeros, all equal, one-sided shift
cases.append(case('continuous n=8', rng.normal(0.6, 0.2, 8), rng.normal(0.5, 0.2, 8), True))
x = rng.normal(0.5, 0.2, 12)
cases.append(case('continuous shifted n=12', x + rng.normal(0.15, 0.1, 12), x, True))
cases.append(case('discrete with ties and zeros n=14',
                  rng.integers(0, 4, 14) / 3, rng.integers(0, 4, 14) / 3, True))
cases.append(case('0/1 outcomes n=10', rng.integers(0, 2, 10), rng.integers(0, 2, 10), True))
same = rng.normal(0, 1, 9)
cases.append(case('identical sides n=9', same, same, True))
cases.append(case('every difference positive n=6', [0.9, 0.8, 0.7, 0.6, 0.5, 0.95],
                  [0.1, 0.2, 0.3, 0.4, 0.45, 0.5], True))
# randomized: larger n
a = rng.uniform(0, 1, 200)
cases.append(case('uniform scores n=200, small shift',
                  np.clip(a + rng.normal(0.03, 0.2, 200), 0, 1), a, False))
a = rng.uniform(0, 1, 60)
cases.append(case('uniform scores n=60, no shift',
                  np.clip(a + rng.normal(0, 0.3, 60), 0, 1), a, False))
# scipy's tie tolerance is max(1e-14, 1e-14 |T|): the null statistic -1e-13/3 away from T is
# distinct (p 0.75), not a tie (p 1). Last, so that the random cases above keep their draws.
cases.append(case('distinct by 1e-13, not a tie n=3', [1, -1 + 1e-13, 0.5], [0, 0, 0], True))

path = os.path.join(OUT, 'paired-permutation.json')
with open(path, 'w') as f:
    json.dump({'versions': {'numpy': np.__version__, 'scipy': scipy.__version__},
               'cases': cases}, f, allow_nan=False)
print('wrote', os.path.normpath(path), len(cases), 'cases')
