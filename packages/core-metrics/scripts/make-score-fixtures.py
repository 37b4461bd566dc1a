#!/usr/bin/python3
"""Reference values for the probabilistic (score-based) metrics of
@assay/core-metrics, computed with scikit-learn 1.2.1 / numpy 1.24.

Run from the package directory:  /usr/bin/python3 scripts/make-score-fixtures.py
Writes test/fixtures/probabilistic.json. Each case names the TypeScript function,
its positional arguments, its options object (already in the TypeScript
spelling) and either `expected` or `error` (scikit-learn raised; `code` is the
MetricInputError code the TypeScript side must throw).

Differences from scikit-learn 1.2 that this script bakes in:
- roc_curve: 1.2 puts max(score) + 1 as the first threshold; we (like
  scikit-learn >= 1.3) put Infinity, so the script replaces it.
- expectedCalibrationError has no scikit-learn counterpart: its reference is
  computed here with numpy, from the formula documented in the README.
"""
import os
import warnings

import numpy as np
import sklearn
from sklearn.calibration import calibration_curve
from sklearn.metrics import (
    average_precision_score,
    brier_score_loss,
    log_loss,
    precision_recall_curve,
    roc_auc_score,
    roc_curve,
    top_k_accuracy_score,
)

from fixture_json import write

warnings.simplefilter("ignore")
rng = np.random.default_rng(20261129)
cases = []


def add(name, fn, args, options, expected=None, error=None):
    case = {"name": name, "fn": fn, "args": args, "options": options}
    if error is None:
        case["expected"] = expected
    else:
        case["error"] = error
    cases.append(case)


def raises(call):
    try:
        call()
    except (ValueError, NotImplementedError) as e:
        return str(e)
    raise AssertionError("scikit-learn did not raise")


def sk_opts(options):
    """TypeScript option names -> scikit-learn keyword arguments."""
    mapping = {
        "sampleWeight": "sample_weight",
        "posLabel": "pos_label",
        "maxFpr": "max_fpr",
        "multiClass": "multi_class",
        "dropIntermediate": "drop_intermediate",
        "nBins": "n_bins",
    }
    return {mapping.get(k, k): v for k, v in options.items() if k != "nClasses"}


def binary_data(n, decimals=None, labels=(0, 1)):
    p = rng.random(n)
    y = (rng.random(n) < p).astype(int)
    score = p if decimals is None else np.round(p, decimals)
    y_lab = np.array(labels, dtype=object)[y].tolist() if isinstance(labels[0], str) else [labels[v] for v in y]
    return y_lab, score.tolist()


def proba_matrix(n, k, decimals=None):
    logits = rng.normal(size=(n, k)) * 1.5
    y = rng.integers(0, k, size=n)
    logits[np.arange(n), y] += 1.0
    p = np.exp(logits)
    p /= p.sum(axis=1, keepdims=True)
    if decimals is not None:
        p = np.round(p, decimals)
        p[:, -1] = 1 - p[:, :-1].sum(axis=1)
        p = np.clip(p, 0, 1)
    return y.tolist(), p.tolist()


# ---------------------------------------------------------------- roc_auc_score
y, s = binary_data(200)
add("binary continuous scores", "rocAucScore", [y, s], {}, roc_auc_score(y, s))
y, s = binary_data(300, decimals=1)
add("binary heavy ties", "rocAucScore", [y, s], {}, roc_auc_score(y, s))
w = rng.random(300).round(3).tolist()
add("binary weighted with ties", "rocAucScore", [y, s], {"sampleWeight": w}, roc_auc_score(y, s, sample_weight=w))
w0 = [0.0 if i % 7 == 0 else 1.0 + (i % 3) for i in range(300)]
add("binary zero weights dropped", "rocAucScore", [y, s], {"sampleWeight": w0}, roc_auc_score(y, s, sample_weight=w0))
for m in (0.1, 0.25, 0.5, 0.9, 1.0):
    add(f"binary maxFpr {m}", "rocAucScore", [y, s], {"maxFpr": m}, roc_auc_score(y, s, max_fpr=m))
