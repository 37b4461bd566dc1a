"""Reference values for percentileBootstrapInterval and wilsonInterval of @assay/stats.

Run: /usr/bin/python3 packages/stats/scripts/make-interval-fixtures.py
(Debian's python3-numpy 1.24, python3-scipy 1.10 and python3-statsmodels 0.13.)
Writes packages/stats/test/fixtures/percentile-bootstrap.json and wilson.json.

percentile-bootstrap.json, per case:
- `indices`: the resample indices scipy.stats.bootstrap draws with
  random_state=np.random.default_rng(seed) (scipy 1.10 draws them all at once with
  rng.integers(0, n, (n_resamples, n))), so the TypeScript test can replay the same draws;
- `expected`: scipy.stats.bootstrap(method='percentile') on those draws, checked here to
  equal numpy's percentile of np.percentile over the replayed resamples;
- `scipyLarge`: scipy's interval with 20000 resamples of its own generator, to which the
  TypeScript function with its own seeded generator must come close (Monte Carlo error).
"""
import json
import os

import numpy as np
import scipy
import statsmodels
from scipy import stats
from statsmodels.stats.proportion import proportion_confint

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'test', 'fixtures')
VERSIONS = {'numpy': np.__version__, 'scipy': scipy.__version__,
            'statsmodels': statsmodels.__version__}
data_rng = np.random.default_rng(20261204)


def write(name, cases):
    path = os.path.join(OUT, name)
    with open(path, 'w') as f:
        json.dump({'versions': VERSIONS, 'cases': cases}, f, allow_nan=False)
    print('wrote', os.path.normpath(path), len(cases), 'cases')


def latencies(n):
    # a service's end-to-end latencies: log-normal around 200 ms, rounded like a timer
    return np.round(data_rng.lognormal(np.log(200.0), 0.45, size=n), 3)


cases = []
for n, percent, level, resamples, seed in [
    (25, 50, 0.95, 120, 1),
    (60, 95, 0.95, 150, 2),
    (60, 99, 0.9, 150, 3),
    (200, 95, 0.95, 60, 4),
    (200, 90, 0.8, 60, 5),
]:
    x = latencies(n)

    def statistic(s, axis=-1, q=percent):
        return np.percentile(s, q, axis=axis)

    indices = np.random.default_rng(seed).integers(0, n, (resamples, n))
    res = stats.bootstrap((x,), statistic, n_resamples=resamples, confidence_level=level,
                          method='percentile', vectorized=True,
                          random_state=np.random.default_rng(seed))
    expected = [float(res.confidence_interval.low), float(res.confidence_interval.high)]
    replicates = np.percentile(x[indices], percent, axis=1)
    alpha = (1 - level) / 2
    by_numpy = [float(np.percentile(replicates, 100 * alpha)),
                float(np.percentile(replicates, 100 * (1 - alpha)))]
    assert np.allclose(expected, by_numpy, rtol=1e-14, atol=0), (expected, by_numpy)
    large = stats.bootstrap((x,), statistic, n_resamples=20000, confidence_level=level,
                            method='percentile', vectorized=True,
                            random_state=np.random.default_rng(1000 + seed))
    cases.append({
        'label': f'p{percent} of {n} latencies at {level}',
        'values': [float(v) for v in x],
        'percent': percent,
        'level': level,
        'indices': indices.tolist(),
        'expected': expected,
        'scipyLarge': [float(large.confidence_interval.low),
                       float(large.confidence_interval.high)],
    })
write('percentile-bootstrap.json', cases)

wilson = []
# levels up to 1 − 2⁻⁵³, where Φ⁻¹(1 − α/2) would round α/2 away: the interval needs the tail
for k, n in [(0, 1), (0, 50), (1, 50), (3, 20), (10, 10), (7, 1000), (500, 1000), (1, 3),
             (3, 10)]:
    for level in [0.8, 0.9, 0.95, 0.99, 1 - 1e-9, 1 - 1e-12, 1 - 2 ** -53]:
        low, high = proportion_confint(k, n, alpha=1 - level, method='wilson')
        wilson.append({'successes': k, 'trials': n, 'level': level,
                       'expected': [float(low), float(high)]})
write('wilson.json', wilson)
