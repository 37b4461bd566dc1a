#!/usr/bin/python3
"""Golden fixtures for @assay/splitters from scikit-learn 1.2.1 / numpy 1.24.

Run: /usr/bin/python3 packages/splitters/scripts/make-fixtures.py
Writes packages/splitters/test/fixtures/*.json. Every case is drawn from a
fixed numpy seed, so re-running reproduces the files byte for byte.
"""
import json
import math
import warnings
from pathlib import Path

import numpy as np
import sklearn
from sklearn.model_selection import (
    GroupKFold,
    GroupShuffleSplit,
    KFold,
    LeaveOneGroupOut,
    LeaveOneOut,
    LeavePGroupsOut,
    LeavePOut,
    PredefinedSplit,
    ShuffleSplit,
    StratifiedGroupKFold,
    StratifiedKFold,
    StratifiedShuffleSplit,
    TimeSeriesSplit,
    train_test_split,
)
from sklearn.model_selection._split import _validate_shuffle_split

assert sklearn.__version__ == "1.2.1", sklearn.__version__
OUT = Path(__file__).resolve().parent.parent / "test" / "fixtures"
OUT.mkdir(parents=True, exist_ok=True)
rs = np.random.RandomState(20240601)
warnings.simplefilter("ignore")


def tolist(a):
    return [x.item() if hasattr(x, "item") else x for x in a]


def folds(cv, n, y=None, groups=None):
    """Test index arrays; the train side is checked to be their complement."""
    X = np.zeros((n, 1))
    out = []
    for tr, te in cv.split(X, y, groups):
        assert sorted(set(tr) | set(te)) == list(range(n)) and not set(tr) & set(te)
        out.append([int(i) for i in te])
    return out


def full_folds(cv, n):
    return [{"train": [int(i) for i in tr], "test": [int(i) for i in te]} for tr, te in cv.split(np.zeros((n, 1)))]


def write(name, data):
    (OUT / f"{name}.json").write_text(json.dumps({"sklearn": sklearn.__version__, "numpy": np.__version__, "cases": data}, separators=(",", ":")) + "\n")


def warned(fn):
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        result = fn()
    return result, any("least populated" in str(x.message) for x in w)


# KFold
cases = []
for n in [2, 3, 5, 7, 10, 11, 17, 23, 64, 101]:
    for k in [2, 3, 4, 5, 7, 10]:
        if k <= n:
            cases.append({"n": n, "nSplits": k, "folds": folds(KFold(k), n)})
write("k-fold", cases)


# StratifiedKFold (plus per-fold class counts of the shuffled variant)
def make_y(n, n_classes, kind):
    if kind == "balanced":
        y = rs.randint(0, n_classes, size=n)
    elif kind == "imbalanced":
        p = rs.dirichlet(np.ones(n_classes) * 0.5)
        y = rs.choice(n_classes, size=n, p=p)
    elif kind == "sorted":
        y = np.sort(rs.randint(0, n_classes, size=n))
    else:
        y = rs.randint(0, n_classes, size=n)
    return y


cases = []
for n in [6, 10, 13, 20, 37, 50, 97, 150]:
    for n_classes in [1, 2, 3, 5]:
        for kind in ["balanced", "imbalanced", "sorted"]:
            for k in [2, 3, 5]:
                y = make_y(n, n_classes, kind) + 1
                if n_classes > 1 and rs.rand() < 0.5:
                    y = y * 10 - 7  # non-contiguous labels
                strings = rs.rand() < 0.3
                labels = [f"c{v}" for v in y] if strings else [int(v) for v in y]
                counts = np.unique(labels, return_counts=True)[1]
                if k > n or counts.max() < k:
                    continue
                cv = StratifiedKFold(k)
                f, w = warned(lambda: folds(cv, n, np.array(labels)))
                sh = StratifiedKFold(k, shuffle=True, random_state=0)
                shf = folds(sh, n, np.array(labels))
                classes = sorted(set(labels))
                per_fold = [[sum(1 for i in fo if labels[i] == c) for c in classes] for fo in shf]
                cases.append({"y": labels, "nSplits": k, "warns": w, "folds": f, "classes": classes, "shuffledClassCounts": per_fold})