add("binary maxFpr 0.3 weighted", "rocAucScore", [y, s], {"maxFpr": 0.3, "sampleWeight": w}, roc_auc_score(y, s, max_fpr=0.3, sample_weight=w))
ys, ss = binary_data(150, decimals=2, labels=("ham", "spam"))
add("binary string labels (greater label positive)", "rocAucScore", [ys, ss], {}, roc_auc_score(ys, ss))
yn, sn = binary_data(150, labels=(-1, 1))
sn = (np.array(sn) * 20 - 10).tolist()
add("binary -1/1 labels, unbounded scores", "rocAucScore", [yn, sn], {}, roc_auc_score(yn, sn))
add("binary all-equal scores", "rocAucScore", [[0, 1, 0, 1, 1], [0.5] * 5], {}, roc_auc_score([0, 1, 0, 1, 1], [0.5] * 5))
add("binary perfect ranking", "rocAucScore", [[0, 0, 1, 1], [0.1, 0.2, 0.8, 0.9]], {}, roc_auc_score([0, 0, 1, 1], [0.1, 0.2, 0.8, 0.9]))
add("binary inverted ranking", "rocAucScore", [[0, 0, 1, 1], [0.9, 0.8, 0.2, 0.1]], {}, roc_auc_score([0, 0, 1, 1], [0.9, 0.8, 0.2, 0.1]))
add("binary negative zero ties zero", "rocAucScore", [[0, 1, 0, 1], [-0.0, 0.0, 1.0, -1.0]], {}, roc_auc_score([0, 1, 0, 1], [-0.0, 0.0, 1.0, -1.0]))
add("binary single class raises", "rocAucScore", [[1, 1, 1], [0.2, 0.4, 0.9]], {},
    error={"code": "SINGLE_CLASS", "sklearn": raises(lambda: roc_auc_score([1, 1, 1], [0.2, 0.4, 0.9]))})

for k, dec in ((3, None), (4, 2), (5, None)):
    ym, pm = proba_matrix(240, k, dec)
    for mc in ("ovr", "ovo"):
        for avg in ("macro", "weighted"):
            add(f"multiclass k={k} {mc} {avg}{' rounded' if dec else ''}", "rocAucScore", [ym, pm],
                {"multiClass": mc, "average": avg}, roc_auc_score(ym, pm, multi_class=mc, average=avg))
    add(f"multiclass k={k} ovr per class", "rocAucScore", [ym, pm], {"multiClass": "ovr", "average": None},
        roc_auc_score(ym, pm, multi_class="ovr", average=None))
    wm = rng.random(240).round(3).tolist()
    add(f"multiclass k={k} ovr weighted sampleWeight", "rocAucScore", [ym, pm],
        {"multiClass": "ovr", "average": "weighted", "sampleWeight": wm},
        roc_auc_score(ym, pm, multi_class="ovr", average="weighted", sample_weight=wm))
    add(f"multiclass k={k} ovr macro flat with nClasses", "rocAucScore", [ym, np.array(pm).ravel().tolist()],
        {"multiClass": "ovr", "nClasses": k}, roc_auc_score(ym, pm, multi_class="ovr"))
ym, pm = proba_matrix(120, 3)
yl = np.array(["cat", "dog", "emu"], dtype=object)[ym].tolist()
for mc in ("ovr", "ovo"):
    add(f"multiclass string labels {mc}", "rocAucScore", [yl, pm], {"multiClass": mc},
        roc_auc_score(yl, pm, multi_class=mc))
ym4, pm4 = proba_matrix(160, 4)
ym4 = [v for v in ym4]
ysub = [v if v != 3 else 0 for v in ym4]
add("ovo with labels, one class absent", "rocAucScore", [ysub, pm4], {"multiClass": "ovo", "labels": [0, 1, 2, 3]},
    roc_auc_score(ysub, pm4, multi_class="ovo", labels=[0, 1, 2, 3]))
