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
The 13a, tercom, char and zh tokenizers need only `re`; `intl` needs the `regex` module (pip's
`regex`, or Debian's python3-regex). The fixtures were made with Python 3.11.7 and regex 2026.5.9,
whose Unicode 17 tables equal Node 20.20's on every code point; an older `regex` (Debian 12's
2.5.123 knows Unicode 15.0) differs only on characters it does not assign yet. The `regex`
version is written into sacrebleu-unicode-classes.json.

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

CHINESE = '我们在2024年3月15日发布了新版本，性能提升了12.5%！“机器翻译”很有趣——对吧？GPT-4模型的准确率为95.3%。'
JAPANESE = ('東京は日本の首都です。カタカナ、ひらがな、漢字を混ぜて書きます（例：ｶﾀｶﾅ・ﾃｽﾄ）。'
            '価格は¥1,500、約１０ドルです！「引用」と『二重』…')
ARABIC = ('ذهب الطالبُ إلى المدرسةِ، وقرأ ١٢٣ كتابًا؛ هل هذا صحيح؟ نعم. '
          'السعر ١٬٢٣٤٫٥ دينار و 7.5% ضريبة.')
EMOJI = ('Great job 👍🏽!! 😀😀 family: 👨\u200d👩\u200d👧 flags 🇫🇷🇩🇪 ❤️ ☕ and ✈ done. '
         '𠀀𠀁 (CJK Ext. B) 😀.')
COMBINING = ('Cafe\u0301 na\u0308ive re\u0301sume\u0301 — Z\u0351\u0360a\u035bl,\u0301go; '
             'हिन्दी: नमस्ते, दुनिया! ไทย: สวัสดีครับ. Tiếng Việt có dấu.')
SYMBOLS = ('Mixed: a+b=c, x<y>z; 50°C ±2‰ § ¶ © ® ™ → ← ∑ √ ∞ … ‹a› «bonjour» „Hallo“ '
           '¿qué? ¡sí! 「引用」『二重』【括弧】 ~t~ `c` ^x^ |p| \\b €5 £3 ¥7 ₹9 $1 '
           '#tag @user 100% &amp; &lt;b&gt; e-mail x_y a—b a–b')
SEPARATORS = ('Population 1,234,567.89 (≈1.2M), 3.14159; 1 000 000; 1\u202f000; 10,5 %; '
              "1.000.000,50 €; 1'000; 1_000; 2024-01-05; v2.6.0; -3.5e-4; 12:30; "
              '½ ⅓ ² ³ ١٢٣ ४२ Ⅻ 3.-4. ,5 .5 and the year 2023.')
ZH_EDGES = ('  \u3000.5 中文,English,混合.1,000 元;3-4 页 <skipped> &amp; —— “引号” ‘单’ '
            '𠀀 ⺀ ㄅ ㆠ ﹐ ☀ ✂ ㈱ ㎏ ＡＢＣ１２３ ｶﾅ 2023.\u3000 ')

MULTILINGUAL = [
    ('chinese', CHINESE,
     ['我们于2024年3月15日发布了新版本，性能提高了12.5%！“机器翻译”很有意思——对吧？GPT-4模型的准确率是95.3%。',
      '新版本在2024年3月15日发布，性能提升12.5%。']),
    ('japanese', JAPANESE,
     ['東京は日本の首都である。カタカナ、ひらがな、漢字を混ぜて書く（例：ｶﾀｶﾅ・ﾃｽﾄ）。'
      '価格は¥1,500、約１０ドル！「引用」と『二重』…']),
    ('arabic', ARABIC,
     ['ذهب الطالب إلى المدرسة، وقرأ ١٢٣ كتابا؛ هل هذا صحيح؟ نعم. السعر ١٬٢٣٤٫٥ دينار و 7.5% ضريبة.']),
    ('emoji', EMOJI, [EMOJI.replace('👍🏽', '👍').replace('☕', '🍵'), 'Great job 👍🏽! 😀 done.']),
    ('combining marks', COMBINING,
     ['Caf\u00e9 na\u00efve r\u00e9sum\u00e9 — Zalgo; हिन्दी: नमस्ते, दुनिया! ไทย: สวัสดีค่ะ. Tiếng Việt có dấu.']),
    ('punctuation and symbols', SYMBOLS, [SYMBOLS.replace('bonjour', 'salut').replace('€5', '€ 5')]),
    ('numbers with separators', SEPARATORS,
     [SEPARATORS.replace('1,234,567.89', '1234567.89').replace('2023.', '2023 .')]),
    ('zh edge cases', ZH_EDGES, [ZH_EDGES.strip().replace('混合', '混 合'), '中文, English.']),
    # TER tokenizes references twice: with asianSupport the second pass splits `'s 机`
    ('possessive before CJK', "it's机器 John's东京", ["it's机器 John's东京"]),
]

MULTILINGUAL_VOCABULARY = [
    '我', '们', '发布', '新版本', '，', '。', '！', '？', '“', '”', '——', '机器翻译', '2024年', '12.5%',
    '東京', 'カタカナ', 'ひらがな', '（', '）', '｡', 'ｶﾀｶﾅ', '１０', '¥1,500', '…', '「引用」',
    'ذهب', 'المدرسةِ،', '١٢٣', '١٬٢٣٤٫٥', '؟', 'كتابًا؛', '👍🏽', '😀', '👨\u200d👩\u200d👧', '🇫🇷',
    '❤️', '☕', 'Cafe\u0301', 'na\u0308ive', 'नमस्ते,', 'สวัสดี', 'Việt', '€5', '±2‰', '→', '∑',
    '«a»', '1,234.5', '3.14', '2023.', '.5', ',', '.', '-', 'a—b', 'x-1', 'the', 'cat', 'Mat', 'ÉTÉ',
    'ΣΟΦΟΣ', '𠀀', '&amp;', '<b>', 'U.S.', "it's",
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
                {'effectiveOrder': True}, {'maxNgramOrder': 2}, {'maxNgramOrder': 6},
                {'tokenize': 'intl'}, {'tokenize': 'char'}, {'tokenize': 'zh'},
                {'tokenize': 'intl', 'lowercase': True}, {'tokenize': 'zh', 'lowercase': True}]
