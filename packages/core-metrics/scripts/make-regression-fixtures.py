#!/usr/bin/python3
"""Reference values for the regression metrics of @assay/core-metrics,
computed with scikit-learn 1.2.1 / numpy 1.24.

Run from the package directory:  /usr/bin/python3 scripts/make-regression-fixtures.py
Writes test/fixtures/regression.json: each case has the TypeScript function,
yTrue, yPred, the options object (TypeScript spelling) and `expected`, or
`error` with the MetricInputError code the TypeScript side must throw.
rootMeanSquaredError is scikit-learn 1.2's mean_squared_error(squared=False).
"""
import os
import warnings

import numpy as np
import sklearn
from sklearn.metrics import (
    explained_variance_score,
    max_error,
    mean_absolute_error,
    mean_absolute_percentage_error,
    mean_squared_error,
    mean_squared_log_error,
    median_absolute_error,
    r2_score,
)

from fixture_json import write

warnings.simplefilter("ignore")
rng = np.random.default_rng(11292026)
cases = []


def rmse(y, p, **kw):
    return mean_squared_error(y, p, squared=False, **kw)


def rmsle(y, p, **kw):
    return mean_squared_log_error(y, p, squared=False, **kw)


METRICS = {
    "meanAbsoluteError": mean_absolute_error,
    "meanSquaredError": mean_squared_error,
    "rootMeanSquaredError": rmse,
    "medianAbsoluteError": median_absolute_error,
    "maxError": max_error,
    "r2Score": r2_score,
    "explainedVarianceScore": explained_variance_score,
    "meanAbsolutePercentageError": mean_absolute_percentage_error,
}


def add(name, fn, y, p, options, expected=None, error=None):
    case = {"name": name, "fn": fn, "args": [list(map(float, y)), list(map(float, p))], "options": options}
    if error is None:
        case["expected"] = expected
    else:
        case["error"] = error
    cases.append(case)


def sk_call(fn, y, p, options):
    kw = {}
    if "sampleWeight" in options:
        kw["sample_weight"] = options["sampleWeight"]
    if "forceFinite" in options:
        kw["force_finite"] = options["forceFinite"]
    if "squared" in options:
        kw["squared"] = options["squared"]
    return METRICS[fn](y, p, **kw) if fn in METRICS else ALL[fn](y, p, **kw)


ALL = dict(METRICS, meanSquaredLogError=mean_squared_log_error)


def all_metrics(label, y, p, options=None, skip=()):
    options = options or {}
    for fn in ALL:
        if fn in skip:
            continue
        if fn == "maxError" and "sampleWeight" in options:
            # max_error takes no weights; ours validates and ignores them.
            add(f"{label}: {fn}", fn, y, p, options, float(max_error(y, p)))
            continue
        if fn == "medianAbsoluteError" and "forceFinite" in options:
            continue
        opts = {k: v for k, v in options.items() if k != "forceFinite" or fn in ("r2Score", "explainedVarianceScore")}
        add(f"{label}: {fn}", fn, y, p, opts, float(sk_call(fn, y, p, opts)))


y = rng.normal(10, 3, 200)
p = y + rng.normal(0, 1.5, 200)
all_metrics("normal targets", y, p, skip=("meanSquaredLogError",))
w = rng.random(200).round(3)
all_metrics("normal targets weighted", y, p, {"sampleWeight": w.tolist()}, skip=("meanSquaredLogError",))
w_int = rng.integers(0, 4, 200).astype(float)
all_metrics("integer weights with zeros", y, p, {"sampleWeight": w_int.tolist()}, skip=("meanSquaredLogError",))

yp = rng.gamma(2.0, 3.0, 150)
pp = np.abs(yp + rng.normal(0, 1, 150))
all_metrics("positive targets", yp, pp)
wp = rng.random(150).round(3)
all_metrics("positive targets weighted", yp, pp, {"sampleWeight": wp.tolist()})
add("rmsle (squared false)", "meanSquaredLogError", yp, pp, {"squared": False}, float(rmsle(yp, pp)))
add("mse squared false", "meanSquaredError", y, p, {"squared": False}, float(rmse(y, p)))

odd = rng.normal(0, 1, 51)
all_metrics("odd count (median is the middle value)", odd, odd * 0.9, skip=("meanSquaredLogError",))
big = 1e6 + rng.normal(0, 1, 300)
all_metrics("large offset, small spread", big, big + rng.normal(0, 0.5, 300), skip=("meanSquaredLogError",))

