"""Writes test/fixtures/kappa.json: scikit-learn 1.2 reference values of
cohen_kappa_score for cohenKappaScore, cohenKappaFromConfusion and encodeRatingPairs,
with the agreement data an LLM judge meets (ordinal grades 1-5, pass/fail, letter
grades) besides the generic shapes.

Run from the package directory with: /usr/bin/python3 scripts/make-kappa-fixtures.py

Each case holds y1, y2, the options in the TypeScript API's camelCase form, the
expected kappa and the confusion matrix scikit-learn scores (confusion_matrix with the
same labels and weights), so the kernel is checked on its own. NaN is written as the
string "NaN". `warns` says whether scikit-learn's computation hit 0/0 (numpy's
RuntimeWarning "invalid value encountered"), which is when cohenKappaScore warns.
"""

import os
import sys
import warnings

import numpy as np
import sklearn
from sklearn.metrics import cohen_kappa_score, confusion_matrix

from fixture_json import write

rng = np.random.default_rng(20240612)
WEIGHTS = [None, "linear", "quadratic"]
cases = []


def case(name, y1, y2, options=None):
    options = dict(options or {})
    kw = {}
    if "labels" in options:
        kw["labels"] = options["labels"]
    if "sampleWeight" in options:
        kw["sample_weight"] = np.asarray(options["sampleWeight"], dtype=float)
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        kappa = cohen_kappa_score(y1, y2, weights=options.get("weights"), **kw)
    matrix = confusion_matrix(y1, y2, **kw)
    cases.append(
        {
            "name": name,
            "y1": np.asarray(y1).tolist(),
            "y2": np.asarray(y2).tolist(),
            "options": options,
            "expected": float(kappa),
            "matrix": matrix.astype(float).tolist(),
            "warns": any(issubclass(w.category, RuntimeWarning) for w in seen),
        }
    )


def noisy_grades(truth, low, high, spread):
    """A second rater: the first one's grade moved by a rounded normal step, clipped."""
    step = np.rint(rng.normal(0, spread, len(truth))).astype(int)
    return np.clip(truth + step, low, high)


def each_weight(name, y1, y2, options=None):
    for weights in WEIGHTS:
        case(f"{name}, weights {weights}", y1, y2, {**(options or {}), "weights": weights})


# --- generic shapes ----------------------------------------------------------------------
bin1 = rng.integers(0, 2, 50)
bin2 = np.where(rng.random(50) < 0.3, 1 - bin1, bin1)
each_weight("binary ints", bin1, bin2)
multi1 = rng.integers(0, 4, 80)
multi2 = np.where(rng.random(80) < 0.45, rng.integers(0, 4, 80), multi1)
each_weight("multiclass ints", multi1, multi2)
names = np.array(["ant", "bee", "cat", "dog"])
each_weight("multiclass strings", names[multi1], names[multi2])
sparse = np.array([-7, 2, 40, 1000])
each_weight("labels -7, 2, 40, 1000", sparse[multi1], sparse[multi2])

# --- an LLM judge against human grades -----------------------------------------------------
human = rng.integers(1, 6, 200)
judge = noisy_grades(human, 1, 5, 0.9)
each_weight("ordinal grades 1-5, 200 items", human, judge)
lenient = np.clip(judge + (rng.random(200) < 0.4), 1, 5)  # a judge that grades up
each_weight("ordinal grades 1-5, lenient judge", human, lenient)
each_weight("ordinal grades 1-5, judge uses 2-4 only", human, np.clip(judge, 2, 4))
each_weight("ordinal grades 1-5, labels [1..5]", human[:12], np.clip(judge[:12], 2, 4), {"labels": [1, 2, 3, 4, 5]})
each_weight("ordinal grades 1-5, labels with 6 (never given)", human, judge, {"labels": [1, 2, 3, 4, 5, 6]})
each_weight("ordinal grades 1-5, labels reversed", human, judge, {"labels": [5, 4, 3, 2, 1]})
each_weight("ordinal grades 1-5, labels [2, 3, 4] (rows with 1 or 5 dropped)", human, judge, {"labels": [2, 3, 4]})
letters = np.array(["A", "B", "C", "D", "E"])
each_weight("letter grades A-E", letters[human - 1], letters[judge - 1])
each_weight("letter grades A-E, labels order E..A", letters[human - 1], letters[judge - 1], {"labels": ["E", "D", "C", "B", "A"]})
passfail = np.array(["fail", "pass"])
pf1 = rng.integers(0, 2, 60)
pf2 = np.where(rng.random(60) < 0.2, 1 - pf1, pf1)
each_weight("pass / fail strings", passfail[pf1], passfail[pf2])
closedqa = np.array(["C", "I"])
each_weight("closedqa C / I", closedqa[pf1], closedqa[pf2])
each_weight("labels subset of strings ['pass']", passfail[pf1], passfail[pf2], {"labels": ["pass"]})

