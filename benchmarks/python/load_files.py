"""pandas' readers on the files the runner-load suite writes: prints {"seconds": [...]}.

Usage: python3 load_files.py csv|tsv|jsonl PATH ROUNDS
"""
import json
import sys
import time

import pandas as pd

kind, path, rounds = sys.argv[1], sys.argv[2], int(sys.argv[3])
seconds = []
for _ in range(rounds):
    start = time.perf_counter()
    if kind == "csv":
        frame = pd.read_csv(path)
    elif kind == "tsv":
        frame = pd.read_csv(path, sep="\t")
    else:
        frame = pd.read_json(path, lines=True)
    seconds.append(time.perf_counter() - start)
    assert len(frame) > 0
print(json.dumps({"seconds": seconds}))