add("ovr with labels, one class absent raises", "rocAucScore", [ysub, pm4], {"multiClass": "ovr", "labels": [0, 1, 2, 3]},
    error={"code": "SINGLE_CLASS", "sklearn": raises(lambda: roc_auc_score(ysub, pm4, multi_class="ovr", labels=[0, 1, 2, 3]))})
add("multiclass without multiClass raises", "rocAucScore", [ym, pm], {},
    error={"code": "INVALID_OPTION", "sklearn": raises(lambda: roc_auc_score(ym, pm))})
bad = (np.array(pm) * 1.1).tolist()
add("multiclass rows not summing to 1 raise", "rocAucScore", [ym, bad], {"multiClass": "ovr"},
    error={"code": "PROBABILITIES_NOT_NORMALIZED", "sklearn": raises(lambda: roc_auc_score(ym, bad, multi_class="ovr"))})
add("multiclass maxFpr raises", "rocAucScore", [ym, pm], {"multiClass": "ovr", "maxFpr": 0.5},
    error={"code": "INVALID_OPTION", "sklearn": raises(lambda: roc_auc_score(ym, pm, multi_class="ovr", max_fpr=0.5))})
add("ovo with sampleWeight raises", "rocAucScore", [ym, pm], {"multiClass": "ovo", "sampleWeight": [1.0] * 120},
    error={"code": "INVALID_OPTION", "sklearn": raises(lambda: roc_auc_score(ym, pm, multi_class="ovo", sample_weight=[1.0] * 120))})
add("multiclass wrong width raises", "rocAucScore", [ym, np.array(pm4)[:120].tolist()], {"multiClass": "ovr"},
    error={"code": "INVALID_SHAPE", "sklearn": raises(lambda: roc_auc_score(ym, np.array(pm4)[:120], multi_class="ovr"))})

# ---------------------------------------------------------------- average_precision_score
y, s = binary_data(250, decimals=2)
add("AP binary with ties", "averagePrecisionScore", [y, s], {}, average_precision_score(y, s))
y2, s2 = binary_data(250)
add("AP binary continuous", "averagePrecisionScore", [y2, s2], {}, average_precision_score(y2, s2))
w = rng.random(250).round(3).tolist()
add("AP weighted", "averagePrecisionScore", [y, s], {"sampleWeight": w}, average_precision_score(y, s, sample_weight=w))
add("AP posLabel 0", "averagePrecisionScore", [y, (1 - np.array(s)).tolist()], {"posLabel": 0},
    average_precision_score(y, 1 - np.array(s), pos_label=0))
ys, ss = binary_data(100, decimals=1, labels=("neg", "pos"))
add("AP string labels", "averagePrecisionScore", [ys, ss], {"posLabel": "pos"}, average_precision_score(ys, ss, pos_label="pos"))
add("AP all-equal scores", "averagePrecisionScore", [[0, 1, 0, 1, 1], [0.3] * 5], {}, average_precision_score([0, 1, 0, 1, 1], [0.3] * 5))
add("AP no positives is 0", "averagePrecisionScore", [[0, 0, 0], [0.1, 0.5, 0.9]], {}, average_precision_score([0, 0, 0], [0.1, 0.5, 0.9]))
add("AP posLabel absent raises", "averagePrecisionScore", [ys, ss], {},
    error={"code": "UNKNOWN_POS_LABEL", "sklearn": raises(lambda: average_precision_score(ys, ss))})
add("AP multiclass raises", "averagePrecisionScore", [[0, 1, 2], [0.1, 0.5, 0.9]], {},
    error={"code": "INVALID_SHAPE", "sklearn": raises(lambda: average_precision_score([0, 1, 2], [0.1, 0.5, 0.9]))})

# ---------------------------------------------------------------- roc_curve


