"""Shared JSON encoding for the fixture scripts: NaN and ±Infinity are written
as the strings "NaN", "Infinity" and "-Infinity" (JSON has no such numbers);
the tests decode them back."""
import json
import math

import numpy as np


def encode(value):
    if isinstance(value, dict):
        return {k: encode(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [encode(v) for v in value]
    if isinstance(value, np.ndarray):
        return encode(value.tolist())
    if isinstance(value, (np.bool_, bool)):
        return bool(value)
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


def write(path, payload):
    with open(path, "w") as f:
        json.dump(encode(payload), f, indent=1, allow_nan=False)
        f.write("\n")
