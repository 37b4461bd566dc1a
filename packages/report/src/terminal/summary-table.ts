import { fmt, fmtP, MISSING_VALUE } from '../format/format-number.js';
import type { RunResults } from '../results/run-results-schema.js';
import { textTable } from './text-table.js';

/**
 * The plain-text summary `assay run` prints on stdout: metrics with CIs per
 * model, service figures, comparisons and thresholds.
 *
 * @param r - run results
 * @returns multi-line text (no colours)
 * @example
 * process.stdout.write(summaryTable(results));
 */
export function summaryTable(r: RunResults): string {
  const out: string[] = [];
  const ci = Math.round(r.evaluation.ci * 100);
  out.push(
    `${r.name}: ${r.dataset.items} items, ${r.evaluation.method} (${r.evaluation.folds} folds), ${r.models.length} model(s)`,
  );
  out.push('');
  const metrics = r.evaluation.metrics;
  if (metrics.length > 0) {
    out.push(
      textTable(
        ['model', ...metrics.slice(0, 6).map((m) => `${m} [${ci}% CI]`)],
        r.models.map((m) => [
          m.name,
          ...metrics.slice(0, 6).map((k) => {
            const s = m.metrics[k];
            return s ? `${fmt(s.value)} [${fmt(s.ciLow)}, ${fmt(s.ciHigh)}]` : MISSING_VALUE;
          }),
        ]),
      ),
    );
    out.push('');
  }
  out.push(
    textTable(
      [
        'model',
        'items',
        'correct',
        'wrong',
        'unparseable',
        'failed',
        'p50 ms',
        'p95 ms',
        'p99 ms',
        'tok/s',
        'cost USD',
      ],
      r.models.map((m) => [
        m.name,
        String(m.items.total),
        String(m.items.correct),
        String(m.items.wrong),
        String(m.items.unparseable),
        String(m.items.failed),
        fmt(m.service.latencyMs.p50, 1),
        fmt(m.service.latencyMs.p95, 1),
        fmt(m.service.latencyMs.p99, 1),
        fmt(m.service.outputTokensPerSecond, 1),
        fmt(m.service.costUsd, 4),
      ]),
    ),
  );
  for (const m of r.models) {
    if (m.service.failed > 0) {
      const classes = Object.entries(m.service.errorsByClass)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ');
      out.push(
        `  ${m.name}: ${m.service.failed} request(s) failed after retries (${classes}); rerun with --retry-failed to re-send them.`,
      );
    }
  }
  if (r.comparisons.length > 0) {
    out.push('');
    for (const c of r.comparisons) {
      const first = Object.entries(c.metrics)[0];
      const mc = c.mcnemar
        ? `McNemar ${c.mcnemar.onlyA}/${c.mcnemar.onlyB} p=${fmtP(c.mcnemar.pHolm ?? c.mcnemar.pValue)}`
        : '';
      const d = first
        ? `${first[0]} Δ=${fmt(first[1].difference, 4)} [${fmt(first[1].ciLow, 4)}, ${fmt(first[1].ciHigh, 4)}]`
        : '';
      out.push(`${c.b} vs ${c.a}: ${[d, mc].filter(Boolean).join(', ')}`);
    }
  }
  if (r.thresholds.length > 0) {
    out.push('');
    for (const t of r.thresholds) {
      out.push(
        `${t.passed ? 'PASS' : 'FAIL'}  ${t.model}: ${t.threshold} (value ${fmt(t.value, 4)})`,
      );
    }
  }
  out.push('');
  return out.join('\n');
}