def roc(y, s, **kw):
    fpr, tpr, thr = roc_curve(y, s, **sk_opts(kw))
    thr = thr.astype(float)
    thr[0] = np.inf  # 1.2 writes max + 1; >= 1.3 (and we) write Infinity
    return {"fpr": fpr, "tpr": tpr, "thresholds": thr}


y, s = binary_data(120, decimals=1)
add("roc curve ties", "rocCurve", [y, s], {}, roc(y, s))
add("roc curve ties, keep intermediate", "rocCurve", [y, s], {"dropIntermediate": False}, roc(y, s, dropIntermediate=False))
y2, s2 = binary_data(80)
add("roc curve continuous", "rocCurve", [y2, s2], {}, roc(y2, s2))
wi = rng.integers(0, 4, size=120).astype(float).tolist()
add("roc curve integer weights (zeros dropped)", "rocCurve", [y, s], {"sampleWeight": wi}, roc(y, s, sampleWeight=wi))
add("roc curve posLabel 2", "rocCurve", [[1, 1, 2, 2], [0.1, 0.4, 0.35, 0.8]], {"posLabel": 2}, roc([1, 1, 2, 2], [0.1, 0.4, 0.35, 0.8], posLabel=2))
add("roc curve string labels", "rocCurve", [["a", "b", "a", "b"], [0.2, 0.3, 0.3, 0.9]], {"posLabel": "b"},
    roc(["a", "b", "a", "b"], [0.2, 0.3, 0.3, 0.9], posLabel="b"))
add("roc curve multiclass with posLabel", "rocCurve", [[0, 1, 2, 2, 1], [0.1, 0.5, 0.9, 0.7, 0.3]], {"posLabel": 2},
    roc([0, 1, 2, 2, 1], [0.1, 0.5, 0.9, 0.7, 0.3], posLabel=2))
add("roc curve all-equal scores", "rocCurve", [[0, 1, 1], [0.5, 0.5, 0.5]], {}, roc([0, 1, 1], [0.5, 0.5, 0.5]))
add("roc curve no negatives gives NaN fpr", "rocCurve", [[1, 1, 1], [0.2, 0.5, 0.7]], {}, roc([1, 1, 1], [0.2, 0.5, 0.7]))
add("roc curve string labels without posLabel raise", "rocCurve", [["a", "b"], [0.2, 0.3]], {},
    error={"code": "UNKNOWN_POS_LABEL", "sklearn": raises(lambda: roc_curve(["a", "b"], [0.2, 0.3]))})

# ---------------------------------------------------------------- precision_recall_curve


def prc(y, s, **kw):
    p, r, t = precision_recall_curve(y, s, **sk_opts(kw))
    return {"precision": p, "recall": r, "thresholds": t}


y, s = binary_data(100, decimals=1)
add("pr curve ties", "precisionRecallCurve", [y, s], {}, prc(y, s))
y2, s2 = binary_data(60)
add("pr curve continuous", "precisionRecallCurve", [y2, s2], {}, prc(y2, s2))
wi = rng.integers(0, 3, size=100).astype(float).tolist()
add("pr curve weighted", "precisionRecallCurve", [y, s], {"sampleWeight": wi}, prc(y, s, sampleWeight=wi))
add("pr curve posLabel string", "precisionRecallCurve", [["x", "y", "y", "x"], [0.1, 0.9, 0.4, 0.4]], {"posLabel": "y"},
    prc(["x", "y", "y", "x"], [0.1, 0.9, 0.4, 0.4], posLabel="y"))
add("pr curve no positives", "precisionRecallCurve", [[0, 0, 0], [0.1, 0.2, 0.2]], {}, prc([0, 0, 0], [0.1, 0.2, 0.2]))

