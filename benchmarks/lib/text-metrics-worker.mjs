// A worker of the text-metrics suite: it reads the pairs once, then for each job claims chunks
// of pairs from a shared counter (so a worker slowed by the machine takes fewer), adds up their
// BLEU and chrF statistics (@assay/text-metrics' mergeable per-segment statistics), writes each
// pair's ROUGE-L F-measure into a shared array, and posts its two statistics vectors back with
// the CPU time of its own thread (Linux /proc/thread-self; null elsewhere).
import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { bleuStatistics, chrfStatistics, rouge } from '@assay/text-metrics';

const { hypotheses, references } = JSON.parse(readFileSync(workerData.path, 'utf8'));
const n = workerData.n;
const ROUGE_L = { types: ['rougeL'] };

/** This thread's user + system CPU in ms (/proc counts in USER_HZ = 100 ticks per second). */
function threadCpuMs() {
  try {
    const fields = readFileSync('/proc/thread-self/stat', 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

function add(total, part) {
  for (let k = 0; k < total.length; k++) total[k] += part[k];
}

parentPort.on('message', ({ counter, rougeL, chunk }) => {
  const cpuStart = threadCpuMs();
  const next = new Int32Array(counter);
  const perPair = new Float64Array(rougeL);
  let bleu = null;
  let chrf = null;
  for (;;) {
    const start = Atomics.add(next, 0, chunk);
    if (start >= n) break;
    const end = Math.min(start + chunk, n);
    for (let i = start; i < end; i++) {
      const hypothesis = hypotheses[i];
      const reference = references[i];
      const b = bleuStatistics(hypothesis, [reference]);
      const c = chrfStatistics(hypothesis, [reference]);
      if (bleu === null) {
        bleu = b;
        chrf = c;
      } else {
        add(bleu, b);
        add(chrf, c);
      }
      perPair[i] = rouge(hypothesis, reference, ROUGE_L).rougeL.fmeasure;
    }
  }
  const cpuEnd = threadCpuMs();
  parentPort.postMessage({ bleu, chrf, cpuMs: cpuStart === null ? null : cpuEnd - cpuStart });
});
parentPort.postMessage('ready');
