"""Reference confidence sequences for @assay/stats' sequences/, computed with numpy.

Run: /usr/bin/python3 packages/stats/scripts/make-sequence-fixtures.py
Writes packages/stats/test/fixtures/sequences.json.

The authors' package `confseq` is not installed here (and its source must not be copied into
this repository), so this script computes the same quantities as confseq v0.0.11 (commit
70b1ef3 of github.com/gostevehoward/confseq) from the formulas of Waudby-Smith & Ramdas (2023):
`hedged_cs` (theta 1/2, trunc_scale 1/2, running intersection) and
`predmix_empbern_twosided_cs` (truncation 1/2, running intersection, clipped to [0, 1]),
vectorized over the grid with plain cumulative products in numpy: an independent computation
of what the TypeScript accumulators do one observation at a time with logarithms.

`hedged_cs` tunes each side's bet for `alpha * theta` (= alpha/2) since confseq v0.0.10;
before, it passed `alpha`. The port follows the current form.

To check the port against a confseq checkout, set CONFSEQ_PATH to the directories to put on
sys.path (separated by os.pathsep, e.g. confseq's `src` and stubs of matplotlib and
multiprocess, which it imports but these functions do not use); the script then asserts that
both sequences equal confseq's on every case before writing.
"""
import json
import math
import os

import numpy as np

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'test', 'fixtures')
rng = np.random.default_rng(20261204)


def plugin_bets(x, alpha, truncation):
    """Predictable plug-in bets (prior mean 1/2, prior variance 1/4, one fake observation)."""
    t = np.arange(1, len(x) + 1)
    mu = np.minimum((0.5 + np.cumsum(x)) / (t + 1), 1)
    sigma2 = (0.25 + np.cumsum((x - mu) ** 2)) / (t + 1)
    sigma2_prev = np.append(0.25, sigma2[:-1])
    bets = np.sqrt(2 * np.log(1 / alpha) / (t * np.log(1 + t) * sigma2_prev))
    bets[np.isnan(bets)] = 0
    return np.minimum(truncation, bets)


def hedged(x, alpha, breaks):
    # confseq >= 0.0.10: each side bets as if at level alpha * theta, theta = 1/2
    bets = plugin_bets(x, alpha / 2, math.inf)
    # confseq's grid: arange's points are i * (1/breaks), which differ from i / breaks in the
    # last bit; a point above 1 (arange overshoots for some breaks) is never in the sequence
    grid = np.arange(0, 1 + 1 / breaks, step=1 / breaks)
    grid = grid[grid <= 1]
    inside = np.zeros((len(grid), len(x)), dtype=bool)
    for j, m in enumerate(grid):
        with np.errstate(divide='ignore'):
            up = np.minimum(bets, 0.5 / m)
            down = np.minimum(bets, 0.5 / (1 - m))
        k_up = np.cumprod(1 + up * (x - m))
        k_down = np.cumprod(1 - down * (x - m))
        inside[j] = np.maximum(0.5 * k_up, 0.5 * k_down) <= 1 / alpha
    lower = np.zeros(len(x))
    upper = np.ones(len(x))
    for t in range(len(x)):
        where = np.where(inside[:, t])[0]
        if len(where) > 0:
            lower[t] = grid[where[0]]
            upper[t] = grid[where[-1]]
    lower = np.maximum(0, lower - 1 / breaks)
    upper = np.minimum(1, upper + 1 / breaks)
    return np.maximum.accumulate(lower), np.minimum.accumulate(upper)


def eb_lower(x, alpha):
    t = np.arange(1, len(x) + 1)
    mean_prev = np.append(0, (np.cumsum(x) / t)[:-1])
    bets = plugin_bets(x, alpha, 0.5)
    psi = -np.log(1 - bets) - bets
    margin = (np.log(1 / alpha) + np.cumsum((x - mean_prev) ** 2 * psi)) / np.cumsum(bets)
    return np.cumsum(bets * x) / np.cumsum(bets) - margin


def empirical_bernstein(x, alpha):
    lower = np.maximum.accumulate(eb_lower(x, alpha / 2))
    upper = np.minimum.accumulate(1 - eb_lower(1 - x, alpha / 2))
    return np.clip(lower, 0, 1), np.clip(upper, 0, 1)


def case(name, x, alpha, breaks):
    hl, hu = hedged(x, alpha, breaks)
    el, eu = empirical_bernstein(x, alpha)
    return {'name': name, 'x': [float(v) for v in x], 'alpha': alpha, 'grid': breaks,
            'betting': {'lower': hl.tolist(), 'upper': hu.tolist()},
            'empiricalBernstein': {'lower': el.tolist(), 'upper': eu.tolist()}}


def check_against_confseq(cases):
    """Asserts the port equals confseq's own functions (see the module docstring)."""
    import sys
    import warnings
    sys.path[:0] = os.environ['CONFSEQ_PATH'].split(os.pathsep)
    warnings.filterwarnings('ignore')
    from confseq.betting import hedged_cs
    from confseq.predmix import predmix_empbern_twosided_cs
    for c in cases:
        x = np.array(c['x'])
        hl, hu = hedged_cs(x, alpha=c['alpha'], breaks=c['grid'], running_intersection=True)
        el, eu = predmix_empbern_twosided_cs(x, alpha=c['alpha'], running_intersection=True)
        el, eu = np.clip(el, 0, 1), np.clip(eu, 0, 1)
        for name, mine, theirs in [('betting', c['betting'], (hl, hu)),
                                   ('empiricalBernstein', c['empiricalBernstein'], (el, eu))]:
            for side, ref in zip(['lower', 'upper'], theirs):
                worst = np.max(np.abs(np.array(mine[side]) - ref))
                assert worst <= 1e-15, (c['name'], name, side, worst)
    print('equal to confseq on', len(cases), 'cases')


cases = [
    case('bernoulli 0.8, n 300', (rng.random(300) < 0.8).astype(float), 0.05, 1000),
    case('bernoulli 0.97, n 200', (rng.random(200) < 0.97).astype(float), 0.05, 1000),
    case('uniform scores, n 150', rng.random(150), 0.1, 500),
    case('beta(2, 5) scores, n 250', rng.beta(2, 5, 250), 0.01, 1000),
    case('all correct, n 60', np.ones(60), 0.05, 200),
    # not iid: the running intersection crosses (lower > upper) in confseq too
    case('300 ones then 3000 zeros (crosses)', np.r_[np.ones(300), np.zeros(3000)], 0.05, 1000),
]
if os.environ.get('CONFSEQ_PATH'):
    check_against_confseq(cases)
with open(os.path.join(OUT, 'sequences.json'), 'w') as f:
    json.dump({'versions': {'numpy': np.__version__, 'confseq': '0.0.11 (70b1ef3)'}, 'cases': cases}, f, allow_nan=False)
print('wrote sequences.json', len(cases), 'cases')