# ---------------------------------------------------------------- log_loss
y, s = binary_data(200)
add("log loss binary column", "logLoss", [y, s], {}, log_loss(y, s))
add("log loss binary sum", "logLoss", [y, s], {"normalize": False}, log_loss(y, s, normalize=False))
w = rng.random(200).round(3).tolist()
add("log loss binary weighted", "logLoss", [y, s], {"sampleWeight": w}, log_loss(y, s, sample_weight=w))
add("log loss binary weighted sum", "logLoss", [y, s], {"sampleWeight": w, "normalize": False}, log_loss(y, s, sample_weight=w, normalize=False))
ext = [0.0, 1.0, 1.0, 0.0, 0.5]
yext = [1, 0, 1, 0, 1]
add("log loss clips 0 and 1 (eps auto)", "logLoss", [yext, ext], {}, log_loss(yext, ext))
add("log loss explicit eps", "logLoss", [yext, ext], {"eps": 1e-7}, log_loss(yext, ext, eps=1e-7))
add("log loss perfect", "logLoss", [[0, 1], [0.0, 1.0]], {}, log_loss([0, 1], [0.0, 1.0]))
add("log loss docstring strings", "logLoss", [["spam", "ham", "ham", "spam"], [[0.1, 0.9], [0.9, 0.1], [0.8, 0.2], [0.35, 0.65]]], {},
    log_loss(["spam", "ham", "ham", "spam"], [[0.1, 0.9], [0.9, 0.1], [0.8, 0.2], [0.35, 0.65]]))
for k in (3, 10):
    ym, pm = proba_matrix(150, k)
    add(f"log loss {k} classes", "logLoss", [ym, pm], {}, log_loss(ym, pm))
    wm = rng.random(150).round(3).tolist()
    add(f"log loss {k} classes weighted", "logLoss", [ym, pm], {"sampleWeight": wm}, log_loss(ym, pm, sample_weight=wm))
    add(f"log loss {k} classes flat", "logLoss", [ym, np.array(pm).ravel().tolist()], {"nClasses": k}, log_loss(ym, pm))
ym, pm = proba_matrix(90, 4)
ysub = [v if v != 2 else 0 for v in ym]
add("log loss with labels (class absent from yTrue)", "logLoss", [ysub, pm], {"labels": [0, 1, 2, 3]}, log_loss(ysub, pm, labels=[0, 1, 2, 3]))
add("log loss single class raises", "logLoss", [[1, 1], [0.3, 0.6]], {},
    error={"code": "INVALID_SHAPE", "sklearn": raises(lambda: log_loss([1, 1], [0.3, 0.6]))})
add("log loss wrong width raises", "logLoss", [[0, 1, 2], [[0.5, 0.5], [0.2, 0.8], [0.3, 0.7]]], {},
    error={"code": "INVALID_SHAPE", "sklearn": raises(lambda: log_loss([0, 1, 2], [[0.5, 0.5], [0.2, 0.8], [0.3, 0.7]]))})

# ---------------------------------------------------------------- brier_score_loss
y, s = binary_data(180)
add("brier binary", "brierScoreLoss", [y, s], {}, brier_score_loss(y, s))
w = rng.random(180).round(3).tolist()
add("brier weighted", "brierScoreLoss", [y, s], {"sampleWeight": w}, brier_score_loss(y, s, sample_weight=w))
add("brier posLabel 0", "brierScoreLoss", [y, s], {"posLabel": 0}, brier_score_loss(y, s, pos_label=0))
add("brier docstring strings", "brierScoreLoss", [["spam", "ham", "ham", "spam"], [0.1, 0.9, 0.8, 0.3]], {"posLabel": "ham"},
    brier_score_loss(["spam", "ham", "ham", "spam"], [0.1, 0.9, 0.8, 0.3], pos_label="ham"))
add("brier numeric labels default greater", "brierScoreLoss", [[3, 7, 7, 3], [0.1, 0.9, 0.8, 0.3]], {},
    brier_score_loss([3, 7, 7, 3], [0.1, 0.9, 0.8, 0.3]))
add("brier perfect", "brierScoreLoss", [[0, 1, 1], [0.0, 1.0, 1.0]], {}, brier_score_loss([0, 1, 1], [0.0, 1.0, 1.0]))
add("brier probability above 1 raises", "brierScoreLoss", [[0, 1], [0.2, 1.2]], {},
    error={"code": "INVALID_PROBABILITY", "sklearn": raises(lambda: brier_score_loss([0, 1], [0.2, 1.2]))})
