#!/usr/bin/python3
"""Writes test/fixtures/labels.json: how numpy 1.24 and scikit-learn 1.2.1 order and encode
class labels, the reference for @assay/labels.

Run from the package directory with: /usr/bin/python3 scripts/make-label-fixtures.py

Each case names its label columns (as the TypeScript API takes them) and holds either
scikit-learn's answer (`unique_labels` over all columns, then `LabelEncoder` fitted on those
classes for each column's codes, and numpy's first-appearance codes as StratifiedKFold
re-encodes `y`) or the message of the ValueError it raises. JSON has no NaN, so NaN is written
as the string "NaN" (the tests decode it). Python booleans stay JSON booleans.
"""

import json
import math
import warnings
from pathlib import Path

import numpy as np
import sklearn
from sklearn.preprocessing import LabelEncoder
from sklearn.utils.multiclass import unique_labels

assert sklearn.__version__ == "1.2.1", sklearn.__version__
# unique_labels casts NaN to int before it rejects it; the warning says nothing here
warnings.simplefilter("ignore", RuntimeWarning)
OUT = Path(__file__).resolve().parent.parent / "test" / "fixtures" / "labels.json"

CASES = [
    ("non-BMP strings sort after U+E000..U+FFFF (code points, not UTF-16 units)",
     [("yTrue", ["\U0001F600", "\uFF5E", "a", "\uE000", "\U0001D538", "\uFFFF", "\U00010000"])]),
    ("a non-BMP letter inside a word",
     [("yTrue", ["x\U0001F600", "x\uFF5E", "x", "xa"]), ("yPred", ["x\uFF5E", "x\U0001F600", "x", "x"])]),
    ("accented letters sort by code point, after every ASCII letter",
     [("yTrue", ["\u00e9", "e", "z", "\u00c9", "\u00df", "\u00f1", "n", "E", "Z"])]),
    ("a precomposed and a decomposed accent are different labels",
     [("yTrue", ["\u00e9", "e\u0301", "e"])]),
    ("the empty string is a label and sorts first",
     [("yTrue", ["", "a", " ", ""]), ("yPred", ["a", "", "b", " "])]),
    ("numeric strings sort as strings",
     [("yTrue", ["10", "9", "-1", "1.5", "01", "1"])]),
    ("numbers sort numerically",
     [("yTrue", [10, 9, -1, 2, 1000000, -5])]),
    ("integer-valued floats and integers are the same labels",
     [("yTrue", [1.0, 2.0, 0.0]), ("yPred", [1, 2, 2])]),
    ("negative zero and zero are one label",
     [("yTrue", [0.0, -0.0, 1.0, -0.0])]),
    ("negative zero first",
     [("yTrue", [-0.0, 1.0, 0.0])]),
    ("booleans sort false before true",
     [("yTrue", [True, False, True])]),
    ("booleans and 0/1 are the same labels",
     [("yTrue", [True, False, True]), ("yPred", [0, 1, 2])]),
    ("the union of two string columns",
     [("yTrue", ["b", "a"]), ("yPred", ["a", "c"])]),
    ("numbers mixed with strings in one column",
     [("yTrue", [0, "a", 1])]),
    ("numbers in one column and strings in the other",
     [("yTrue", [0, 1, 0]), ("yPred", ["0", "1", "1"])]),
    ("booleans mixed with strings",
     [("yTrue", [True, "a"])]),
    ("NaN is not a label",
     [("yTrue", [0.0, float("nan"), 1.0])]),
]


def encode(value):
    if isinstance(value, (list, tuple)):
        return [encode(v) for v in value]
    if isinstance(value, np.ndarray):
        return encode(value.tolist())
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    if isinstance(value, np.integer):
        return int(value)
    if isinstance(value, (float, np.floating)):
        return "NaN" if math.isnan(value) else float(value)
    if isinstance(value, np.str_):
        return str(value)
    return value


def first_appearance_codes(column):
    """StratifiedKFold's re-encoding of y: codes in order of first appearance."""
    _, first, inverse = np.unique(np.asarray(column), return_index=True, return_inverse=True)
    _, rank = np.unique(first, return_inverse=True)
    return rank[inverse]


def reference(columns):
    try:
        # plain lists, as a caller passes them: np.asarray would turn [0, "a"] into strings
        classes = unique_labels(*[values for _, values in columns])
    except ValueError as error:
        return {"error": str(error)}
    encoder = LabelEncoder().fit(classes)
    codes = [encoder.transform(np.asarray(values)) for _, values in columns]
    for (_, values), code in zip(columns, codes):
        if len(columns) == 1:
            # np.unique(return_inverse) is the same encoding for one column
            unique, inverse = np.unique(np.asarray(values), return_inverse=True)
            assert list(unique) == list(classes) and list(inverse) == list(code)
    return {
        "classes": classes,
        "codes": codes,
        "firstAppearanceCodes": [first_appearance_codes(values) for _, values in columns],
    }


def main():
    cases = []
    for name, columns in CASES:
        case = {"name": name, "columns": [[arg, values] for arg, values in columns]}
        case.update(reference(columns))
        cases.append(encode_case(case))
    payload = {
        "generator": "scripts/make-label-fixtures.py",
        "numpy": np.__version__,
        "sklearn": sklearn.__version__,
        "cases": cases,
    }
    with open(OUT, "w") as f:
        json.dump(payload, f, indent=1, allow_nan=False)
        f.write("\n")


def encode_case(case):
    return {key: (value if key in ("name", "error") else encode(value)) for key, value in case.items()}


if __name__ == "__main__":
    main()
