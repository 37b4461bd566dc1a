"""Reference values for the runner's `labels` option: scikit-learn 1.2 metrics with
`labels=` the task labels on predictions that include an 'unparseable' answer (a
predicted label outside the labels), overall and per fold.

Run: /usr/bin/python3 test-support/scripts/make-labels-fixtures.py
Writes test-support/fixtures/labels-option.json (read by the runner's and eval's tests).
"""
import json
import os
import warnings

import numpy as np
from sklearn import metrics as M

warnings.simplefilter("ignore")
rng = np.random.default_rng(20261129)


def set_wise(y_true, y_pred, labels):
    out = {}
    for name, fn in [("precision", M.precision_score), ("recall", M.recall_score),
                     ("f1", M.f1_score), ("jaccard", M.jaccard_score)]:
        for average in ["macro", "micro", "weighted"]:
            out[f"{name}_{average}"] = float(
                fn(y_true, y_pred, labels=labels, average=average, zero_division=0))
    return out


def false_positive_rate(y_true, y_pred, labels, pos):
    """Negative items predicted positive over all negative items, from the confusion
    matrix over every label (an answer outside `labels` stays in its row)."""
    every = np.unique(np.asarray(list(y_true) + list(y_pred))).tolist()
    cm = M.confusion_matrix(y_true, y_pred, labels=every)
    neg = every.index([l for l in labels if l != pos][0])
    row = cm[neg]
    if row.sum() == 0:
        return float("nan")
    # with two predicted classes this is fp / (fp + tn) of confusion_matrix(...).ravel()
    return float(row[every.index(pos)] / row.sum())


def scores(y_true, y_pred, labels, y_score=None, pos=None):
    out = {
        "accuracy": float(M.accuracy_score(y_true, y_pred)),
        "balanced_accuracy": float(M.balanced_accuracy_score(y_true, y_pred)),
        "matthews_corrcoef": float(M.matthews_corrcoef(y_true, y_pred)),
        "cohen_kappa": float(M.cohen_kappa_score(y_true, y_pred)),
    }
    out.update(set_wise(y_true, y_pred, labels))
    if pos is not None:
        # average='binary' refuses a third predicted label; the positive label's own score
        for name, fn in [("precision", M.precision_score), ("recall", M.recall_score),
                         ("f1", M.f1_score), ("jaccard", M.jaccard_score)]:
            out[name] = float(fn(y_true, y_pred, labels=[pos], average=None, zero_division=0)[0])
        out["false_positive_rate"] = false_positive_rate(y_true, y_pred, labels, pos)
    if y_score is not None and len(set(y_true)) == 2:
        out["roc_auc"] = float(M.roc_auc_score(y_true, y_score))
        out["log_loss"] = float(M.log_loss(y_true, y_score))
        out["brier_score"] = float(M.brier_score_loss(y_true, y_score, pos_label=pos))
    return out


def case(name, y_true, y_pred, labels, fold_ids, y_score=None, pos=None):
    folds = []
    for f in range(int(max(fold_ids)) + 1):
        rows = [i for i, g in enumerate(fold_ids) if g == f]
        folds.append(scores([y_true[i] for i in rows], [y_pred[i] for i in rows], labels,
                            None if y_score is None else [y_score[i] for i in rows], pos))
    return {
        "name": name,
        "yTrue": y_true,
        "yPred": y_pred,
        "yScore": y_score,
        "labels": labels,
        "posLabel": pos,
        "foldIds": fold_ids,
        "overall": scores(y_true, y_pred, labels, y_score, pos),
        "folds": folds,
    }


cases = []

# binary spam/ham, about 15% unparseable answers, a score of P(spam) per row
n = 120
y_true = rng.choice(["spam", "ham"], size=n, p=[0.4, 0.6]).tolist()
y_pred = []
for t in y_true:
    u = rng.uniform()
    y_pred.append("unparseable" if u < 0.15 else t if u < 0.8 else ("ham" if t == "spam" else "spam"))
y_score = [float(round(min(1, max(0, (0.7 if t == "spam" else 0.3) + rng.normal(0, 0.25))), 6))
           for t in y_true]
fold_ids = [i % 4 for i in rng.permutation(n).tolist()]
cases.append(case("binary-unparseable", y_true, y_pred, ["spam", "ham"], fold_ids, y_score, "spam"))

# multiclass in a given (unsorted) order, one listed label absent from the data
n = 150
y_true = rng.choice(["c", "a", "b"], size=n).tolist()
y_pred = [("unparseable" if rng.uniform() < 0.2 else t if rng.uniform() < 0.6
           else str(rng.choice(["a", "b", "c"]))) for t in y_true]
fold_ids = [i % 3 for i in rng.permutation(n).tolist()]
cases.append(case("multiclass-absent-label", y_true, y_pred, ["c", "a", "b", "d"], fold_ids))

# numeric labels: 1 is the positive one, -1 marks an unparseable answer
n = 60
y_true = rng.choice([0, 1], size=n).tolist()
y_pred = [(-1 if rng.uniform() < 0.25 else t if rng.uniform() < 0.7 else 1 - t) for t in y_true]
y_score = [float(round(rng.uniform(0.3, 1.0) if t == 1 else rng.uniform(0, 0.7), 6)) for t in y_true]
fold_ids = [i % 2 for i in rng.permutation(n).tolist()]
cases.append(case("numeric-unparseable", y_true, y_pred, [1, 0], fold_ids, y_score, 1))

out = os.path.join(os.path.dirname(__file__), "..", "fixtures", "labels-option.json")
with open(out, "w") as f:
    json.dump({"sklearn": __import__("sklearn").__version__, "cases": cases}, f, indent=1)
    f.write("\n")
