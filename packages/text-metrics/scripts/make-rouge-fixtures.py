#!/usr/bin/python3
"""Writes test/fixtures/rouge.json: Google's rouge-score on hand-written and SpamAssassin-drawn
texts, the reference for src/rouge/.

rouge-score is not on this machine and there is no PyPI, so its source runs from a scratch
folder outside the repository (never commit it). Build the folder from
github.com/google-research/google-research, directory rouge/ (the source of the rouge-score
0.1.2 package):

    ROUGE_SRC=/tmp/rouge-src            # any folder outside the repository
    mkdir -p $ROUGE_SRC/rouge $ROUGE_SRC/absl
    # copy rouge/rouge_scorer.py, rouge/scoring.py, rouge/tokenize.py, rouge/tokenizers.py
    # into $ROUGE_SRC/rouge/ and add an empty $ROUGE_SRC/rouge/__init__.py;
    # rouge_scorer.py needs RougeScorer.score_multi (in the released 0.1.2; older commits of
    # the directory lack it): the target with the highest fmeasure per type, np.argmax.
    # absl is not installed: $ROUGE_SRC/absl/__init__.py empty, and $ROUGE_SRC/absl/logging.py
    # with `def info(*a, **k): pass` and `def debug(*a, **k): pass`.

Then, from the package directory, with Debian's python3-nltk (3.8), numpy and six:

    ROUGE_SRC=/tmp/rouge-src /usr/bin/python3 scripts/make-rouge-fixtures.py

Each case: prediction, references (a list; one reference is scored with `score`, several with
`score_multi`), types, use_stemmer, and rouge-score's precision / recall / fmeasure per type.
"""

import glob
import json
import os
import random
import re
import sys
from pathlib import Path

import nltk

assert nltk.__version__ == "3.8", nltk.__version__
sys.path.insert(0, os.environ.get("ROUGE_SRC", "/tmp/rouge-src"))
from rouge import rouge_scorer  # noqa: E402

PACKAGE = Path(__file__).resolve().parent.parent
OUT = PACKAGE / "test" / "fixtures" / "rouge.json"
CORPUS = PACKAGE.parent / "spam-assassin" / "node_modules" / "@stdlib" / "datasets-spam-assassin" / "data"
ALL_TYPES = ["rouge1", "rouge2", "rougeL", "rougeLsum"]

HAND_WRITTEN = [
    ("the rouge-score README example", "The quick brown dog jumps on the log.",
     ["The quick brown fox jumps over the lazy dog"]),
    ("identical texts", "a b c d", ["a b c d"]),
    ("empty prediction", "", ["the cat sat"]),
    ("empty reference", "the cat sat", [""]),
    ("both empty", "", [""]),
    ("only punctuation", "!!! ... ???", ["the cat"]),
    ("non-ASCII letters are separators", "caf\u00e9 na\u00efve r\u00e9sum\u00e9 \u65e5\u672c",
     ["cafe naive resume"]),
    ("astral characters and emoji", "good \U0001F600 news \U0001D538x", ["good news x"]),
    ("case and digits", "Route 66 in 2024", ["route 66, in 2024!"]),
    ("Kelvin sign and dotted capital I lowercase to ASCII", "\u212Aelvin \u0130stanbul",
     ["kelvin istanbul"]),
    ("repeated tokens are clipped", "the the the the cat", ["the cat the"]),
    ("stemming conflates forms", "The runners were running quickly generalizations",
     ["a runner runs quick generalization"]),
    ("short tokens are not stemmed", "cats dogs ran was is", ["cat dog run be"]),
    ("several sentences for rougeLsum", "the cat sat.\nthe dog ran away.\n\nbirds fly",
     ["the dog ran.\nthe cat sat on the mat.\nfish swim"]),
    ("blank and whitespace-only lines", "\n\n  \nhello world\n\n", ["hello\n \nworld"]),
    ("carriage returns stay inside lines", "a b\r\nc d\r\n", ["a b\nc d"]),
    ("a tie in the LCS backtrack", "a b a b a", ["b a b a b\na a b b"]),
    ("rougeLsum double-count guard", "a a a\na a a", ["a\na\na b"]),
    ("several references: max by fmeasure per type", "the cat sat on the mat",
     ["a cat on a mat", "the cat sat", "dogs bark loudly"]),
    ("several references with a tie keep the first", "x y", ["x z", "y z", "x y q r"]),
    ("numbers and words", "3.14 is pi, 2.71 is e", ["pi is 3.14 and e is 2.71"]),
    ("underscores and hyphens split", "snake_case kebab-case camelCase", ["snake case kebab case camelcase"]),
]


def corpus_messages():
    files = sorted(f for f in glob.glob(str(CORPUS / "*" / "*.json")) if not f.endswith("file_list.json"))
    assert len(files) > 6000, f"SpamAssassin corpus not found under {CORPUS}"
    return files


def body_lines(text):
    body = text.split("\n\n", 1)[1] if "\n\n" in text else text
    lines = [l.strip() for l in body.split("\n")]
    return [l for l in lines if 10 <= len(l) <= 200 and not re.match(r"^\S{30,}$", l)]


def drawn_cases(rng, count):
    files = corpus_messages()
    cases = []
    while len(cases) < count:
        name = rng.choice(files)
        with open(name, encoding="utf-8") as f:
            lines = body_lines(json.load(f)["text"])
        if len(lines) < 6:
            continue
        start = rng.randrange(0, len(lines) - 5)
        window = lines[start:start + 12]
        prediction = "\n".join(rng.sample(window, min(len(window), rng.randint(1, 4))))
        references = []
        for _ in range(rng.choice([1, 1, 2, 3])):
            references.append("\n".join(rng.sample(window, min(len(window), rng.randint(1, 4)))))
        group = Path(name).parent.name
        cases.append((f"SpamAssassin {group}/{Path(name).name[:5]} lines {start}+", prediction, references))
    return cases


def score(scorer, prediction, references):
    if len(references) == 1:
        result = scorer.score(references[0], prediction)
    else:
        result = scorer.score_multi(references, prediction)
    return {t: {"precision": s.precision, "recall": s.recall, "fmeasure": s.fmeasure}
            for t, s in result.items()}


def main():
    rng = random.Random(20240612)
    cases = []
    stemmed = rouge_scorer.RougeScorer(ALL_TYPES, use_stemmer=True)
    plain = rouge_scorer.RougeScorer(ALL_TYPES, use_stemmer=False)
    for name, prediction, references in HAND_WRITTEN + drawn_cases(rng, 240):
        for use_stemmer, scorer in ((False, plain), (True, stemmed)):
            cases.append({
                "name": name, "prediction": prediction, "references": references,
                "types": ALL_TYPES, "use_stemmer": use_stemmer,
                "expected": score(scorer, prediction, references),
            })
    higher = rouge_scorer.RougeScorer(["rouge3", "rouge4", "rouge9"], use_stemmer=True)
    for name, prediction, references in HAND_WRITTEN[:3] + drawn_cases(rng, 30):
        cases.append({
            "name": f"{name} (rouge3/4/9)", "prediction": prediction, "references": references,
            "types": ["rouge3", "rouge4", "rouge9"], "use_stemmer": True,
            "expected": score(higher, prediction, references),
        })
    with open(OUT, "w", encoding="utf-8") as f:
        json.dump({"source": "rouge-score (google-research rouge/) with nltk 3.8", "cases": cases},
                  f, ensure_ascii=False, separators=(",", ":"))
        f.write("\n")
    print(f"{len(cases)} cases -> {OUT}")


if __name__ == "__main__":
    main()
