"""Reference values for the BLEU, chrF/chrF++ and TER of @assay/text-metrics, from sacrebleu.

sacrebleu is not vendored: run its own source from a scratch folder outside the repository.

    git clone https://github.com/mjpost/sacrebleu /tmp/sacrebleu-src
    git -C /tmp/sacrebleu-src checkout v2.6.0
    /usr/bin/python3 packages/text-metrics/scripts/make-sacrebleu-fixtures.py /tmp/sacrebleu-src

(`pip download sacrebleu==2.6.0` and unpacking the wheel gives the same `sacrebleu/` folder.)
The argument is the folder that holds the `sacrebleu/` package. Only the standard library is
needed: the modules sacrebleu imports for its command line and data sets (portalocker, tabulate,
colorama, lxml) are stubbed here, and `sacrebleu/version.py`, which setuptools_scm writes at
install time, is stubbed with --version (default 2.6.0) when a git checkout lacks it.
The 13a and tercom tokenizers need only `re`, not `regex`.

Writes packages/text-metrics/test/fixtures/sacrebleu-*.json: the texts once (sacrebleu-texts.json:
sentences and corpora by name), then per metric the sentence and corpus cases (text or corpus
name, options in @assay/text-metrics' spelling, sacrebleu's score, details, signature and the
per-segment statistics). References are per hypothesis (row-major); `null` marks a missing
reference, which sacrebleu skips (its `None`).
"""
import argparse
import json
import os
import random
import sys
import types

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'test', 'fixtures')


def load_sacrebleu(source, version):
    for name in ['portalocker', 'colorama', 'lxml', 'lxml.etree']:
        sys.modules.setdefault(name, types.ModuleType(name))
    tabulate = types.ModuleType('tabulate')
    tabulate.tabulate = lambda *a, **k: ''
    sys.modules.setdefault('tabulate', tabulate)
    if not os.path.exists(os.path.join(source, 'sacrebleu', 'version.py')):
        stub = types.ModuleType('sacrebleu.version')
        stub.__version__ = version
        sys.modules['sacrebleu.version'] = stub
    sys.path.insert(0, source)
    import sacrebleu  # noqa: E402
    return sacrebleu


def streams(references):
    """Row-major references (None = missing) as sacrebleu's reference streams."""
    width = max(len(refs) for refs in references)
    return [[refs[j] if j < len(refs) else None for refs in references] for j in range(width)]


# --- texts ------------------------------------------------------------------------------------

PUNCTUATION = ('Hello, world! (This) is "quoted" & <tagged> text; ok? [yes] {no} a/b '
               'x@y #1 $5 50% ^_^ `tick` ~tilde~ |pipe| back\\slash it\'s-done.')
NUMBERS = 'The price rose from 1,234.56 to 2,000.5 dollars, i.e. 3.5% in 2023-2024 (up 12-15).'
UNICODE = ('Größe, façade und naïve — “curly” quotes… 日本語のテキスト。 Ελληνικά ΟΔΟΣ '
           'emoji 😀👍🏽 and İstanbul ǅ ﬁ ß.')
LONG_WORDS = ('the of and to in a is that for it as was with be by on not he i this are or his '
              'from at which but have an they you were her she there one all we their can been '
              'has more if will would so no what up out about into than them only could new '
              'time some these two may first then do any like my now over such our man me even '
              'most made after also did many before must through back years where much your way '
              'well down should because each just those people how too little state good very '
              'make world still own see men work long get here between both life being under '
              'never day same another know while last might us great old year off come since '
              'against go came right used take three').split()


def long_text(seed, n_words, vocabulary):
    rng = random.Random(seed)
    words = []
    for k in range(n_words):
        words.append(rng.choice(vocabulary))
        if k % 17 == 16:
            words[-1] += rng.choice([',', '.', ';', '?', '!'])
    return ' '.join(words)