# --- sample weights ------------------------------------------------------------------------
w200 = np.round(rng.random(200) * 3, 3)
w200[:20] = 0
each_weight("ordinal grades 1-5, weighted rows", human, judge, {"sampleWeight": w200.tolist()})
each_weight("ordinal grades 1-5, weighted rows, labels [2, 3, 4]", human, judge, {"sampleWeight": w200.tolist(), "labels": [2, 3, 4]})
w80 = np.round(rng.random(80) * 2, 4)
each_weight("multiclass strings, weighted rows", names[multi1], names[multi2], {"sampleWeight": w80.tolist()})
each_weight("integer weights (a repeated item)", [1, 2, 3, 3], [1, 2, 2, 3], {"sampleWeight": [1, 2, 3, 4]})

# --- degenerate ----------------------------------------------------------------------------
each_weight("one label everywhere (NaN)", [3, 3, 3, 3], [3, 3, 3, 3])
each_weight("one string label everywhere (NaN)", ["C", "C", "C"], ["C", "C", "C"])
each_weight("a single row (NaN)", [2], [2])
each_weight("a single disagreeing row", [2], [4])
each_weight("y1 one label, y2 two", [0, 0, 0, 0], [0, 1, 0, 1])
each_weight("y1 two labels, y2 one", [1, 2, 1, 2], [2, 2, 2, 2])
each_weight("perfect agreement, 5 grades", human, human)
each_weight("perfect agreement, labels [1..7]", human, human, {"labels": [1, 2, 3, 4, 5, 6, 7]})
each_weight("complete binary disagreement", [0, 0, 1, 1], [1, 1, 0, 0])
each_weight("reversed ordinal scale", [1, 2, 3, 4, 5], [5, 4, 3, 2, 1])
each_weight("all-zero weights (NaN)", bin1, bin2, {"sampleWeight": [0.0] * 50})
each_weight("weights leave one label (NaN)", [1, 2, 2, 1], [1, 2, 1, 1], {"sampleWeight": [1, 0, 0, 2]})
each_weight("labels keep one label (NaN)", human, judge, {"labels": [3]})
each_weight("labels keep no agreeing row", [1, 1, 2], [3, 3, 3], {"labels": [1, 2]})
each_weight("chance-level random raters, 1000 rows", rng.integers(1, 6, 1000), rng.integers(1, 6, 1000))

# --- seeded random draws -------------------------------------------------------------------
fuzz = np.random.default_rng(11)
for draw in range(300):
    k = int(fuzz.integers(1, 7))
    n = int(fuzz.integers(1, 30))
    strings = bool(fuzz.random() < 0.3)
    values = np.array(list("abcdef"))[:k] if strings else np.sort(fuzz.choice(np.arange(-2, 9), k, replace=False))
    y1 = values[fuzz.integers(0, k, n)]
    y2 = np.where(fuzz.random(n) < 0.5, y1, values[fuzz.integers(0, k, n)])
    options = {"weights": WEIGHTS[int(fuzz.integers(0, 3))]}
    if fuzz.random() < 0.4:
        w = np.round(fuzz.random(n) * 3, 2)
        if fuzz.random() < 0.3:
            w[fuzz.random(n) < 0.5] = 0
        options["sampleWeight"] = w.tolist()
    if fuzz.random() < 0.3:
        pool = list(values) + (["z"] if strings else [42])
        m = int(fuzz.integers(1, len(pool) + 1))
        picked = fuzz.choice(np.array(pool, dtype=object), m, replace=False)
        options["labels"] = [x.item() if hasattr(x, "item") else x for x in picked]
        if not set(options["labels"]) & set(y1.tolist()):
            continue  # scikit-learn refuses: no listed label in y1 (the error is tested in TS)
    case(f"random #{draw} (k={k}, n={n})", y1, y2, options)

here = os.path.dirname(os.path.abspath(__file__))
out = os.path.join(here, "..", "test", "fixtures", "kappa.json")
write(out, {"sklearn": sklearn.__version__, "numpy": np.__version__, "cases": cases})
print(f"wrote {len(cases)} cases to {os.path.relpath(out)}", file=sys.stderr)
