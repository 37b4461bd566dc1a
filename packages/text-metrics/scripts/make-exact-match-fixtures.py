#!/usr/bin/python3
"""Writes test/fixtures/exact-match.json: lm-evaluation-harness's exact_match, HELM's
exact-match variants and the official SQuAD v1.1 / v2.0 scoring on hand-written and seeded
random texts, the reference for src/exact-match/ and src/squad/.

The reference functions run from a scratch folder outside the repository (never commit them).
Build it from the sources (the search tool's read_file, or a clone):

    EXACT_MATCH_SRC=/tmp/exact-match-src
    lm_eval_exact_match.py    exact_match_hf_evaluate from EleutherAI/lm-evaluation-harness
                              lm_eval/api/metrics.py (with its imports: re, string, numpy)
    helm_reference_metrics.py normalize_text, exact_match, quasi_exact_match,
                              prefix_exact_match, quasi_prefix_exact_match,
                              final_number_exact_match from stanford-crfm/helm
                              src/helm/benchmark/metrics/evaluate_reference_metrics.py
    squad_v11.py              normalize_answer, f1_score, exact_match_score,
                              metric_max_over_ground_truths from SQuAD's evaluate-v1.1.py
    squad_v20.py              normalize_answer, get_tokens, compute_exact, compute_f1 from
                              SQuAD's evaluate-v2.0.py, plus raw_scores(answers, a_pred): the
                              body of its get_raw_scores for one question (drop answers that
                              normalize to "", [""] when none is left, max of each score)

Then, from the package directory: /usr/bin/python3 scripts/make-exact-match-fixtures.py

The "regex" section needs only Python's re: `--regex-only` rewrites that section of the
existing file and leaves the others as they are, without the reference sources.

Several references: lm-evaluation-harness scores one target per call, HELM and SQuAD the best
reference; the fixture holds, for every reference list, the max of the per-reference scores
(SQuAD: metric_max_over_ground_truths / raw_scores themselves).
"""

import json
import os
import random
import re
import sys
import warnings
from pathlib import Path

REGEX_ONLY = "--regex-only" in sys.argv[1:]
if not REGEX_ONLY:
    sys.path.insert(0, os.environ.get("EXACT_MATCH_SRC", "/tmp/exact-match-src"))
    import helm_reference_metrics as helm  # noqa: E402
    import squad_v11  # noqa: E402
    import squad_v20  # noqa: E402
    from lm_eval_exact_match import exact_match_hf_evaluate  # noqa: E402

# "[[]" is a literal [ in Python 3.11, with a FutureWarning about future set syntax
warnings.simplefilter("ignore", FutureWarning)
OUT = Path(__file__).resolve().parent.parent / "test" / "fixtures" / "exact-match.json"

# texts chosen for the corners: Unicode case mapping, ASCII-only punctuation and digits,
# Python whitespace (U+001F, U+0085 are whitespace to Python, U+FEFF is not), articles next to
# letters, digits and underscores, and numbers in several spellings
TEXTS = [
    "", " ", "Paris", "paris", "PARIS!", " Paris. ", "The Eiffel Tower", "eiffel tower",
    "the  eiffel\ttower", "An apple a day", "apple day", "a", "an", "the", "The", "thee",
    "theater", "a_b the_c an", "l'an", "à la carte", "a\u00e0 the\u00e9", "\u00e9a", "the2",
    "2the", "\u0130stanbul", "istanbul", "i\u0307stanbul", "\u212Aelvin", "kelvin",
    "\u03a3\u039f\u03a6\u039f\u03a3", "\u03c3\u03bf\u03c6\u03bf\u03c2", "Stra\u00dfe", "strasse",
    "caf\u00e9", "cafe\u0301", "na\u00efve \u201cquotes\u201d", "naive quotes", "it's", "its",
    "U.S.A.", "usa", "e-mail", "email", "snake_case", "snakecase", "x\u001fy", "x y",
    "x\u0085y", "x\u3000y", "x\ufeffy", "x\u00a0y", "\u2028line", "line",
    "42", "42.", "42.0", "forty-two", "$1,234.50", "1234.50", "1,234", "-7", "\u22127",
    "\uff11\uff12", "12", "\u0663\u0664", "34", "3 5", "3\n5", "3.5", "v2.0.1", "2,000,000",
    "The answer is 15.", "15 eggs", "So 5 + 10 = 15, answer: 15", "#### 72", "72",
    "Answer: B", "B", "(B)", "b", "\U0001F600 smile", "smile", "\U0001D538", "",
    "Yes, Elmendorf", "yes", "Yes", "no", "Yesterday", "tab\there", "new\nline",
    "a\x00", "a\x00b", "\u0130\x00", "\u0130i\u0130", "x\x00\x00", "\x00",
]

