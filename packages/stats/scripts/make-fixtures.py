"""Reference values for @assay/stats, from numpy, scipy and statsmodels.

Run: /usr/bin/python3 packages/stats/scripts/make-fixtures.py
(Debian's python3-numpy 1.24, python3-scipy 1.10, python3-statsmodels 0.13, python3-sklearn 1.2
and python3-mpmath 1.2.)
Writes packages/stats/test/fixtures/*.json. NaN is written as null.
"""
import json
import math
import os

import mpmath

import itertools

import numpy as np
import scipy
import sklearn
import statsmodels
from scipy import stats
from scipy.special import ndtr, ndtri
from scipy.stats import _resampling
from sklearn.metrics import cohen_kappa_score
from statsmodels.stats.contingency_tables import mcnemar
from statsmodels.stats.multitest import multipletests

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'test', 'fixtures')
VERSIONS = {'numpy': np.__version__, 'scipy': scipy.__version__,
            'statsmodels': statsmodels.__version__}
rng = np.random.default_rng(20270311)


def plain(x):
    """Floats as Python floats (repr round-trips), NaN as None."""
    if isinstance(x, (list, tuple, np.ndarray)):
        return [plain(v) for v in x]
    x = float(x)
    return None if math.isnan(x) else x


def write(name, cases, versions=None):
    path = os.path.join(OUT, name)
    with open(path, 'w') as f:
        json.dump({'versions': versions or VERSIONS, 'cases': cases}, f, allow_nan=False)
    print('wrote', os.path.normpath(path), len(cases), 'cases')


# --- quantiles: numpy.percentile / numpy.quantile, method='linear' ----------------------------
PERCENTS = [0, 0.1, 0.5, 1, 2.5, 5, 10, 12.5, 25, 33.3, 50, 66.7, 75, 80, 90, 95, 97.5, 99,
            99.5, 99.9, 100]
PROBABILITIES = [0, 0.001, 0.025, 0.05, 0.1, 0.25, 0.333, 0.5, 0.7, 0.9, 0.95, 0.975, 0.99,
                 0.999, 1]
LEVELS = [0.5, 0.8, 0.9, 0.95, 0.99]


def sample(n, kind):
    if kind == 'lognormal':
        return rng.lognormal(3.0, 0.7, size=n)
    if kind == 'ties':
        return rng.integers(0, 6, size=n).astype(float) / 4
    return rng.normal(0.0, 10.0, size=n)


quantile_cases = []
for n, kind in [(1, 'normal'), (2, 'normal'), (3, 'ties'), (5, 'lognormal'), (10, 'normal'),
                (11, 'lognormal'), (40, 'ties'), (101, 'lognormal'), (1000, 'normal'),
                (1001, 'lognormal'), (2000, 'normal')]:
    x = sample(n, kind)
    sorted_x = np.sort(x)
    intervals = []
    for level in LEVELS:
        alpha = (1 - level) / 2
        # the order statistics numpy takes for the decimal percentages, e.g. [2.5, 97.5]
        percent = round(100 * alpha, 12)
        intervals.append({'level': level,
                          'percents': [percent, 100 - percent],
                          'expected': plain(np.percentile(x, [percent, 100 - percent])),
                          'scipyUnrounded': plain(np.percentile(x, [100 * alpha,
                                                                    100 * (1 - alpha)]))})
    quantile_cases.append({
        'kind': kind, 'values': plain(x), 'sorted': plain(sorted_x),
        'percents': PERCENTS, 'percentiles': plain(np.percentile(x, PERCENTS)),
        'probabilities': PROBABILITIES, 'quantiles': plain(np.quantile(x, PROBABILITIES)),
        'intervals': intervals,
    })
write('quantiles.json', quantile_cases)


# --- multiple testing: statsmodels multipletests holm and fdr_bh ------------------------------
def adjust(p, method):
    """multipletests on the defined entries; NaN stays NaN and is left out of m."""
    p = np.asarray(p, dtype=float)
    out = np.full(len(p), np.nan)
    defined = ~np.isnan(p)
    if defined.any():
        out[defined] = multipletests(p[defined], method=method)[1]
    return out


