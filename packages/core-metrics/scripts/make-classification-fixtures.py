"""Writes test/fixtures/classification.json: scikit-learn 1.2 reference values for the
label (classification) metrics of @assay/core-metrics.

Run from the package directory with: /usr/bin/python3 scripts/make-classification-fixtures.py

Each case holds the inputs (yTrue, yPred), the options in the TypeScript API's camelCase
form, and scikit-learn's output. JSON has no NaN/Infinity, so non-finite numbers are
written as the strings "NaN", "Infinity" and "-Infinity" (the tests decode them).

scikit-learn 1.2 has no zero_division=np.nan; for zeroDivision NaN the script derives the
reference from two sklearn runs: a value is ill-defined (NaN) exactly where the results
for zero_division=0 and zero_division=1 differ, and averages skip NaN entries as
scikit-learn >= 1.3 documents (`_nanaverage`).
"""

import json
import math
import os
import sys

import numpy as np
import sklearn
from sklearn import metrics as M

rng = np.random.default_rng(20240613)


def enc(value):
    """Converts numpy/python values to JSON-safe values with explicit non-finite markers."""
    if isinstance(value, dict):
        return {str(k): enc(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [enc(v) for v in value]
    if isinstance(value, np.ndarray):
        return enc(value.tolist())
    if isinstance(value, (np.integer,)):
        return int(value)
    if isinstance(value, (float, np.floating)):
        v = float(value)
        if math.isnan(v):
            return "NaN"
        if math.isinf(v):
            return "Infinity" if v > 0 else "-Infinity"
        return v
    return value


SNAKE = {
    "posLabel": "pos_label",
    "sampleWeight": "sample_weight",
    "zeroDivision": "zero_division",
    "targetNames": "target_names",
}


def kwargs_of(options):
    out = {}
    for key, value in options.items():
        if key == "zeroDivision" and isinstance(value, float) and math.isnan(value):
            raise AssertionError("NaN zero division is derived, not passed")
        out[SNAKE.get(key, key)] = np.asarray(value) if key == "sampleWeight" else value
    return out


def nanaverage(values, weights):
    values = np.asarray(values, dtype=float)
    mask = np.isnan(values)
    if values.size == 0 or mask.all():
        return float("nan")
    if weights is None:
        return float(np.mean(values[~mask]))
    weights = np.asarray(weights, dtype=float)[~mask]
    if weights.sum() == 0:
        return float(np.mean(values[~mask]))
    return float(np.average(values[~mask], weights=weights))


def nan_where_differs(a, b):
    a = np.atleast_1d(np.asarray(a, dtype=float))
    b = np.atleast_1d(np.asarray(b, dtype=float))
    return np.where(a == b, a, np.nan)


def nan_prfs(yt, yp, options, beta):
    """precision_recall_fscore_support for zero_division=NaN (see module docstring)."""
    kw = kwargs_of({k: v for k, v in options.items() if k != "zeroDivision"})
    # Let scikit-learn validate first (e.g. it rejects 'binary' on multiclass targets).
    M.precision_recall_fscore_support(yt, yp, beta=beta, zero_division=0, **kw)
    average = kw.pop("average", None)
    if average == "binary":
        # _check_set_wise_labels would pass labels=[pos_label]; average None over it is
        # the binary result.
        kw["labels"] = [kw.pop("pos_label", 1)]
        average = "micro"
    else:
        kw.pop("pos_label", None)
    runs = [
        M.precision_recall_fscore_support(yt, yp, beta=beta, average=None, zero_division=z, **kw)
        for z in (0, 1)
    ]
    p, r, f = (nan_where_differs(runs[0][i], runs[1][i]) for i in range(3))
    support = runs[0][3]
    if average is None:
        return p.tolist(), r.tolist(), f.tolist(), support.tolist()
    if average == "micro":
        pooled = [
            M.precision_recall_fscore_support(yt, yp, beta=beta, average="micro", zero_division=z, **kw)
            for z in (0, 1)
        ]
        p, r, f = (float(nan_where_differs(pooled[0][i], pooled[1][i])[0]) for i in range(3))
        return p, r, f, None
    if average == "weighted":
        if support.sum() == 0:
            predicted = M.multilabel_confusion_matrix(
                yt, yp, labels=kw.get("labels"), sample_weight=kw.get("sample_weight")
            )
            pred_sum = (predicted[:, 1, 1] + predicted[:, 0, 1]).sum()
            if pred_sum == 0:
                return float("nan"), float("nan"), float("nan"), None
            return 0.0, float("nan"), 0.0, None
        weights = support
    else:
        weights = None
    return nanaverage(p, weights), nanaverage(r, weights), nanaverage(f, weights), None


def nan_jaccard(yt, yp, options):
    kw = kwargs_of({k: v for k, v in options.items() if k != "zeroDivision"})
    M.jaccard_score(yt, yp, zero_division=0, **kw)  # scikit-learn's own validation
    average = kw.pop("average", "binary")
    if average == "binary":
        kw["labels"] = [kw.pop("pos_label", 1)]
        average = "micro"
    else:
        kw.pop("pos_label", None)
    if average == "micro":
        runs = [M.jaccard_score(yt, yp, average="micro", zero_division=z, **kw) for z in (0, 1)]
        return float(nan_where_differs(runs[0], runs[1])[0])
    runs = [M.jaccard_score(yt, yp, average=None, zero_division=z, **kw) for z in (0, 1)]
    per_label = nan_where_differs(runs[0], runs[1])
    if average is None:
        return per_label.tolist()
    weights = None
    if average == "weighted":
        mcm = M.multilabel_confusion_matrix(
            yt, yp, labels=kw.get("labels"), sample_weight=kw.get("sample_weight")
        )
        weights = mcm[:, 1, 0] + mcm[:, 1, 1]
        if not np.any(weights):
            weights = None
    return nanaverage(per_label, weights)


def is_nan_zd(options):
    z = options.get("zeroDivision")
    return isinstance(z, float) and math.isnan(z)


def compute(fn, yt, yp, options):
    yt = np.asarray(yt)
    yp = np.asarray(yp)
    o = dict(options)
    if fn in ("precisionScore", "recallScore", "f1Score", "fbetaScore"):
        beta = {"f1Score": 1.0, "fbetaScore": o.get("beta")}.get(fn, 1.0)
        if is_nan_zd(o):
            o.setdefault("average", "binary")
            o.pop("beta", None)
            p, r, f, _ = nan_prfs(yt, yp, o, beta)
            return {"precisionScore": p, "recallScore": r}.get(fn, f)
        sk = {
            "precisionScore": M.precision_score,
            "recallScore": M.recall_score,
            "f1Score": M.f1_score,
            "fbetaScore": M.fbeta_score,
        }[fn]
        return sk(yt, yp, **kwargs_of(o))
    if fn == "precisionRecallFscoreSupport":
        if is_nan_zd(o):
            beta = o.pop("beta", 1.0)
            result = nan_prfs(yt, yp, o, beta)
        else:
            result = M.precision_recall_fscore_support(yt, yp, **kwargs_of(o))
        return dict(zip(["precision", "recall", "fbeta", "support"], result))
    if fn == "jaccardScore":
        if is_nan_zd(o):
            return nan_jaccard(yt, yp, o)
        return M.jaccard_score(yt, yp, **kwargs_of(o))
    simple = {
        "accuracyScore": M.accuracy_score,
        "confusionMatrix": M.confusion_matrix,
        "balancedAccuracyScore": M.balanced_accuracy_score,
        "matthewsCorrcoef": M.matthews_corrcoef,
        "cohenKappaScore": M.cohen_kappa_score,
        "hammingLoss": M.hamming_loss,
        "zeroOneLoss": M.zero_one_loss,
    }
    if fn in simple:
        return simple[fn](yt, yp, **kwargs_of(o))
    if fn == "classificationReport":
        kw = kwargs_of(o)
        report = M.classification_report(yt, yp, output_dict=True, **kw)
        report["text"] = M.classification_report(yt, yp, output_dict=False, **kw)
        return report
    raise KeyError(fn)


cases = []


def case(name, fn, yt, yp, options=None):
    options = options or {}
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        expected = compute(fn, yt, yp, options)
    cases.append(
        {
            "name": f"{fn}: {name}",
            "fn": fn,
            "yTrue": enc(list(np.asarray(yt).tolist())),
            "yPred": enc(list(np.asarray(yp).tolist())),
            "options": enc(options),
            "expected": enc(expected),
        }
    )


def noisy(y, classes, flip):
    y = np.asarray(y)
    out = y.copy()
    mask = rng.random(len(y)) < flip
    out[mask] = rng.choice(classes, size=mask.sum())
    return out


# --- data sets -------------------------------------------------------------------------
bin_true = rng.integers(0, 2, 40)
bin_pred = noisy(bin_true, [0, 1], 0.4)
multi_true = rng.integers(0, 4, 60)
multi_pred = noisy(multi_true, [0, 1, 2, 3], 0.5)
str_names = np.array(["ant", "bee", "cat", "dog"])
str_true = str_names[multi_true]
str_pred = str_names[multi_pred]
weights40 = np.round(rng.random(40) * 2, 3)
weights40[:5] = 0
weights60 = np.round(rng.random(60) * 3, 3)
weights60[10:15] = 0
# Class 3 is never predicted, class 4 never true, and class 5 only in y_true once.
gap_true = np.array([0, 0, 1, 1, 2, 2, 3, 3, 3, 0, 1, 2, 5])
gap_pred = np.array([0, 1, 1, 1, 2, 4, 2, 0, 1, 0, 4, 2, 0])
neg_true = np.array([-1, 1, 1, -1, -1, 1, 1])
neg_pred = np.array([-1, 1, -1, -1, 1, 1, 1])
spam_true = np.array(["ham", "spam", "spam", "ham", "spam", "ham"])
spam_pred = np.array(["ham", "spam", "ham", "ham", "spam", "spam"])
single = np.array([2, 2, 2, 2])
# Labels outside 0..63 (the Int32 one-pass path falls back to general encoding).
sparse_values = np.array([-5, 3, 70, 100])
sparse_true = sparse_values[multi_true]
sparse_pred = sparse_values[multi_pred]
bin_zero_w = np.zeros(40)

datasets = {
    "binary ints": (bin_true, bin_pred, None, True),
    "binary ints weighted": (bin_true, bin_pred, weights40, True),
    "multiclass ints": (multi_true, multi_pred, None, False),
    "multiclass ints weighted": (multi_true, multi_pred, weights60, False),
    "multiclass strings": (str_true, str_pred, None, False),
    "class never predicted / never true": (gap_true, gap_pred, None, False),
    "labels -5, 3, 70, 100 weighted": (sparse_true, sparse_pred, weights60, False),
}

AVERAGES = ["binary", "micro", "macro", "weighted", None]
SETWISE = ["precisionScore", "recallScore", "f1Score", "jaccardScore"]

for dname, (yt, yp, w, is_binary) in datasets.items():
    base = {} if w is None else {"sampleWeight": w.tolist()}
    for fn in SETWISE:
        for average in AVERAGES:
            if average == "binary" and not is_binary:
                continue
            case(f"{dname}, average {average}", fn, yt, yp, {**base, "average": average})
    for average in AVERAGES:
        if average == "binary" and not is_binary:
            continue
        case(f"{dname}, average {average}", "precisionRecallFscoreSupport", yt, yp, {**base, "average": average})
        for beta in [0.0, 0.5, 2.0, float("inf")]:
            case(f"{dname}, beta {beta}, average {average}", "fbetaScore", yt, yp, {**base, "beta": beta, "average": average})
    for normalize in [True, False]:
        case(f"{dname}, normalize {normalize}", "accuracyScore", yt, yp, {**base, "normalize": normalize})
        case(f"{dname}, normalize {normalize}", "zeroOneLoss", yt, yp, {**base, "normalize": normalize})
    for normalize in [None, "true", "pred", "all"]:
        case(f"{dname}, normalize {normalize}", "confusionMatrix", yt, yp, {**base, "normalize": normalize})
    for adjusted in [False, True]:
        case(f"{dname}, adjusted {adjusted}", "balancedAccuracyScore", yt, yp, {**base, "adjusted": adjusted})
    case(dname, "matthewsCorrcoef", yt, yp, base)
    case(dname, "hammingLoss", yt, yp, base)
    for weights in [None, "linear", "quadratic"]:
        case(f"{dname}, weights {weights}", "cohenKappaScore", yt, yp, {**base, "weights": weights})
    case(dname, "classificationReport", yt, yp, base)
    case(f"{dname}, digits 4", "classificationReport", yt, yp, {**base, "digits": 4})

# --- zero division ---------------------------------------------------------------------
for zd in ["warn", 0, 1, float("nan")]:
    for fn in SETWISE:
        for average in ["micro", "macro", "weighted", None]:
            case(f"gap data, zeroDivision {zd}, average {average}", fn, gap_true, gap_pred, {"average": average, "zeroDivision": zd})
            case(
                f"gap data, labels [3, 4, 7], zeroDivision {zd}, average {average}",
                fn, gap_true, gap_pred, {"average": average, "labels": [3, 4, 7], "zeroDivision": zd},
            )
    for average in ["micro", "macro", "weighted", None]:
        case(f"gap data, zeroDivision {zd}, average {average}", "precisionRecallFscoreSupport", gap_true, gap_pred, {"average": average, "zeroDivision": zd})
        case(
            f"gap data, beta 2, labels [4, 7], zeroDivision {zd}, average {average}",
            "precisionRecallFscoreSupport", gap_true, gap_pred,
            {"average": average, "beta": 2.0, "labels": [4, 7], "zeroDivision": zd},
        )
        # labels with no support at all: the weighted special case
        case(
            f"labels absent from y_true, zeroDivision {zd}, average {average}",
            "precisionRecallFscoreSupport", gap_true, gap_pred, {"average": average, "labels": [4, 7], "zeroDivision": zd},
        )
        case(
            f"labels never true nor predicted, zeroDivision {zd}, average {average}",
            "precisionRecallFscoreSupport", gap_true, gap_pred, {"average": average, "labels": [7, 8], "zeroDivision": zd},
        )
    if not (isinstance(zd, float)):
        case(f"gap data, zeroDivision {zd}", "classificationReport", gap_true, gap_pred, {"zeroDivision": zd})
    case(f"single class, posLabel absent, zeroDivision {zd}", "precisionScore", single, single, {"posLabel": 1, "zeroDivision": zd})
    case(f"single class, posLabel absent, zeroDivision {zd}", "f1Score", single, single, {"posLabel": 1, "zeroDivision": zd})
    case(f"single class, posLabel present, zeroDivision {zd}", "recallScore", single, single, {"posLabel": 2, "zeroDivision": zd})
    case(f"binary all-zero weights, zeroDivision {zd}, macro", "f1Score", bin_true, bin_pred, {"average": "macro", "sampleWeight": bin_zero_w.tolist(), "zeroDivision": zd})
    case(f"binary all-zero weights, zeroDivision {zd}, weighted", "precisionRecallFscoreSupport", bin_true, bin_pred, {"average": "weighted", "sampleWeight": bin_zero_w.tolist(), "zeroDivision": zd})
    case(f"binary all-zero weights, zeroDivision {zd}, weighted", "jaccardScore", bin_true, bin_pred, {"average": "weighted", "sampleWeight": bin_zero_w.tolist(), "zeroDivision": zd})

# --- labels option ---------------------------------------------------------------------
for fn in SETWISE + ["precisionRecallFscoreSupport"]:
    for average in ["micro", "macro", "weighted", None]:
        case(f"labels subset [2, 0], average {average}", fn, multi_true, multi_pred, {"average": average, "labels": [2, 0]})
        case(f"labels with absent label [2, 0, 9], average {average}", fn, multi_true, multi_pred, {"average": average, "labels": [2, 0, 9], "zeroDivision": 0})
        case(f"string labels subset ['dog', 'ant'], average {average}", fn, str_true, str_pred, {"average": average, "labels": ["dog", "ant"]})
    case("binary data, labels ignored with average binary", fn, bin_true, bin_pred, {"average": "binary", "labels": [0]} if fn != "precisionRecallFscoreSupport" else {"average": "binary", "labels": [0]})
for labels in [[3, 1, 0, 2], [1, 2], [2, 0, 9]]:
    case(f"labels {labels}", "confusionMatrix", multi_true, multi_pred, {"labels": labels})
    case(f"labels {labels}, weighted, normalize true", "confusionMatrix", multi_true, multi_pred, {"labels": labels, "sampleWeight": weights60.tolist(), "normalize": "true"})
    for weights in [None, "linear", "quadratic"]:
        case(f"labels {labels}, weights {weights}", "cohenKappaScore", multi_true, multi_pred, {"labels": labels, "weights": weights})
case("string labels ['dog', 'cat']", "confusionMatrix", str_true, str_pred, {"labels": ["dog", "cat"]})
for labels in [[2, 0], [0, 1, 2, 3], [3, 2, 1, 0], [0, 1, 2, 3, 9], [1, 9]]:
    case(f"labels {labels}", "classificationReport", multi_true, multi_pred, {"labels": labels, "zeroDivision": 0})
# Exact binary ties (0.125, 0.375, 0.625) in the text: Python rounds half to even.
tie_true = np.array([1, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2])
tie_pred = np.array([1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 2, 2, 2, 2, 2, 0, 0, 0])
case("exact rounding ties", "classificationReport", tie_true, tie_pred, {"zeroDivision": 0})
case("exact rounding ties, digits 1", "classificationReport", tie_true, tie_pred, {"zeroDivision": 0, "digits": 1})
# Weighted supports whose last digits show scikit-learn's arithmetic (tp + (true - tp)).
case(
    "weighted supports printed with every digit",
    "classificationReport",
    np.array([1, 7, 7, 1, -2, -2, 8, 7, 8, 6, 7, 1, -2, -2, 8, 7, 1, 7, 7, 7]),
    np.array([6, 8, 7, 1, 7, 8, 1, -2, 7, 7, 7, 6, 6, -2, -2, 8, -2, 6, 7, 7]),
    {"sampleWeight": [2.2, 0.96, 1.58, 2.35, 1.08, 2.59, 0.01, 2.72, 2.26, 1.2, 0.93, 0.95, 1.1, 1.71, 2.02, 1.93, 2.33, 1.06, 1.03, 0.04], "digits": 4},
)
# No row correct at all: scikit-learn 1.2 reports float supports even without weights.
case("no correct row", "classificationReport", np.array(["a", "a", "d"]), np.array(["b", "b", "a"]), {"zeroDivision": 0})
case("target names", "classificationReport", multi_true, multi_pred, {"targetNames": ["zero", "one", "two", "three"]})
case("long target names, digits 3", "classificationReport", str_true, str_pred, {"targetNames": ["formicidae", "apis", "felis catus", "canis"], "digits": 3})

# --- binary posLabel variants ----------------------------------------------------------
for fn in SETWISE:
    case("posLabel 0", fn, bin_true, bin_pred, {"posLabel": 0})
    case("posLabel -1 (negative ints)", fn, neg_true, neg_pred, {"posLabel": -1})
    case("string posLabel 'spam'", fn, spam_true, spam_pred, {"posLabel": "spam"})
    case("string posLabel 'ham', weighted", fn, spam_true, spam_pred, {"posLabel": "ham", "sampleWeight": [1, 2, 0.5, 0, 3, 1]})
case("string posLabel 'spam', beta 3", "fbetaScore", spam_true, spam_pred, {"posLabel": "spam", "beta": 3.0})
case("posLabel 0", "precisionRecallFscoreSupport", bin_true, bin_pred, {"posLabel": 0, "average": "binary"})

# --- single class and degenerate matrices ----------------------------------------------
for fn in ["accuracyScore", "matthewsCorrcoef", "cohenKappaScore", "hammingLoss", "zeroOneLoss", "confusionMatrix", "balancedAccuracyScore", "classificationReport"]:
    case("single class everywhere", fn, single, single)
for fn in ["matthewsCorrcoef", "cohenKappaScore", "balancedAccuracyScore"]:
    case("y_true one class, y_pred two", fn, np.array([0, 0, 0, 0]), np.array([0, 1, 0, 1]))
    case("all predictions one class", fn, multi_true, np.zeros(60, dtype=int))
case("y_true one class, adjusted", "balancedAccuracyScore", np.array([0, 0, 0, 0]), np.array([0, 1, 0, 1]), {"adjusted": True})
case("perfect single class, adjusted", "balancedAccuracyScore", single, single, {"adjusted": True})
case("perfect prediction", "matthewsCorrcoef", multi_true, multi_true)
case("inverse binary prediction", "matthewsCorrcoef", bin_true, 1 - bin_true)
case("all-zero weights", "matthewsCorrcoef", bin_true, bin_pred, {"sampleWeight": bin_zero_w.tolist()})
case("all-zero weights", "cohenKappaScore", bin_true, bin_pred, {"sampleWeight": bin_zero_w.tolist()})
case("all-zero weights", "confusionMatrix", bin_true, bin_pred, {"sampleWeight": bin_zero_w.tolist()})
case("all-zero weights, normalize all", "confusionMatrix", bin_true, bin_pred, {"sampleWeight": bin_zero_w.tolist(), "normalize": "all"})
case("all-zero weights, normalize false", "accuracyScore", bin_true, bin_pred, {"sampleWeight": bin_zero_w.tolist(), "normalize": False})
case("all-zero weights, normalize false", "zeroOneLoss", bin_true, bin_pred, {"sampleWeight": bin_zero_w.tolist(), "normalize": False})
# balancedAccuracyScore with all-zero weights: scikit-learn returns NaN, Assay throws
# INVALID_WEIGHT as accuracyScore does (a deliberate difference, tested in TS).

# --- a larger random multiclass case (summation order) --------------------------------
big_true = rng.integers(0, 7, 1500)
big_pred = noisy(big_true, list(range(7)), 0.6)
big_w = np.round(rng.random(1500) * 10, 4)
for fn in ["f1Score", "precisionScore", "recallScore", "jaccardScore"]:
    for average in ["micro", "macro", "weighted"]:
        case(f"1500 rows, 7 classes, weighted rows, average {average}", fn, big_true, big_pred, {"average": average, "sampleWeight": big_w.tolist()})
for fn in ["accuracyScore", "matthewsCorrcoef", "cohenKappaScore", "balancedAccuracyScore", "hammingLoss", "zeroOneLoss"]:
    case("1500 rows, 7 classes, weighted rows", fn, big_true, big_pred, {"sampleWeight": big_w.tolist()})
case("1500 rows, 7 classes, quadratic", "cohenKappaScore", big_true, big_pred, {"weights": "quadratic"})
case("1500 rows, 7 classes", "classificationReport", big_true, big_pred, {"digits": 5})

# --- randomized small cases (seeded): many shapes, options and degenerate draws ---------
fuzz = np.random.default_rng(7)
FUZZ_FNS = SETWISE + [
    "precisionRecallFscoreSupport", "fbetaScore", "accuracyScore", "confusionMatrix",
    "balancedAccuracyScore", "matthewsCorrcoef", "cohenKappaScore", "hammingLoss",
    "zeroOneLoss", "classificationReport",
]
made = 0
attempt = 0
while made < 600:
    attempt += 1
    k = int(fuzz.integers(1, 6))
    n = int(fuzz.integers(1, 25))
    strings = bool(fuzz.random() < 0.3)
    values = np.array(["a", "b", "c", "d", "e", "f"])[:k] if strings else np.sort(fuzz.choice(np.arange(-3, 9), k, replace=False))
    yt = values[fuzz.integers(0, k, n)]
    yp = values[fuzz.integers(0, k, n)]
    fn = FUZZ_FNS[int(fuzz.integers(0, len(FUZZ_FNS)))]
    options = {}
    if fuzz.random() < 0.4:
        w = np.round(fuzz.random(n) * 3, 2)
        if fuzz.random() < 0.3:
            w[fuzz.random(n) < 0.5] = 0
        options["sampleWeight"] = w.tolist()
    present = sorted(set(yt.tolist()) | set(yp.tolist()))
    if fn in SETWISE + ["precisionRecallFscoreSupport", "fbetaScore"]:
        average = [None, "micro", "macro", "weighted", "binary"][int(fuzz.integers(0, 5))]
        options["average"] = average
        if average == "binary":
            options["posLabel"] = present[int(fuzz.integers(0, len(present)))]
        options["zeroDivision"] = ["warn", 0, 1, float("nan")][int(fuzz.integers(0, 4))]
        if fn == "fbetaScore" or (fn == "precisionRecallFscoreSupport" and fuzz.random() < 0.5):
            options["beta"] = [0.0, 0.5, 1.0, 2.0, float("inf")][int(fuzz.integers(0, 5))]
    if fn in SETWISE + ["precisionRecallFscoreSupport", "fbetaScore", "confusionMatrix", "cohenKappaScore", "classificationReport"] and fuzz.random() < 0.35:
        pool = list(values) + (["z"] if strings else [42])
        m = int(fuzz.integers(1, len(pool) + 1))
        options["labels"] = [x.item() if hasattr(x, "item") else x for x in fuzz.choice(np.array(pool, dtype=object), m, replace=False)]
    if fn == "classificationReport" and fuzz.random() < 0.5:
        options["digits"] = int(fuzz.integers(0, 6))
    if fn == "classificationReport":
        options["zeroDivision"] = ["warn", 0, 1][int(fuzz.integers(0, 3))]
    if fn in ("accuracyScore", "zeroOneLoss"):
        options["normalize"] = bool(fuzz.random() < 0.7)
    if fn == "confusionMatrix":
        options["normalize"] = [None, "true", "pred", "all"][int(fuzz.integers(0, 4))]
    if fn == "cohenKappaScore":
        options["weights"] = [None, "linear", "quadratic"][int(fuzz.integers(0, 3))]
    if fn == "balancedAccuracyScore":
        options["adjusted"] = bool(fuzz.random() < 0.5)
    try:
        case(f"random #{attempt} (k={k}, n={n})", fn, yt, yp, options)
        made += 1
    except (ValueError, ZeroDivisionError, TypeError):
        pass  # scikit-learn rejects this draw (e.g. 'binary' on multiclass); errors are tested in TS

here = os.path.dirname(os.path.abspath(__file__))
out = os.path.join(here, "..", "test", "fixtures", "classification.json")
with open(out, "w") as fh:
    json.dump({"sklearn": sklearn.__version__, "numpy": np.__version__, "cases": cases}, fh, allow_nan=False)
    fh.write("\n")
print(f"wrote {len(cases)} cases to {os.path.relpath(out)}", file=sys.stderr)