write("stratified-k-fold", cases)


# GroupKFold (ties in group sizes, > 16 groups to exercise numpy's introsort)
def make_groups(n, n_groups, kind):
    if kind == "equal":
        g = np.repeat(np.arange(n_groups), max(1, n // n_groups))[:n]
        if len(g) < n:
            g = np.concatenate([g, rs.randint(0, n_groups, size=n - len(g))])
        rs.shuffle(g)
    elif kind == "skewed":
        p = rs.dirichlet(np.ones(n_groups) * 0.7)
        g = rs.choice(n_groups, size=n, p=p)
    else:
        g = rs.randint(0, n_groups, size=n)
    return g


cases = []
for n in [10, 25, 60, 120, 400]:
    for n_groups in [3, 5, 8, 17, 30, 64, 200]:
        for kind in ["equal", "skewed", "uniform"]:
            g = make_groups(n, n_groups, kind)
            strings = rs.rand() < 0.3
            labels = [f"g{v:03d}" for v in g] if strings else [int(v) * 3 + 100 for v in g]
            distinct = len(set(labels))
            for k in [2, 3, 5, 7]:
                if k > distinct or k > n:
                    continue
                cases.append({"groups": labels, "nSplits": k, "folds": folds(GroupKFold(k), n, None, labels)})
write("group-k-fold", cases)


# StratifiedGroupKFold (no shuffle: exact)
cases = []
for n in [12, 30, 60, 100, 250]:
    for n_classes in [1, 2, 3, 4, 9]:
        for n_groups in [5, 8, 15, 40]:
            for k in [2, 3, 5]:
                y = make_y(n, n_classes, rs.choice(["balanced", "imbalanced"]))
                g = make_groups(n, n_groups, rs.choice(["equal", "skewed", "uniform"]))
                ylab = [int(v) for v in y]
                glab = [int(v) for v in g]
                counts = np.unique(ylab, return_counts=True)[1]
                if k > n or counts.max() < k or len(set(glab)) < k:
                    continue
                f, w = warned(lambda: folds(StratifiedGroupKFold(k), n, np.array(ylab), np.array(glab)))
                cases.append({"y": ylab, "groups": glab, "nSplits": k, "warns": w, "folds": f})
write("stratified-group-k-fold", cases)


# TimeSeriesSplit: every option
cases = []
for n in [6, 10, 13, 25, 50]:
    for k in [2, 3, 5]:
        for test_size in [None, 1, 2, 3, 7]:
            for gap in [0, 1, 2, 5]:
                for max_train in [None, 1, 3, 10]:
                    cv = TimeSeriesSplit(k, max_train_size=max_train, test_size=test_size, gap=gap)
                    try:
                        f = full_folds(cv, n)
                    except ValueError:
                        f = None
                    case = {"n": n, "nSplits": k, "gap": gap, "folds": f}
                    if test_size is not None:
                        case["testSize"] = test_size
                    if max_train is not None:
                        case["maxTrainSize"] = max_train
                    cases.append(case)
write("time-series-split", cases)

# LeaveOneOut, LeavePOut
write("leave-one-out", [{"n": n, "folds": folds(LeaveOneOut(), n)} for n in [2, 3, 5, 8]])
write(
    "leave-p-out",
    [{"n": n, "p": p, "nSplits": LeavePOut(p).get_n_splits(np.zeros((n, 1))), "folds": folds(LeavePOut(p), n)} for n in [2, 3, 5, 7] for p in [1, 2, 3] if p < n],
)

# LeaveOneGroupOut, LeavePGroupsOut
cases = []
for n in [5, 12, 30]:
    for n_groups in [2, 3, 6]:
        g = make_groups(n, n_groups, "uniform")
        labels = [f"g{v}" for v in g] if rs.rand() < 0.5 else [int(v) * 5 - 3 for v in g]
        distinct = len(set(labels))
        if distinct < 2:
            continue
        entry = {"groups": labels, "logo": folds(LeaveOneGroupOut(), n, None, labels), "lpgo": []}
        for p in [1, 2, 3]:
            if p < distinct:
                entry["lpgo"].append({"nGroups": p, "nSplits": LeavePGroupsOut(p).get_n_splits(groups=labels), "folds": folds(LeavePGroupsOut(p), n, None, labels)})
        cases.append(entry)
write("leave-groups-out", cases)

# PredefinedSplit
cases = []
for tf in [[0, 1, -1, 1], [5, -1, 2, 2, 5, 9, -1], [-1, 0, 0, 1, 1, 2, 2, 3, 3, -1], [3, 3, 3], [-2, -1, 0, -2]]:
    cases.append({"testFold": tf, "folds": [{"train": [int(i) for i in tr], "test": [int(i) for i in te]} for tr, te in PredefinedSplit(tf).split()]})
write("predefined-split", cases)

# Shuffle-split sizes: sklearn's rounding and errors
cases = []
for n in [1, 2, 3, 7, 10, 11, 30, 99, 1000]:
    for test_size in [None, 0.1, 0.25, 0.3, 0.5, 0.7, 0.99, 1, 2, 5, 50]:
        for train_size in [None, 0.1, 0.3, 0.5, 0.6, 0.75, 0.9, 1, 3, 7, 600]:
            try:
                ntr, nte = _validate_shuffle_split(n, test_size, train_size, default_test_size=0.1)
                ok = {"nTrain": ntr, "nTest": nte}
            except ValueError:
                ok = None
            case = {"n": n, "sizes": ok}
            if test_size is not None:
                case["testSize"] = test_size
            if train_size is not None:
                case["trainSize"] = train_size
            cases.append(case)
write("shuffle-split-sizes", cases)

# train_test_split without shuffle (deterministic) and shuffled sizes
cases = []
for n in [4, 10, 33]:
    for test_size in [None, 0.2, 0.25, 0.5, 3]:
        for train_size in [None, 0.5, 2]:
            X = np.arange(n)
            try:
                tr, te = train_test_split(X, test_size=test_size, train_size=train_size, shuffle=False)
                tr2, te2 = train_test_split(X, test_size=test_size, train_size=train_size, random_state=0)
                case = {"n": n, "train": tolist(tr), "test": tolist(te), "shuffledSizes": [len(tr2), len(te2)]}
            except ValueError:
                case = {"n": n, "train": None, "test": None}
            if test_size is not None:
                case["testSize"] = test_size
            if train_size is not None:
                case["trainSize"] = train_size
            cases.append(case)
write("train-test-split", cases)


# StratifiedShuffleSplit: per-class counts, and whether sklearn broke a remainder tie
def mode_needs_tiebreak(class_counts, n_draws):
    continuous = class_counts / class_counts.sum() * n_draws
    floored = np.floor(continuous)
    need = int(n_draws - floored.sum())
    if need <= 0:
        return False
    remainder = continuous - floored
    for value in np.sort(np.unique(remainder))[::-1]:
        inds = np.where(remainder == value)[0]
        if need < len(inds):
            return True
        need -= len(inds)
        if need == 0:
            return False
    return False


cases = []
for n in [20, 50, 101, 300]:
    for n_classes in [2, 3, 4, 7]:
        for test_size in [0.1, 0.25, 0.33, 0.5]:
            y = make_y(n, n_classes, rs.choice(["balanced", "imbalanced"]))
            classes, counts = np.unique(y, return_counts=True)
            if counts.min() < 2:
                continue
            try:
                ntr, nte = _validate_shuffle_split(n, test_size, None, default_test_size=0.1)
                if ntr < len(classes) or nte < len(classes):
                    continue
                tr, te = next(StratifiedShuffleSplit(1, test_size=test_size, random_state=0).split(np.zeros((n, 1)), y))
            except ValueError:
                continue
            n_i = np.array([np.sum(y[tr] == c) for c in classes])
            deterministic = not mode_needs_tiebreak(counts, ntr) and not mode_needs_tiebreak(counts - n_i, nte)
            cases.append({"y": [int(v) for v in y], "testSize": test_size, "trainCounts": tolist(n_i), "testCounts": [int(np.sum(y[te] == c)) for c in classes], "deterministic": deterministic})
write("stratified-shuffle-split", cases)

# GroupShuffleSplit: group counts per side
cases = []
for n in [20, 60]:
    for n_groups in [4, 7, 13]:
        for test_size in [None, 0.2, 0.5, 2]:
            g = make_groups(n, n_groups, "uniform")
            labels = [int(v) for v in g]
            kw = {} if test_size is None else {"test_size": test_size}
            tr, te = next(GroupShuffleSplit(1, random_state=0, **kw).split(np.zeros((n, 1)), None, labels))
            case = {"groups": labels, "trainGroups": len(set(np.array(labels)[tr])), "testGroups": len(set(np.array(labels)[te]))}
            if test_size is not None:
                case["testSize"] = test_size
            cases.append(case)
write("group-shuffle-split", cases)

# numpy kernels: argsort (introsort) and std reductions
cases = []
for _ in range(300):
    m = int(rs.choice([1, 2, 5, 15, 16, 17, 40, 100, 500, 3000]))
    v = rs.randint(1, int(rs.choice([2, 3, 5, 20, 1000])) + 1, size=m)
    if rs.rand() < 0.2:
        v = np.sort(v)
    if rs.rand() < 0.1:
        v = np.sort(v)[::-1].copy()
    cases.append({"values": tolist(v), "argsort": tolist(np.argsort(v))})
write("numpy-argsort", cases)

cases = []
for _ in range(200):
    r = int(rs.randint(1, 12))
    c = int(rs.choice([1, 2, 3, 7, 8, 9, 16, 17, 40, 129, 300]))
    A = np.floor(rs.rand(r, c) * 7) / rs.randint(1, 30, size=c) if rs.rand() < 0.5 else rs.rand(r, c)
    cases.append({"rows": r, "columns": c, "values": [float(x) for x in A.ravel()], "stdAxis1": [float(x) for x in np.std(A, axis=1)], "stdAxis0": [float(x) for x in np.std(A, axis=0)], "mean": float(np.mean(A[0]))})
write("numpy-reductions", cases)


# xoshiro128** seeded by splitmix32: an independent reference implementation
M32 = 0xFFFFFFFF


def splitmix32(state):
    state = (state + 0x9E3779B9) & M32
    z = state
    z = ((z ^ (z >> 16)) * 0x21F0AAAD) & M32
    z = ((z ^ (z >> 15)) * 0x735A2D97) & M32
    z ^= z >> 15
    return state, z


def rotl(x, k):
    return ((x << k) | (x >> (32 - k))) & M32


def xoshiro_stream(seed, count):
    s = []
    state = seed
    for _ in range(4):
        state, out = splitmix32(state)
        s.append(out)
    res = []
    for _ in range(count):
        result = (rotl((s[1] * 5) & M32, 7) * 9) & M32
        t = (s[1] << 9) & M32
        s[2] ^= s[0]
        s[3] ^= s[1]
        s[1] ^= s[2]
        s[0] ^= s[3]
        s[2] ^= t
        s[3] = rotl(s[3], 11)
        res.append(result)
    return res


def lemire_ints(stream, bounds):
    """Lemire's unbiased bounded integers over a uint32 stream, in exact big-int arithmetic."""
    it = iter(stream)
    out = []
    for bound in bounds:
        m = next(it) * bound
        low = m & M32
        if low < bound:
            threshold = ((1 << 32) - bound) % bound
            while low < threshold:
                m = next(it) * bound
                low = m & M32
        out.append(m >> 32)
    return out


bounds = [1, 2, 3, 6, 10, 1000, 2**21, 2**21 + 1, 3_000_000_000, 2**32 - 1, 2**32, 12345679]
rng_cases = []
for seed in [0, 1, 42, 123456789, 2**32 - 1]:
    stream = xoshiro_stream(seed, 4000)
    floats = [((stream[2 * i] >> 5) * 67108864 + (stream[2 * i + 1] >> 6)) / 9007199254740992 for i in range(5)]
    rng_cases.append({"seed": seed, "uint32": stream[:16], "floats": floats, "bounds": bounds * 20, "ints": lemire_ints(stream, bounds * 20)})
write("xoshiro128", rng_cases)
print("fixtures written to", OUT)