add("brier multiclass raises", "brierScoreLoss", [[0, 1, 2], [0.2, 0.5, 0.9]], {},
    error={"code": "INVALID_SHAPE", "sklearn": raises(lambda: brier_score_loss([0, 1, 2], [0.2, 0.5, 0.9]))})
add("brier strings without posLabel raise", "brierScoreLoss", [["a", "b"], [0.2, 0.5]], {},
    error={"code": "UNKNOWN_POS_LABEL", "sklearn": raises(lambda: brier_score_loss(["a", "b"], [0.2, 0.5]))})

# ---------------------------------------------------------------- top_k_accuracy_score
for k in (1, 2, 3):
    ym, pm = proba_matrix(130, 5, decimals=1)
    add(f"top-{k} of 5 classes with ties", "topKAccuracyScore", [ym, pm], {"k": k}, top_k_accuracy_score(ym, pm, k=k))
ym, pm = proba_matrix(130, 4)
wm = rng.random(130).round(3).tolist()
add("top-2 weighted", "topKAccuracyScore", [ym, pm], {"sampleWeight": wm}, top_k_accuracy_score(ym, pm, sample_weight=wm))
add("top-2 count", "topKAccuracyScore", [ym, pm], {"normalize": False}, top_k_accuracy_score(ym, pm, normalize=False))
add("top-2 weighted count", "topKAccuracyScore", [ym, pm], {"normalize": False, "sampleWeight": wm},
    top_k_accuracy_score(ym, pm, normalize=False, sample_weight=wm))
tie = [[0.25, 0.25, 0.25, 0.25]] * 4
add("top-2 all tied: higher class indices win", "topKAccuracyScore", [[0, 1, 2, 3], tie], {"k": 2}, top_k_accuracy_score([0, 1, 2, 3], tie, k=2))
ysub = [v if v != 1 else 0 for v in ym]
add("top-2 with labels", "topKAccuracyScore", [ysub, pm], {"labels": [0, 1, 2, 3]}, top_k_accuracy_score(ysub, pm, labels=[0, 1, 2, 3]))
yb, sb = binary_data(50, decimals=1)
add("top-1 binary probabilities", "topKAccuracyScore", [yb, sb], {"k": 1}, top_k_accuracy_score(yb, sb, k=1))
sbu = (np.array(sb) * 4 - 2).tolist()
add("top-1 binary decision values", "topKAccuracyScore", [yb, sbu], {"k": 1}, top_k_accuracy_score(yb, sbu, k=1))
add("top-2 binary always hits", "topKAccuracyScore", [yb, sb], {"k": 2}, top_k_accuracy_score(yb, sb, k=2))
yls = np.array(["a", "b", "c"], dtype=object)[rng.integers(0, 3, 40)].tolist()
_, pls = proba_matrix(40, 3)
add("top-1 string labels", "topKAccuracyScore", [yls, pls], {"k": 1}, top_k_accuracy_score(yls, pls, k=1))
add("top-k unsorted labels raise", "topKAccuracyScore", [[0, 1, 2], [[0.2, 0.3, 0.5]] * 3], {"labels": [2, 1, 0]},
    error={"code": "INVALID_OPTION", "sklearn": raises(lambda: top_k_accuracy_score([0, 1, 2], [[0.2, 0.3, 0.5]] * 3, labels=[2, 1, 0]))})

# ---------------------------------------------------------------- calibration_curve


def cal(y, p, **kw):
    t, q = calibration_curve(y, p, **sk_opts(kw))
    return {"probTrue": t, "probPred": q}


