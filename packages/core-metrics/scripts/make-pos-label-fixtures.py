#!/usr/bin/python3
"""Reference values for the set-wise metrics with average='binary' when the data holds
fewer than two labels and pos_label is not one of them (scikit-learn 1.2.1).

Run from the package directory:  /usr/bin/python3 scripts/make-pos-label-fixtures.py
Writes test/fixtures/pos-label.json in the format of test/fixture-cases.ts: each case
names the TypeScript function, its positional arguments (yTrue, yPred), its options
(TypeScript spelling) and either `expected` or `error` (scikit-learn raised; `code` is
the MetricInputError code the TypeScript side must throw).

scikit-learn raises only when pos_label is absent AND two or more labels are present;
with one present label it scores pos_label from zero counts (0, or zero_division),
whatever the kind of pos_label (the default 1 on string labels included).
"""
import os
import warnings

import sklearn
from sklearn import metrics as M

from fixture_json import write

warnings.simplefilter("ignore")
cases = []

FUNCTIONS = {
    "precisionScore": lambda yt, yp, **kw: M.precision_score(yt, yp, **kw),
    "recallScore": lambda yt, yp, **kw: M.recall_score(yt, yp, **kw),
    "f1Score": lambda yt, yp, **kw: M.f1_score(yt, yp, **kw),
    "fbetaScore": lambda yt, yp, **kw: M.fbeta_score(yt, yp, beta=2, **kw),
    "jaccardScore": lambda yt, yp, **kw: M.jaccard_score(yt, yp, **kw),
    "precisionRecallFscoreSupport": lambda yt, yp, **kw: list(
        M.precision_recall_fscore_support(yt, yp, average="binary", **kw)[:3]
    ),
}

SKLEARN_NAMES = {"posLabel": "pos_label", "sampleWeight": "sample_weight", "zeroDivision": "zero_division"}

DATA = [
    ("one string label, default posLabel", ["a", "a"], ["a", "a"], {}),
    ("one string label, zeroDivision 1", ["a", "a", "a"], ["a", "a", "a"], {"zeroDivision": 1}),
    ("one string label, zeroDivision 0", ["a", "a"], ["a", "a"], {"zeroDivision": 0}),
    ("one string label, zero weight, zeroDivision 1", ["b"], ["b"], {"zeroDivision": 1, "sampleWeight": [0]}),
    ("one string label, weighted", ["b", "b", "b"], ["b", "b", "b"], {"sampleWeight": [1, 2, 0.5]}),
    ("one string label, absent string posLabel", ["a", "a"], ["a", "a"], {"posLabel": "z", "zeroDivision": 1}),
    ("one numeric label, default posLabel", [2, 2], [2, 2], {}),
    ("one numeric label, zeroDivision 1", [2, 2], [2, 2], {"zeroDivision": 1}),
    ("one numeric label, string posLabel", [3, 3], [3, 3], {"posLabel": "x", "zeroDivision": 1}),
    ("one numeric label, posLabel 0", [3, 3, 3], [3, 3, 3], {"posLabel": 0}),
    ("two string labels, default posLabel", ["a", "b"], ["a", "a"], {}),
    ("two numeric labels, absent posLabel", [2, 3], [2, 2], {"posLabel": 7}),
]

for name, yt, yp, options in DATA:
    for fn, metric in FUNCTIONS.items():
        options_ts = dict(options)
        if fn == "fbetaScore":
            options_ts["beta"] = 2
        kw = {SKLEARN_NAMES[k]: v for k, v in options.items()}
        try:
            expected = metric(yt, yp, **kw)
            cases.append({"name": name, "fn": fn, "args": [yt, yp], "options": options_ts, "expected": expected})
        except ValueError as error:
            cases.append({"name": name, "fn": fn, "args": [yt, yp], "options": options_ts,
                          "error": {"code": "UNKNOWN_POS_LABEL", "sklearn": str(error)}})

here = os.path.dirname(os.path.abspath(__file__))
out = os.path.join(here, "..", "test", "fixtures", "pos-label.json")
write(out, {"sklearn": sklearn.__version__, "cases": cases})
print(f"wrote {len(cases)} cases to {os.path.relpath(out)}")
