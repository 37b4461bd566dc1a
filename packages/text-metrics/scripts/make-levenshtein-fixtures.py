#!/usr/bin/python3
"""Writes test/fixtures/levenshtein.json: python-Levenshtein's distance (Debian's
python3-levenshtein 0.12.2, over Python strings, so over code points) and the similarity
1 - distance / max(len(a), len(b)) (1 for two empty strings), the reference for
src/edit-distance/levenshtein.ts.

    apt-get install -y python3-levenshtein
    /usr/bin/python3 scripts/make-levenshtein-fixtures.py    # from the package directory

Pairs: short hand-picked ones (emoji, combining accents, CJK, astral letters, empty strings),
seeded random strings over small alphabets with astral characters (to force many edits, and
lengths across fastest-levenshtein's 32-unit block boundary), and SpamAssassin subject lines
against edited copies.
"""

import glob
import json
import random
import re
from pathlib import Path

import Levenshtein

PACKAGE = Path(__file__).resolve().parent.parent
OUT = PACKAGE / "test" / "fixtures" / "levenshtein.json"
CORPUS = PACKAGE.parent / "spam-assassin" / "node_modules" / "@stdlib" / "datasets-spam-assassin" / "data"

HAND = [
    ("", ""), ("", "abc"), ("abc", ""), ("kitten", "sitting"), ("flaw", "lawn"),
    ("\U0001F44D ok", "ok"), ("\U0001F600", "\U0001F601"), ("\U0001F600", "a"),
    ("a\U0001F600b", "ab"), ("caf\u00e9", "cafe\u0301"), ("\u65e5\u672c\u8a9e", "\u65e5\u672c"),
    ("\U0001D538\U0001D539", "\U0001D539\U0001D538"), ("\ud7ff\ue000", "\ue000\ud7ff"),
    ("\U0001F600" * 40, "\U0001F600" * 39 + "x"), ("same", "same"), ("Case", "case"),
]


def random_string(rng, alphabet, length):
    return "".join(rng.choice(alphabet) for _ in range(length))


def mutate(rng, text, alphabet):
    chars = list(text)
    for _ in range(rng.randint(0, max(1, len(chars) // 4))):
        op = rng.choice("isd")
        i = rng.randint(0, len(chars))
        if op == "i":
            chars.insert(i, rng.choice(alphabet))
        elif chars and i < len(chars):
            if op == "s":
                chars[i] = rng.choice(alphabet)
            else:
                del chars[i]
    return "".join(chars)


def subjects(limit):
    out = []
    files = sorted(f for f in glob.glob(str(CORPUS / "*" / "*.json")) if not f.endswith("file_list.json"))
    assert len(files) > 6000, f"SpamAssassin corpus not found under {CORPUS}"
    for name in files[::60]:
        with open(name, encoding="utf-8") as f:
            match = re.search(r"^Subject: (.*)$", json.load(f)["text"], re.M)
        if match:
            out.append(match.group(1))
    return out[:limit]


def main():
    rng = random.Random(7)
    pairs = list(HAND)
    alphabets = ["ab", "abc\U0001F600", "xyz\u00e9\U0001D538\u4e2d", "".join(chr(c) for c in range(0x1F600, 0x1F640))]
    for alphabet in alphabets:
        for length in (1, 5, 31, 32, 33, 63, 64, 65, 100, 250):
            a = random_string(rng, alphabet, length)
            pairs.append((a, mutate(rng, a, alphabet)))
            pairs.append((a, random_string(rng, alphabet, rng.randint(0, length + 10))))
    for subject in subjects(80):
        pairs.append((subject, mutate(rng, subject, "abcdefghij \u00e9\U0001F600")))
    cases = []
    for a, b in pairs:
        d = Levenshtein.distance(a, b)
        longest = max(len(a), len(b))
        cases.append({"a": a, "b": b, "distance": d, "similarity": 1.0 if longest == 0 else 1 - d / longest})
    with open(OUT, "w", encoding="utf-8") as f:
        json.dump({"source": "python-Levenshtein 0.12.2 (Debian python3-levenshtein)", "cases": cases},
                  f, ensure_ascii=False, separators=(",", ":"))
        f.write("\n")
    print(f"{len(cases)} cases -> {OUT}")


if __name__ == "__main__":
    main()