y, s = binary_data(300)
add("calibration uniform default 5 bins", "calibrationCurve", [y, s], {}, cal(y, s))
add("calibration uniform 10 bins", "calibrationCurve", [y, s], {"nBins": 10}, cal(y, s, nBins=10))
add("calibration quantile 7 bins", "calibrationCurve", [y, s], {"nBins": 7, "strategy": "quantile"}, cal(y, s, nBins=7, strategy="quantile"))
y2, s2 = binary_data(200, decimals=1)
add("calibration values on bin edges", "calibrationCurve", [y2, s2], {"nBins": 5}, cal(y2, s2, nBins=5))
add("calibration quantile with ties", "calibrationCurve", [y2, s2], {"nBins": 4, "strategy": "quantile"}, cal(y2, s2, nBins=4, strategy="quantile"))
add("calibration docstring", "calibrationCurve", [[0, 0, 0, 0, 1, 1, 1, 1, 1], [0.1, 0.2, 0.3, 0.4, 0.65, 0.7, 0.8, 0.9, 1.0]], {"nBins": 3},
    cal([0, 0, 0, 0, 1, 1, 1, 1, 1], [0.1, 0.2, 0.3, 0.4, 0.65, 0.7, 0.8, 0.9, 1.0], nBins=3))
ys, ss = binary_data(90, labels=("no", "yes"))
add("calibration string labels", "calibrationCurve", [ys, ss], {"posLabel": "yes"}, cal(ys, ss, posLabel="yes"))
add("calibration out of range raises", "calibrationCurve", [[0, 1], [0.2, 1.5]], {},
    error={"code": "INVALID_PROBABILITY", "sklearn": raises(lambda: calibration_curve([0, 1], [0.2, 1.5]))})

# ---------------------------------------------------------------- expected calibration error (numpy reference)


def ece_reference(outcome, conf, n_bins, weight=None):
    """ECE = sum_b (W_b / W) |acc_b - conf_b|, bins as calibration_curve (uniform)."""
    outcome = np.asarray(outcome, dtype=float)
    conf = np.asarray(conf, dtype=float)
    weight = np.ones_like(conf) if weight is None else np.asarray(weight, dtype=float)
    edges = np.linspace(0.0, 1.0, n_bins + 1)
    ids = np.searchsorted(edges[1:-1], conf)
    wb = np.bincount(ids, weights=weight, minlength=n_bins)
    ob = np.bincount(ids, weights=weight * outcome, minlength=n_bins)
    cb = np.bincount(ids, weights=weight * conf, minlength=n_bins)
    nz = wb > 0
    return float(np.sum(wb[nz] / wb.sum() * np.abs(ob[nz] / wb[nz] - cb[nz] / wb[nz])))


y, s = binary_data(400)
add("ECE binary 10 bins", "expectedCalibrationError", [y, s], {}, ece_reference(y, s, 10))
add("ECE binary 15 bins", "expectedCalibrationError", [y, s], {"nBins": 15}, ece_reference(y, s, 15))
w = rng.random(400).round(3).tolist()
add("ECE binary weighted", "expectedCalibrationError", [y, s], {"sampleWeight": w}, ece_reference(y, s, 10, w))
y2, s2 = binary_data(100, decimals=1)
add("ECE binary values on edges", "expectedCalibrationError", [y2, s2], {"nBins": 5}, ece_reference(y2, s2, 5))
ys, ss = binary_data(80, labels=("no", "yes"))
add("ECE binary posLabel", "expectedCalibrationError", [ys, ss], {"posLabel": "yes"},
    ece_reference([v == "yes" for v in ys], ss, 10))
ym, pm = proba_matrix(300, 4)
pa = np.asarray(pm)
top = pa.argmax(axis=1)
add("ECE top-label multiclass", "expectedCalibrationError", [ym, pm], {},
    ece_reference(top == np.asarray(ym), pa.max(axis=1), 10))

out = os.path.join(os.path.dirname(__file__), "..", "test", "fixtures", "probabilistic.json")
write(out, {"generator": "scripts/make-score-fixtures.py", "sklearn": sklearn.__version__, "numpy": np.__version__, "cases": cases})
print(f"wrote {len(cases)} cases to {os.path.normpath(out)}")