HARNESS_OPTIONS = [
    {},
    {"ignore_case": True},
    {"ignore_punctuation": True},
    {"ignore_numbers": True},
    {"ignore_case": True, "ignore_punctuation": True},
    {"ignore_case": True, "ignore_punctuation": True, "ignore_numbers": True},
    {"regexes_to_ignore": [","]},
    {"regexes_to_ignore": ["\\$", ",", "\\.00"], "ignore_case": True},
    {"regexes_to_ignore": ["(?s).*#### "]},
    {"regexes_to_ignore": ["(?s).*answer: "], "ignore_case": True},
    {"regexes_to_ignore": ["(?i)the ", " +"], "ignore_punctuation": True},
    {"regexes_to_ignore": ["[()]"], "ignore_case": True},
    {"regexes_to_ignore": ["\\d"], "ignore_punctuation": True},
    {"regexes_to_ignore": ["^\\s+", "\\s+$"]},
    {"regexes_to_ignore": ["\\b(a|an|the)\\b", "\\s"], "ignore_case": True},
    {"regexes_to_ignore": ["[^\\w]"]},
    {"regexes_to_ignore": ["\\.$", "\\,"]},
]

# Python patterns and what re.sub(pattern, "", text) / re.search make of them, for the
# translation of Python regular expressions to JavaScript
PATTERNS = [
    ",", "\\$", "\\.$", "$", "^", "^\\s+", "\\s+$", "\\s+", "\\S+", "\\d", "\\D", "\\d+",
    "\\w+", "\\W+", "\\b", "\\B", "\\b(a|an|the)\\b", "\\Athe", "e\\Z", ".", ".+", "(?s).+",
    "(?s).*#### ", "(?i)the ", "(?i)PARIS", "(?m)^\\w", "(?m)\\w$", "(?ms)^.$", "[\\d,]+",
    "[^\\w ]", "[\\s]", "[]a]", "[^]a]", "a{,2}", "x{}", "{", "}", "]", "\\,", "\\-", "\\ ",
    "\\#", "[\\-a]", "(?P<w>\\w)(?P=w)", "a(?#comment)n", "\\U0001F600", "[\\U0001F600]",
    "-?[\\d,]+(?:.\\d+)?", "\\x41", "\\u00e9", "[[]", "\\n", "\\t|\\n",
    # empty matches: after one, Python 3.7+ tries the same position again for a non-empty match
    "x*?", "a*?", "a??", "a{,2}?", "\\s*?", "(?s).*?", "(?s).+?", "(\\b|x)", "(\\b|a)",
    "\\b|a", "a|", "|a", "(?:|a)", "(?:a|)", "\\B|\\s", "$|\\n", "^|a", "(?m)^|\\w",
    "x*", "\\s*", "(?i)\\b(?:the|)", "a*?(?=b)|b",
    # (?i): I, i, U+0130 and U+0131 are one letter to Python, two pairs to JavaScript
    "(?i)[a-z]", "(?i)^[a-z]$", "(?i)[A-Z]+", "(?is)[^a-z]", "(?i)[^i]", "(?i)i", "(?i)I",
    "(?i)\u0130", "(?i)\u0131", "(?i)[\u0130]", "(?i)[^\u0131]", "(?i)\\x69", "(?i)\\u0130",
    "(?i)[H-J]+", "(?i)[\\x00-\\x7f]", "(?i)[\u0100-\u0140]", "(?i)[\\w]", "(?i)\\w+",
    "(?i)(?P<i>i)x", "\u0130", "[a-z]", "[^i]", "(?i)k", "(?i)s", "(?i)\u00b5",
]

# more texts for the patterns: repeated letters, and the dotted / dotless i in both cases
REGEX_TEXTS = ["a\n", "the\n", "line\n\n", "AAaa", "caf\u00e9\n", "a{,2}x{}", "xx", "a x",
               "abc", "aab", "\u0131", "\u0130", "i\u0130\u0131I", "\u0131stanbul",
               "\u0130I\u0131i", "\u212a\u017f\u03bc"]

CAMEL = {"regexes_to_ignore": "regexesToIgnore", "ignore_case": "ignoreCase",
         "ignore_punctuation": "ignorePunctuation", "ignore_numbers": "ignoreNumbers"}


def harness_case(prediction, references, options):
    scores = [float(exact_match_hf_evaluate([prediction], [r], **options)["exact_match"])
              for r in references]
    return {"prediction": prediction, "references": references,
            "options": {CAMEL[k]: v for k, v in options.items()}, "expected": max(scores)}


def helm_functions():
    return {
        "quasiExactMatch": helm.quasi_exact_match,
        "prefixExactMatch": helm.prefix_exact_match,
        "quasiPrefixExactMatch": helm.quasi_prefix_exact_match,
        "finalNumberExactMatch": helm.final_number_exact_match,
    }