families = [
    [0.01, 0.04, 0.03],
    [0.2],
    [0.001, 0.5, 0.02, 0.04, 0.3],
    [0.9, 0.8, 0.7, 0.6],
    [0.05, 0.05, 0.05],
    [0.0, 1.0, 0.5, 0.0, 1.0],
    [1.0, 1.0],
    [0.0],
    [0.04, 0.01, 0.04, 0.03, 0.01, 0.2, 0.04],
    [0.3, float('nan'), 0.01, float('nan'), 0.02],
    [float('nan'), float('nan')],
    [],
    rng.uniform(0, 0.2, size=12).tolist(),
    rng.uniform(0, 1, size=50).tolist(),
    np.round(rng.uniform(0, 0.1, size=30), 2).tolist(),
    (10.0 ** -rng.uniform(0, 12, size=25)).tolist(),
]
write('multiple-testing.json', [
    {'p': plain(p), 'holm': plain(adjust(p, 'holm')), 'fdrBh': plain(adjust(p, 'fdr_bh'))}
    for p in families
])


# --- McNemar: statsmodels mcnemar(exact=True) and scipy binomtest -------------------------------
mcnemar_cases = []
for only_a, only_b in [(0, 0), (1, 0), (0, 1), (0, 5), (3, 3), (1, 10), (7, 2), (5, 0), (15, 30),
                       (40, 25), (50, 50), (25, 75), (120, 95), (300, 200), (500, 560),
                       (1000, 1100), (2, 2000)]:
    table = [[17, only_a], [only_b, 4]]
    sm = mcnemar(table, exact=True).pvalue
    n = only_a + only_b
    binom = 1.0 if n == 0 else stats.binomtest(min(only_a, only_b), n, 0.5).pvalue
    assert math.isclose(sm, binom, rel_tol=1e-12, abs_tol=1e-300), (only_a, only_b, sm, binom)
    mcnemar_cases.append({'onlyA': only_a, 'onlyB': only_b, 'bothRight': 17, 'bothWrong': 4,
                          'pValue': float(sm), 'binomtest': float(binom)})
write('mcnemar.json', mcnemar_cases)


