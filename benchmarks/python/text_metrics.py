"""sacrebleu + rouge-score peer of benchmarks/suites/text-metrics.mjs: the same pairs, one core.

Usage: /usr/bin/python3 text_metrics.py PAIRS_JSON SACREBLEU_SRC ROUGE_SRC [N] [REPEATS]

PAIRS_JSON holds {"hypotheses": [...], "references": [...]} (the first N pairs are scored).
SACREBLEU_SRC is the folder that holds sacrebleu 2.6.0's `sacrebleu/` package and ROUGE_SRC the
folder that holds rouge-score's `rouge/` package, scratch copies outside the repository built as
packages/text-metrics/scripts/make-sacrebleu-fixtures.py and make-rouge-fixtures.py describe.
Times (wall and CPU) corpus BLEU (`sacrebleu.corpus_bleu`), corpus chrF (`sacrebleu.corpus_chrf`) and the mean
ROUGE-L F-measure (`RougeScorer(["rougeL"]).score` per pair) and prints one JSON line.
"""
import json
import os
import sys
import time
import types


def load_sacrebleu(source):
    # the command-line and data-set modules sacrebleu imports are not needed for scoring
    for name in ['portalocker', 'colorama', 'lxml', 'lxml.etree']:
        sys.modules.setdefault(name, types.ModuleType(name))
    tabulate = types.ModuleType('tabulate')
    tabulate.tabulate = lambda *a, **k: ''
    sys.modules.setdefault('tabulate', tabulate)
    if not os.path.exists(os.path.join(source, 'sacrebleu', 'version.py')):
        stub = types.ModuleType('sacrebleu.version')
        stub.__version__ = '2.6.0'
        sys.modules['sacrebleu.version'] = stub
    sys.path.insert(0, source)
    import sacrebleu
    return sacrebleu


def main():
    path, sacrebleu_src, rouge_src = sys.argv[1:4]
    with open(path, encoding='utf-8') as f:
        pairs = json.load(f)
    n = int(sys.argv[4]) if len(sys.argv) > 4 else len(pairs['hypotheses'])
    repeats = int(sys.argv[5]) if len(sys.argv) > 5 else 1
    hyps = pairs['hypotheses'][:n]
    refs = pairs['references'][:n]
    sacrebleu = load_sacrebleu(sacrebleu_src)
    sys.path.insert(0, rouge_src)
    from rouge import rouge_scorer

    runs = []
    for _ in range(repeats):
        start, cpu_start = time.perf_counter(), time.process_time()
        bleu = sacrebleu.corpus_bleu(hyps, [refs]).score
        bleu_done, bleu_cpu = time.perf_counter(), time.process_time()
        chrf = sacrebleu.corpus_chrf(hyps, [refs]).score
        chrf_done, chrf_cpu = time.perf_counter(), time.process_time()
        scorer = rouge_scorer.RougeScorer(['rougeL'])
        total = 0.0
        for h, r in zip(hyps, refs):
            total += scorer.score(r, h)['rougeL'].fmeasure
        rouge_l = total / n
        end, end_cpu = time.perf_counter(), time.process_time()
        runs.append({
            'bleu_s': bleu_done - start,
            'chrf_s': chrf_done - bleu_done,
            'rouge_l_s': end - chrf_done,
            'bleu_cpu_s': bleu_cpu - cpu_start,
            'chrf_cpu_s': chrf_cpu - bleu_cpu,
            'rouge_l_cpu_s': end_cpu - chrf_cpu,
        })
    print(json.dumps({
        'pairs': n,
        'runs': runs,
        'bleu': bleu,
        'chrf': chrf,
        'rouge_l': rouge_l,
        'sacrebleu': sacrebleu.__version__,
    }))


if __name__ == '__main__':
    main()