def squad_case(prediction, references, version):
    if version == "1.1":
        em = squad_v11.metric_max_over_ground_truths(squad_v11.exact_match_score, prediction, references)
        f1 = squad_v11.metric_max_over_ground_truths(squad_v11.f1_score, prediction, references)
    else:
        em, f1 = squad_v20.raw_scores(references, prediction)
    return {"prediction": prediction, "references": references, "version": version,
            "exactMatch": float(em), "f1": float(f1)}


def random_text(rng):
    words = [t for t in TEXTS if t and "\n" not in t] + ["the", "a", "an", "cat", "Cat", "sat",
                                                           "mat", ",", ".", "!", "the cat"]
    separators = [" ", " ", " ", "  ", "\t", ", ", ". ", "\u00a0", "\u0085", "-", ""]
    parts = []
    for _ in range(rng.randint(0, 6)):
        parts.append(rng.choice(words))
        parts.append(rng.choice(separators))
    return "".join(parts)


def pairs(rng):
    fixed = []
    for i, text in enumerate(TEXTS):
        fixed.append((text, [TEXTS[(i + 1) % len(TEXTS)]]))
        fixed.append((text, [text.lower(), text.upper()]))
        fixed.append((text, [t for t in TEXTS[i - 3:i] if t != text] or ["x"]))
    fixed += [("Paris", ["paris"]), ("The answer is 15.", ["15 eggs"]), ("", [""]),
              ("", ["the"]), ("the", [""]), ("a an the", [""]), ("x", ["", "the a"]),
              ("Yes, Elmendorf", ["Yes"]), ("Yesterday", ["yes"]), ("3\n5", ["5"]),
              ("3 5", ["35"]), ("\uff11\uff12", ["12"]), ("x\u001fy", ["x y"]),
              ("x\ufeffy", ["x y"]), ("the cat sat", ["a cat sat on the mat", "cat"]),
              ("a\x00", ["a"]), ("a", ["a\x00\x00"]), ("a\x00b", ["a"]), ("\u0130\x00", ["i\u0307"]),
              ("\u0130x", ["i\u0307x"]), ("\u0130x", ["i\u0307"]), ("x,\x00", ["x"])]
    drawn = [(random_text(rng), [random_text(rng) for _ in range(rng.randint(1, 3))])
             for _ in range(200)]
    return fixed, drawn


def regex_cases():
    return [{"pattern": pattern, "text": text, "sub": re.sub(pattern, "", text),
             "search": re.search(pattern, text) is not None}
            for pattern in PATTERNS for text in TEXTS + REGEX_TEXTS]


def write(payload):
    with open(OUT, "w", encoding="utf-8") as f:
        json.dump(payload, f, ensure_ascii=False, separators=(",", ":"))
        f.write("\n")


def main():
    if REGEX_ONLY:
        with open(OUT, encoding="utf-8") as f:
            payload = json.load(f)
        payload["regex"] = regex_cases()
        write(payload)
        print(f"{len(payload['regex'])} regex cases -> {OUT}")
        return
    rng = random.Random(12)
    fixed, drawn = pairs(rng)
    all_pairs = fixed + drawn
    harness = []
    for prediction, references in all_pairs:
        for options in rng.sample(HARNESS_OPTIONS, 3):
            harness.append(harness_case(prediction, references, options))
    # numpy's fixed-width strings: trailing NULs and the longer lowercase of U+0130, every option
    for prediction, references in [p for p in fixed if any("\x00" in t or "\u0130" in t for t in [p[0]] + p[1])]:
        for options in HARNESS_OPTIONS:
            harness.append(harness_case(prediction, references, options))
    helm_cases = []
    for prediction, references in all_pairs:
        for name, fn in helm_functions().items():
            expected = max(fn(r, prediction) for r in references)
            helm_cases.append({"fn": name, "prediction": prediction, "references": references,
                               "expected": float(expected)})
    squad = []
    for prediction, references in all_pairs:
        squad.append(squad_case(prediction, references, "1.1"))
        squad.append(squad_case(prediction, references, "2.0"))
    for prediction in ["", "x", "the", "Paris"]:
        squad.append(squad_case(prediction, [], "2.0"))
    regex = regex_cases()
    normalize = [{"text": t, "expected": squad_v11.normalize_answer(t)}
                 for t in TEXTS + [p for p, _ in all_pairs]]
    assert all(squad_v20.normalize_answer(c["text"]) == c["expected"] for c in normalize)
    assert all(helm.normalize_text(c["text"]) == c["expected"] for c in normalize)
    payload = {"source": "lm-evaluation-harness exact_match_hf_evaluate, HELM "
                         "evaluate_reference_metrics.py, SQuAD evaluate-v1.1.py / v2.0.py",
               "harness": harness, "helm": helm_cases, "squad": squad, "normalize": normalize,
               "regex": regex}
    write(payload)
    print(f"{len(harness)} harness, {len(helm_cases)} HELM, {len(squad)} SQuAD, "
          f"{len(normalize)} normalize, {len(regex)} regex cases -> {OUT}")


if __name__ == "__main__":
    main()