# --- binomialTestHalf up to n = 1e8: scipy.stats.binomtest(k, n, 0.5) ---------------------------
# k = 0 and 1, near the mean, several standard deviations out and in the far tail. Near n/2
# binomtest counts outcomes within a factor 1 + 1e-7 of P(X = k) as "as extreme" (rerr), which
# only differs from the exact 2·P(X ≤ k) within a few outcomes of n/2 at n ≥ 1e7; the cases stay
# clear of that, and the assertion below checks they do.
binomial_cases = []
for n in [10, 101, 1000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000]:
    sd = math.sqrt(n) / 2
    ks = {0, 1, 2, n // 2 - max(1, round(0.3 * sd)), n // 2 - round(sd), n // 2 - round(3 * sd),
          n // 2 - round(6 * sd), n // 2 - round(10 * sd), n // 2 - round(30 * sd), n // 4,
          n // 10, n - 1, n // 2 + round(2 * sd)}
    for k in sorted(k for k in ks if 0 <= k <= n):
        p = stats.binomtest(k, n, 0.5).pvalue
        m = min(k, n - k)
        exact_tail = 1.0 if 2 * m == n else min(1.0, 2 * stats.binom.cdf(m, n, 0.5))
        assert math.isclose(p, exact_tail, rel_tol=1e-12, abs_tol=1e-300), (k, n, p, exact_tail)
        binomial_cases.append({'k': k, 'n': n, 'pValue': float(p), 'reference': 'scipy'})


def exact_two_sided(k, n):
    """2·P(X ≤ k), k < n/2, in 30-digit arithmetic: P(X = k) from log-gamma, then the terms
    below it by the ratio j/(n − j + 1) until they stop counting."""
    mpmath.mp.dps = 30
    term = mpmath.exp(mpmath.loggamma(n + 1) - mpmath.loggamma(k + 1) - mpmath.loggamma(n - k + 1)
                      - n * mpmath.log(2))
    total, j = term, k
    while term > total * mpmath.mpf(10) ** -25:
        term = term * j / (n - j + 1)
        total += term
        j -= 1
    return float(min(1, 2 * total))


# At n = 1e9 scipy 1.10's binomtest is itself off by 2.2e-8 relative (boost's binomial), so the
# reference there is the exact sum in mpmath.
n = 1_000_000_000
for k in [n // 2 - round(0.3 * math.sqrt(n) / 2), n // 2 - round(1.5 * math.sqrt(n))]:
    binomial_cases.append({'k': k, 'n': n, 'pValue': exact_two_sided(k, n),
                           'reference': 'mpmath'})
write('binomial-test.json', binomial_cases, {**VERSIONS, 'mpmath': mpmath.__version__})


# --- normal distribution: scipy.special.ndtr / ndtri ---------------------------------------------
xs = np.concatenate([[-37.5, -37, -30, -20, -10, -8, -5, -3, -1.96, -1, -0.5, -1e-8, 0, 1e-8,
                      0.5, 1, 1.96, 3, 5, 8, 8.5],
                     rng.uniform(-37, 9, size=60), rng.normal(0, 1, size=40)])
ps = np.concatenate([[1e-300, 1e-200, 1e-100, 1e-50, 1e-20, 1e-10, 1e-5, 0.001, 0.01, 0.02425,
                      0.025, 0.05, 0.1, 0.25, 0.3, 0.4999999, 0.5, 0.5000001, 0.7, 0.75, 0.9,
                      0.95, 0.975, 0.97575, 0.99, 1 - 1e-10, 1 - 1e-16],
                     10.0 ** -rng.uniform(0, 300, size=40), rng.uniform(0, 1, size=60)])
write('normal.json', [{'x': plain(xs), 'cdf': plain(ndtr(xs)),
                       'p': plain(ps), 'quantile': plain(ndtri(ps))}])


# --- BCa: scipy.stats.bootstrap(method='BCa') end to end --------------------------------------
def bca_by_formula(theta_hat_b, observed, jackknife, level):
    """scipy 1.10's _bca_interval + _percentile_along_axis, from explicit inputs."""
    b = theta_hat_b
    percentile = ((b < observed).sum() + (b <= observed).sum()) / (2 * len(b))
    z0 = ndtri(percentile)
    n = len(jackknife)
    u = (n - 1) * (jackknife.mean() - jackknife)
    a_hat = 1 / 6 * ((u ** 3).sum() / n ** 3) / ((u ** 2).sum() / n ** 2) ** (3 / 2)
    z_alpha = ndtri((1 - level) / 2)
    num1, num2 = z0 + z_alpha, z0 - z_alpha
    alpha_1 = ndtr(z0 + num1 / (1 - a_hat * num1))
    alpha_2 = ndtr(z0 + num2 / (1 - a_hat * num2))
    # scipy's _percentile_along_axis gives NaN for a NaN alpha (np.percentile would raise)
    bounds = [np.nan if np.isnan(a) else np.percentile(b, a * 100) for a in [alpha_1, alpha_2]]
    return z0, a_hat, alpha_1, alpha_2, bounds


def binary(n):
    return (rng.uniform(size=n) < 0.8).astype(float)


bca_sets = [
    ('mean of a normal sample', rng.normal(5, 2, size=30), np.mean, 1000),
    ('mean of an exponential sample', rng.exponential(3, size=25), np.mean, 2000),
    ('median of 15 values (replicates tie with the observed value)',
     np.round(rng.normal(0, 1, size=15), 1), np.median, 999),
    ('standard deviation of a lognormal sample', rng.lognormal(0, 1, size=40), np.std, 1000),
    ('accuracy of 50 binary outcomes', binary(50), np.mean, 1500),
    # the jackknife is constant (the maximum is tied), so â is 0/0 and scipy returns NaN; in
    # floating point the jackknife mean may differ from the values in the last bit
    ('maximum of 10 values, tied (constant jackknife)',
     np.array([1.2, 0.2, 2.7, 1.2, 2.7, 2.6, 0.4, 0.5, 0.8, 2.1]), np.max, 1000),
]
bca_cases = []
for label, data, statistic, n_resamples in bca_sets:
    jackknife = np.array([statistic(np.delete(data, i)) for i in range(len(data))])
    observed = float(statistic(data))
    replicates = None
    levels = []
    for level in [0.9, 0.95, 0.99]:
        res = stats.bootstrap((data,), statistic, method='BCa', confidence_level=level,
                              n_resamples=n_resamples, random_state=np.random.default_rng(7),
                              vectorized=True)
        theta_hat_b = res.bootstrap_distribution
        # one seed: the same bootstrap distribution at every level
        assert replicates is None or np.array_equal(replicates, theta_hat_b)
        replicates = theta_hat_b
        z0, a_hat, alpha_1, alpha_2, formula = bca_by_formula(theta_hat_b, observed, jackknife,
                                                              level)
        # the formula above is scipy's own computation, end to end
        scipy_alphas = _resampling._bca_interval((data,), statistic, axis=-1,
                                                 alpha=(1 - level) / 2,
                                                 theta_hat_b=theta_hat_b, batch=None)
        assert np.allclose([alpha_1, alpha_2, a_hat], scipy_alphas, rtol=1e-13, atol=0,
                           equal_nan=True)
        ci = res.confidence_interval
        assert np.allclose(formula, [ci.low, ci.high], rtol=1e-13, atol=0, equal_nan=True), \
            (label, level)
        levels.append({'level': level, 'z0': plain(z0), 'acceleration': plain(a_hat),
                       'alpha1': plain(alpha_1), 'alpha2': plain(alpha_2),
                       'expected': plain([ci.low, ci.high])})
    bca_cases.append({'label': label, 'observed': observed, 'jackknife': plain(jackknife),
                      'replicates': plain(replicates), 'levels': levels})
write('bca.json', bca_cases)


# --- paired bootstrap summary: numpy percentiles of the replicate differences -------------------
paired_cases = []
for label, d in [
    ('clearly positive', rng.normal(0.05, 0.02, size=1000)),
    ('around zero, on a 1/200 grid', np.round(rng.normal(0.0, 0.02, size=2000) * 200) / 200),
    ('with undefined resamples', np.where(rng.uniform(size=500) < 0.1, np.nan,
                                          rng.normal(-0.03, 0.02, size=500))),
    ('all zero', np.zeros(300)),
]:
    for level in [0.9, 0.95]:
        defined = d[~np.isnan(d)]
        percent = round(100 * (1 - level) / 2, 12)
        p = min(1.0, 2 * min((defined <= 0).sum(), (defined >= 0).sum()) / len(defined))
        paired_cases.append({
            'label': label, 'ci': level, 'observed': float(np.mean(defined)),
            'replicates': plain(d),
            'ciLow': float(np.percentile(defined, percent)),
            'ciHigh': float(np.percentile(defined, 100 - percent)),
            'pValue': float(p), 'samples': int(len(defined)),
        })
write('paired-bootstrap.json', paired_cases)


# --- kappaInterval's weighted replicates: cohen_kappa_score(..., labels=<full sample's labels>) --
# Every resample of the rows (all n^n index tuples of a small sample), scored by scikit-learn
# with the full sample's labels (what a replicate is) and with the resample's own labels (what
# cohen_kappa_score on the resample alone gives; weights then change meaning when a label is
# missing from the resample). The test replays kappaInterval's draws and looks them up here.
def kappa_or_nan(a, b, **kwargs):
    with np.errstate(divide='ignore', invalid='ignore'):
        return float(cohen_kappa_score(a, b, **kwargs))


kappa_cases = []
for y1, y2 in [([4, 3, 1], [4, 3, 2]), ([1, 2, 3, 5], [1, 3, 3, 4])]:
    labels = sorted(set(y1) | set(y2))
    for weights in ['linear', 'quadratic']:
        rows = []
        for draw in itertools.product(range(len(y1)), repeat=len(y1)):
            a = [y1[i] for i in draw]
            b = [y2[i] for i in draw]
            rows.append({'rows': list(draw),
                         'withFullLabels': plain(kappa_or_nan(a, b, weights=weights,
                                                              labels=labels)),
                         'withResampleLabels': plain(kappa_or_nan(a, b, weights=weights))})
        kappa_cases.append({'y1': y1, 'y2': y2, 'weights': weights, 'labels': labels,
                            'resamples': rows})
write('kappa-replicates.json', kappa_cases, {**VERSIONS, 'sklearn': sklearn.__version__})