def mutate(rng, words, vocabulary):
    """A reference-like variant: substitutions, deletions, insertions, a moved block."""
    out = list(words)
    for _ in range(rng.randint(0, max(1, len(out) // 4))):
        op = rng.random()
        if op < 0.35 and out:
            out[rng.randrange(len(out))] = rng.choice(vocabulary)
        elif op < 0.6 and out:
            del out[rng.randrange(len(out))]
        elif op < 0.85:
            out.insert(rng.randint(0, len(out)), rng.choice(vocabulary))
        elif len(out) > 3:
            start = rng.randrange(len(out) - 2)
            size = rng.randint(1, min(4, len(out) - start))
            block = out[start:start + size]
            del out[start:start + size]
            at = rng.randint(0, len(out))
            out[at:at] = block
    return out


RANDOM_VOCABULARY = LONG_WORDS[:60] + [
    'The', 'A', 'It', 'NASA', 'e.g.', 'U.S.', '3.14', '1,000', '42', '2024-01-05', '-5', '7%',
    '(see', 'below)', '"yes"', "don't", 'co-op', 'naïve', 'Größe', '東京', 'καλά', '😀', '&amp;',
    '&quot;hi&quot;', '<b>', 'a/b', 'x,y', '.', ',', '!', '?', ';', ':', '...', '--', "'s",
]


def random_corpus(seed, n_segments, max_refs, vocabulary, min_words=0, max_words=30):
    rng = random.Random(seed)
    hypotheses, references = [], []
    for _ in range(n_segments):
        base = [rng.choice(vocabulary) for _ in range(rng.randint(min_words, max_words))]
        hyp = mutate(rng, base, vocabulary)
        refs = [' '.join(mutate(rng, base, vocabulary)) for _ in range(rng.randint(1, max_refs))]
        if len(refs) > 1 and rng.random() < 0.3:
            refs.insert(rng.randrange(len(refs)), None)
        hypotheses.append(' '.join(hyp))
        references.append(refs)
    return hypotheses, references


SENTENCES = [
    ('punctuation', PUNCTUATION, [PUNCTUATION.replace('world', 'there'), 'Hello, world!']),
    ('numbers with commas and periods', NUMBERS,
     ['The price rose from 1,234.56 to 2,000.50 dollars, i.e. 3.5 % in 2023 - 2024.']),
    ('unicode', UNICODE, [UNICODE.replace('naïve', 'naive'), 'Größe und façade, 日本語。']),
    ('empty hypothesis', '', ['a reference with some words']),
    ('empty reference', 'a hypothesis with words', ['']),
    ('empty hypothesis and reference', '', ['']),
    ('several references', 'the cat is on the mat today',
     ['the cat sat on the mat', 'there is a cat on the mat', 'a cat is on the mat today']),
    ('case differs', 'The Cat Is On The Mat.', ['the cat is on the mat.']),
    ('zero matches', 'abc def ghi jkl', ['uvw xyz pqr stu']),
    ('unigram matches only', 'cat the on mat sat', ['the cat sat on the mat']),
    ('no 4-gram match', 'the cat sat on a mat today', ['the cat sat on the mat today']),
    ('short hypothesis', 'the cat', ['the cat sat on the mat']),
    ('identical', 'the quick brown fox jumps over the lazy dog',
     ['the quick brown fox jumps over the lazy dog']),
    ('identical three tokens', 'a b c', ['a b c']),
    ('13a entities and markers', 'He said &quot;no&quot; &amp; left <skipped> at 5-\n6 pm.\nBye',
     ['He said "no" & left at 56 pm. Bye']),
    ('python whitespace', 'tab\there\u00a0nbsp\u0085nel\u2003em\ufeffbom  end  ',
     ['tab here nbsp nel em\ufeffbom end']),
    ('shifted words', 'on the mat the cat sat', ['the cat sat on the mat']),
    ('longer shifts', 'a b c d e f g h i j k l m n', ['h i j k l m n a b c d e f g']),
    ('hyphens and digits', 'pages 10-20 and 3.-4. items, 5,6', ['pages 10 - 20 and 3. - 4. items, 5,6']),
    ('long text', long_text(1, 320, LONG_WORDS),
     [long_text(2, 300, LONG_WORDS), long_text(1, 320, LONG_WORDS)[:900]]),
]


# --- metric runners ---------------------------------------------------------------------------

def bleu_metric(sb, options, sentence):
    return sb.BLEU(
        lowercase=options.get('lowercase', False),
        tokenize=options.get('tokenize', '13a'),
        smooth_method=options.get('smoothMethod', 'exp'),
        smooth_value=options.get('smoothValue'),
        max_ngram_order=options.get('maxNgramOrder', 4),
        effective_order=options.get('effectiveOrder', sentence),
    )


def chrf_metric(sb, options):
    return sb.CHRF(
        char_order=options.get('charOrder', 6), word_order=options.get('wordOrder', 0),
        beta=options.get('beta', 2), lowercase=options.get('lowercase', False),
        whitespace=options.get('whitespace', False),
        eps_smoothing=options.get('epsSmoothing', False))


def ter_metric(sb, options):
    return sb.TER(
        normalized=options.get('normalized', False), no_punct=options.get('noPunct', False),
        asian_support=options.get('asianSupport', False),
        case_sensitive=options.get('caseSensitive', False))


def bleu_details(score):
    return {'score': score.score, 'counts': list(score.counts), 'totals': list(score.totals),
            'precisions': list(score.precisions), 'bp': score.bp, 'sysLen': score.sys_len,
            'refLen': score.ref_len}


def chrf_details(score):
    return {'score': score.score, 'name': score.name}


def ter_details(score):
    return {'score': score.score, 'numEdits': score.num_edits, 'refLength': score.ref_length}


METRICS = {
    'bleu': (lambda sb, o, s: bleu_metric(sb, o, s), bleu_details),
    'chrf': (lambda sb, o, s: chrf_metric(sb, o), chrf_details),
    'ter': (lambda sb, o, s: ter_metric(sb, o), ter_details),
}


def sentence_case(sb, kind, text, options):
    make, details = METRICS[kind]
    metric = make(sb, options, True)
    refs = [r for r in text['references'] if r is not None]
    score = metric.sentence_score(text['hypothesis'], refs)
    return {'text': text['name'], 'options': options,
            'expected': {**details(score), 'signature': metric.get_signature().format()}}


def corpus_case(sb, kind, corpus, options):
    make, details = METRICS[kind]
    metric = make(sb, options, False)
    hyps, refs = corpus['hypotheses'], streams(corpus['references'])
    segment_stats = metric._extract_corpus_statistics(hyps, refs)
    score = metric.corpus_score(hyps, refs)
    return {'corpus': corpus['name'], 'options': options,
            'expected': {**details(score), 'signature': metric.get_signature().format(),
                         'segmentStatistics': [[float(v) for v in s] for s in segment_stats]}}


BLEU_OPTIONS = [{}, {'lowercase': True}, {'tokenize': 'none'}, {'smoothMethod': 'none'},
                {'smoothMethod': 'floor'}, {'smoothMethod': 'floor', 'smoothValue': 0.25},
                {'smoothMethod': 'add-k'}, {'smoothMethod': 'add-k', 'smoothValue': 2},
                {'effectiveOrder': True}, {'maxNgramOrder': 2}, {'maxNgramOrder': 6}]
SENTENCE_BLEU_OPTIONS = [{}, {'lowercase': True}, {'effectiveOrder': False},
                         {'smoothMethod': 'floor'}, {'smoothMethod': 'add-k'},
                         {'smoothMethod': 'none'}, {'tokenize': 'none'}]
CHRF_OPTIONS = [{}, {'wordOrder': 2}, {'wordOrder': 1}, {'lowercase': True},
                {'wordOrder': 2, 'lowercase': True}, {'whitespace': True},
                {'epsSmoothing': True}, {'wordOrder': 2, 'epsSmoothing': True}, {'beta': 1},
                {'beta': 3, 'charOrder': 4}]
TER_OPTIONS = [{}, {'caseSensitive': True}, {'normalized': True}, {'noPunct': True},
               {'normalized': True, 'asianSupport': True},
               {'noPunct': True, 'asianSupport': True},
               {'normalized': True, 'noPunct': True, 'caseSensitive': True}]
OPTIONS = {'bleu': (BLEU_OPTIONS, SENTENCE_BLEU_OPTIONS), 'chrf': (CHRF_OPTIONS, CHRF_OPTIONS),
           'ter': (TER_OPTIONS, TER_OPTIONS)}


def corpora():
    hand_hyps = [s[1] for s in SENTENCES]
    hand_refs = [s[2] for s in SENTENCES]
    named = [
        ('handwritten sentences, 1 to 3 references', hand_hyps, hand_refs),
        ('one reference each', hand_hyps, [r[:1] for r in hand_refs]),
        ('two segments', ['the cat sat', 'on the mat'], [['the cat sat down'], ['on a mat']]),
        ('one empty segment among others', ['', 'a b c d e'], [['x y'], ['a b c d e f']]),
        ('no match anywhere', ['aaa bbb', 'ccc'], [['xxx yyy'], ['zzz www']]),
        ('random, 1-3 references', *random_corpus(7, 60, 3, RANDOM_VOCABULARY)),
        ('random, 4 references, short', *random_corpus(8, 40, 4, RANDOM_VOCABULARY, 0, 6)),
        ('random, long segments', *random_corpus(9, 12, 2, RANDOM_VOCABULARY, 60, 140)),
    ]
    return [{'name': n, 'hypotheses': h, 'references': r} for n, h, r in named]


def sentences():
    texts = [{'name': n, 'hypothesis': h, 'references': r} for n, h, r in SENTENCES]
    texts.append({'name': 'missing reference skipped', 'hypothesis': 'the cat sat',
                  'references': ['the cat', None, 'a cat sat']})
    return texts


# TER of the 320-word text takes about a minute in Python per option set: only with defaults.
TER_HEAVY = {'long text', 'handwritten sentences, 1 to 3 references', 'one reference each'}


def cases(sb, kind, texts):
    corpus_options, sentence_options = OPTIONS[kind]

    def wanted(name, options):
        return kind != 'ter' or options == {} or name not in TER_HEAVY

    sentence = [sentence_case(sb, kind, text, options) for options in sentence_options
                for text in texts['sentences'] if wanted(text['name'], options)]
    corpus = [corpus_case(sb, kind, corpus, options) for options in corpus_options
              for corpus in texts['corpora'] if wanted(corpus['name'], options)]
    return {'sentence': sentence, 'corpus': corpus}


TOKENIZER_INPUTS = [s[1] for s in SENTENCES] + [r for s in SENTENCES for r in s[2]] + [
    'a.b,c 1.2,3 .5 ,6 7. 8, x-1 1-x 1-2 -3', "It's the U.S.A.'s turn. O'Neil's", '  ', '\n',
    'line one-\nline two\nthree', '&lt;a&gt; &amp;amp; &quot;', '<skipped>x<skipped>',
    '東京、大阪。カタカナとひらがな！ （括弧） ㈱ ﹐ ｡ 〈a〉', 'ΣΊΣΥΦΟΣ Straße ǲ'
]


def tokenizer_fixtures(sb):
    from sacrebleu.tokenizers.tokenizer_13a import Tokenizer13a
    from sacrebleu.tokenizers.tokenizer_ter import TercomTokenizer
    t13a = Tokenizer13a()
    tercom = [{'options': o, 'outputs': [TercomTokenizer(
        normalized=o.get('normalized', False), no_punct=o.get('noPunct', False),
        asian_support=o.get('asianSupport', False),
        case_sensitive=o.get('caseSensitive', False))(s) for s in TOKENIZER_INPUTS]}
        for o in TER_OPTIONS]
    return {'inputs': TOKENIZER_INPUTS, 'tokenizer13a': [t13a(s) for s in TOKENIZER_INPUTS],
            'tercom': tercom}


def write(name, body, version):
    path = os.path.join(OUT, name)
    with open(path, 'w', encoding='utf-8') as f:
        json.dump({'sacrebleu': version, **body}, f, ensure_ascii=False, allow_nan=False)
    print('wrote', os.path.normpath(path))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('source', help='folder holding the sacrebleu/ package (not installed)')
    parser.add_argument('--version', default='2.6.0', help='version when version.py is absent')
    args = parser.parse_args()
    sb = load_sacrebleu(os.path.abspath(args.source), args.version)
    version = sb.__version__
    os.makedirs(OUT, exist_ok=True)
    texts = {'sentences': sentences(), 'corpora': corpora()}
    write('sacrebleu-texts.json', texts, version)
    for kind in ['bleu', 'chrf', 'ter']:
        write(f'sacrebleu-{kind}.json', cases(sb, kind, texts), version)
    write('sacrebleu-tokenizers.json', tokenizer_fixtures(sb), version)


if __name__ == '__main__':
    main()