SENTENCE_BLEU_OPTIONS = [{}, {'lowercase': True}, {'effectiveOrder': False},
                         {'smoothMethod': 'floor'}, {'smoothMethod': 'add-k'},
                         {'smoothMethod': 'none'}, {'tokenize': 'none'}, {'tokenize': 'intl'},
                         {'tokenize': 'char'}, {'tokenize': 'zh'},
                         {'tokenize': 'char', 'lowercase': True}]
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


def unspaced(corpus):
    """The corpus with the spaces taken out, as Chinese and Japanese are written."""
    hypotheses, references = corpus
    join = lambda text: text if text is None else text.replace(' ', '')  # noqa: E731
    return [join(h) for h in hypotheses], [[join(r) for r in refs] for refs in references]


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
        ('multilingual sentences', [s[1] for s in MULTILINGUAL], [s[2] for s in MULTILINGUAL]),
        ('random multilingual, 1-3 references',
         *random_corpus(10, 50, 3, MULTILINGUAL_VOCABULARY)),
        ('random multilingual, unspaced',
         *unspaced(random_corpus(11, 30, 2, MULTILINGUAL_VOCABULARY, 1, 20))),
    ]
    return [{'name': n, 'hypotheses': h, 'references': r} for n, h, r in named]


def sentences():
    texts = [{'name': n, 'hypothesis': h, 'references': r} for n, h, r in SENTENCES + MULTILINGUAL]
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
] + [s[1] for s in MULTILINGUAL] + [r for s in MULTILINGUAL for r in s[2]] + [
    # intl: a mark between two numbers stays, at either end of the line it has no neighbour
    '1,000.5 1.-2 -3 3- (4) 5. .6 7, ,8 a.b a.1 1.a ١٫٥ ½.5 Ⅻ.x', '2023.', '.2023', '$', '€€',
    # intl: emoji modifiers and keycaps are symbols (Sk, So); ZWJ and variation selectors are not
    '1️⃣ #️⃣ 👋🏿 ✌🏻 🏳️\u200d🌈', 'a\u0301.\u0301b ,\u0301 \u0300', '¬a ¦b ¨c ¯d ´e ¸f ˆg',
    # zh: strips Python whitespace (U+3000, U+0085), 13a rules without the padding 13a adds
    '\u0085,中文.\u3000', '.5 and 2023.', '中.5', '5.中', '1,2,3 ,4 5, 6-7 -8',
    'a\u2001b\u200dc\u2028d\u20ace\u2190f\u2a6dg\u2a6eh\u2f80i\u2f81j\u2fa1k\u2fa2l',
    '\U00020000\U0002a6d6\U0002f800 ㄅ', 'tab\tin\u000bside\u001fzh 中\n文', '',
]


def tokenizer_fixtures(sb):
    from sacrebleu.tokenizers.tokenizer_13a import Tokenizer13a
    from sacrebleu.tokenizers.tokenizer_char import TokenizerChar
    from sacrebleu.tokenizers.tokenizer_intl import TokenizerV14International
    from sacrebleu.tokenizers.tokenizer_ter import TercomTokenizer
    from sacrebleu.tokenizers.tokenizer_zh import TokenizerZh
    t13a = Tokenizer13a()
    others = {'intl': TokenizerV14International(), 'char': TokenizerChar(), 'zh': TokenizerZh()}
    tercom = [{'options': o, 'outputs': [TercomTokenizer(
        normalized=o.get('normalized', False), no_punct=o.get('noPunct', False),
        asian_support=o.get('asianSupport', False),
        case_sensitive=o.get('caseSensitive', False))(s) for s in TOKENIZER_INPUTS]}
        for o in TER_OPTIONS]
    return {'inputs': TOKENIZER_INPUTS, 'tokenizer13a': [t13a(s) for s in TOKENIZER_INPUTS],
            'tercom': tercom,
            'bleu': {name: [t(s) for s in TOKENIZER_INPUTS] for name, t in others.items()}}


def runs(classify):
    """Every code point's class as runs: [[first code point, class], ...]."""
    out, last = [], None
    for code in range(0x110000):
        value = classify(chr(code))
        if value != last:
            out.append([code, value])
            last = value
    return out


def unicode_class_fixtures():
    """Per code point: the class `intl`'s regexes see, and whether `zh` spaces it out."""
    import regex
    from sacrebleu.tokenizers.tokenizer_zh import TokenizerZh
    classes = [(regex.compile(r'\p{P}'), 'P'), (regex.compile(r'\p{S}'), 'S'),
               (regex.compile(r'\p{N}'), 'N'), (regex.compile(r'\p{Cn}'), 'unassigned')]

    def intl_class(char):
        return next((name for pattern, name in classes if pattern.match(char)), 'other')

    # `_is_chinese_char` is cached; call the function underneath for the million code points
    is_chinese = TokenizerZh._is_chinese_char.__wrapped__
    return {'regex': regex.__version__, 'python': sys.version.split()[0],
            'intlClasses': runs(intl_class), 'zhChinese': runs(is_chinese)}


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
    write('sacrebleu-unicode-classes.json', unicode_class_fixtures(), version)


if __name__ == '__main__':
    main()