# More rows than one accumulator block (1024): exercises the blockwise moments.
yb = np.round(rng.normal(50, 10, 2100), 4)
pb = np.round(yb + rng.normal(0, 4, 2100), 4)
wb = rng.random(2100).round(2) + 0.01
for fn in ("r2Score", "explainedVarianceScore", "meanSquaredError", "meanAbsolutePercentageError"):
    add(f"2100 rows weighted (three blocks): {fn}", fn, yb, pb, {"sampleWeight": wb.tolist()},
        float(sk_call(fn, yb, pb, {"sampleWeight": wb.tolist()})))

# Degenerate cases.
const = [2.0, 2.0, 2.0, 2.0]
for ff in (True, False):
    add(f"constant yTrue, imperfect, forceFinite {ff}: r2", "r2Score", const, [1.0, 2.0, 3.0, 2.0], {"forceFinite": ff},
        float(r2_score(const, [1.0, 2.0, 3.0, 2.0], force_finite=ff)))
    add(f"constant yTrue, perfect, forceFinite {ff}: r2", "r2Score", const, const, {"forceFinite": ff},
        float(r2_score(const, const, force_finite=ff)))
    add(f"constant yTrue, imperfect, forceFinite {ff}: explained variance", "explainedVarianceScore", const, [1.0, 2.0, 3.0, 2.0],
        {"forceFinite": ff}, float(explained_variance_score(const, [1.0, 2.0, 3.0, 2.0], force_finite=ff)))
    add(f"constant yTrue, perfect, forceFinite {ff}: explained variance", "explainedVarianceScore", const, const,
        {"forceFinite": ff}, float(explained_variance_score(const, const, force_finite=ff)))
yy = [3.0, -0.5, 2.0, 7.0]
all_metrics("perfect predictions", yy, yy, skip=("meanSquaredLogError",))
all_metrics("docstring example", yy, [2.5, 0.0, 2.0, 8.0], skip=("meanSquaredLogError",))
add("constant residual: explained variance 1, r2 < 1", "explainedVarianceScore", yy, [v + 1.0 for v in yy], {},
    float(explained_variance_score(yy, [v + 1.0 for v in yy])))
add("constant residual: r2", "r2Score", yy, [v + 1.0 for v in yy], {}, float(r2_score(yy, [v + 1.0 for v in yy])))
add("one row: r2 is NaN", "r2Score", [1.0], [2.0], {}, float(r2_score([1.0], [2.0])))
add("zero target in MAPE uses eps", "meanAbsolutePercentageError", [0.0, 1.0, 2.0], [0.5, 1.0, 1.0], {},
    float(mean_absolute_percentage_error([0.0, 1.0, 2.0], [0.5, 1.0, 1.0])))
add("weighted median: even split", "medianAbsoluteError", [0.0, 0.0, 0.0, 0.0], [1.0, 2.0, 3.0, 4.0],
    {"sampleWeight": [1.0, 1.0, 1.0, 1.0]},
    float(median_absolute_error([0.0, 0.0, 0.0, 0.0], [1.0, 2.0, 3.0, 4.0], sample_weight=[1.0, 1.0, 1.0, 1.0])))
add("weighted median: heavy tail weight", "medianAbsoluteError", [0.0, 0.0, 0.0], [1.0, 2.0, 9.0],
    {"sampleWeight": [1.0, 1.0, 5.0]},
    float(median_absolute_error([0.0, 0.0, 0.0], [1.0, 2.0, 9.0], sample_weight=[1.0, 1.0, 5.0])))
add("msle negative target raises", "meanSquaredLogError", [1.0, -1.0], [1.0, 2.0], {},
    error={"code": "NEGATIVE_VALUE"})
add("msle negative prediction raises", "meanSquaredLogError", [1.0, 2.0], [1.0, -0.5], {},
    error={"code": "NEGATIVE_VALUE"})
try:
    mean_squared_log_error([1.0, -1.0], [1.0, 2.0])
    raise AssertionError("scikit-learn accepted a negative target")
except ValueError:
    pass

out = os.path.join(os.path.dirname(__file__), "..", "test", "fixtures", "regression.json")
write(out, {"generator": "scripts/make-regression-fixtures.py", "sklearn": sklearn.__version__, "numpy": np.__version__, "cases": cases})
print(f"wrote {len(cases)} cases to {os.path.normpath(out)}")
