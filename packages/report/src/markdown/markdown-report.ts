import { fmt, fmtP, MISSING_VALUE } from '../format/format-number.js';
import type { RunResults } from '../results/run-results-schema.js';
import { cellText } from './markdown-text.js';
import { wrongAnswersSection } from './wrong-answers-section.js';

/** Title, data set and evaluation settings. */
function headerSection(r: RunResults, ci: number): string[] {
  const lines: string[] = [];
  lines.push(`# ${cellText(r.name)} — assay run report`, '');
  lines.push(
    `Dataset **${cellText(r.dataset.source)}**: ${r.dataset.items} items (${Object.entries(
      r.dataset.labels,
    )
      .map(([k, v]) => `${cellText(k)}: ${v}`)
      .join(
        ', ',
      )}). Evaluation: ${r.evaluation.method}, ${r.evaluation.folds} fold(s), ${r.evaluation.bootstrap} bootstrap resamples, ${ci}% CI. Finished ${r.finishedAt} in ${(r.durationMs / 1000).toFixed(1)} s.`,
    '',
  );
  return lines;
}

/** Models whose metrics do not represent them, and why. */
function representativenessSection(r: RunResults): string[] {
  const reasons = r.models.flatMap((m) => m.notRepresentative ?? []);
  if (reasons.length === 0) return [];
  return ['**Not representative:**', '', ...reasons.map((x) => `- ${cellText(x)}`), ''];
}

/** Task metrics per model: pooled value, interval, fold mean ± std. */
function metricsSection(r: RunResults, ci: number): string[] {
  const lines: string[] = [];
  lines.push('## Task metrics', '');
  lines.push(`| model | metric | pooled | ${ci}% CI | fold mean ± std |`, '|---|---|---|---|---|');
  for (const m of r.models) {
    for (const [name, s] of Object.entries(m.metrics)) {
      lines.push(
        `| ${cellText(m.name)} | ${name} | ${fmt(s.value)}${s.reason ? ` (${cellText(s.reason)})` : ''} | [${fmt(s.ciLow)}, ${fmt(s.ciHigh)}] | ${fmt(s.mean)} ± ${fmt(s.std)} |`,
      );
    }
  }
  return lines;
}

/** Answers per model by outcome. */
function itemsSection(r: RunResults): string[] {
  const lines: string[] = [];
  lines.push(
    '',
    '## Items',
    '',
    '| model | total | scored | correct | wrong | unparseable | failed |',
    '|---|---|---|---|---|---|---|',
  );
  for (const m of r.models) {
    const i = m.items;
    lines.push(
      `| ${cellText(m.name)} | ${i.total} | ${i.scored} | ${i.correct} | ${i.wrong} | ${i.unparseable} | ${i.failed} |`,
    );
  }
  return lines;
}

/** Service statistics per model. */
function serviceSection(r: RunResults): string[] {
  const lines: string[] = [];
  lines.push(
    '',
    '## Service',
    '',
    '| model | requests | sent / resumed / cached | errors | p50 ms | p90 ms | p95 ms | p99 ms | TTFT p50 | TPOT p50 | req/s | out tok/s | decode tok/s per request | tokens in/out | cost USD | USD / correct |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
  );
  for (const m of r.models) {
    const s = m.service;
    lines.push(
      `| ${cellText(m.name)} | ${s.requests} | ${s.sentThisRun} / ${s.resumedFromJournal} / ${s.cachedThisRun} | ${s.failed} (${fmt(s.errorRate * 100, 1)}%) | ${fmt(s.latencyMs.p50, 1)} | ${fmt(s.latencyMs.p90, 1)} | ${fmt(s.latencyMs.p95, 1)} | ${fmt(s.latencyMs.p99, 1)} | ${fmt(s.ttftMs.p50, 1)} | ${fmt(s.tpotMs.p50, 2)} | ${fmt(s.throughput?.requestsPerSecond, 1)} | ${fmt(s.throughput?.outputTokensPerSecond, 1)} | ${fmt(s.outputTokensPerSecond, 1)} | ${s.inputTokens}/${s.outputTokens} | ${fmt(s.costUsd, 4)} | ${fmt(s.costPerCorrectUsd, 6)} |`,
    );
  }
  return lines;
}

/** Why requests failed, per model that had failures. */
function failuresSection(r: RunResults): string[] {
  const lines: string[] = [];
  const failures = r.models.filter((m) => m.service.failed > 0);
  if (failures.length > 0) {
    lines.push('', '### Failed requests (after retries)', '');
    for (const m of failures) {
      const classes = Object.entries(m.service.errorsByClass)
        .map(([k, v]) => `${cellText(k)}: ${v}`)
        .join(', ');
      lines.push(
        `- **${cellText(m.name)}**: ${m.service.failed} failed (${classes}); ${m.items.failed} predictions not scored. Rerun with \`--retry-failed\` to re-send only these.`,
      );
      for (const e of m.service.errorExamples)
        lines.push(`  - ${cellText(e.errorClass)}: ${cellText(e.message.slice(0, 200))}`);
    }
  }
  return lines;
}

/** Paired model comparisons. */
function comparisonsSection(r: RunResults): string[] {
  const lines: string[] = [];
  if (r.comparisons.length > 0) {
    lines.push('', '## Comparisons (B − A, paired on the same items)', '');
    lines.push(
      '| A | B | paired | McNemar only A / only B | p | p (Holm) | metric | Δ | CI | p |',
      '|---|---|---|---|---|---|---|---|---|---|',
    );
    for (const c of r.comparisons) {
      for (const [metric, d] of Object.entries(c.metrics)) {
        lines.push(
          `| ${cellText(c.a)} | ${cellText(c.b)} | ${c.pairedItems} | ${c.mcnemar ? `${c.mcnemar.onlyA} / ${c.mcnemar.onlyB}` : MISSING_VALUE} | ${fmtP(c.mcnemar?.pValue)} | ${fmtP(c.mcnemar?.pHolm)} | ${metric} | ${fmt(d.difference, 4)} | [${fmt(d.ciLow, 4)}, ${fmt(d.ciHigh, 4)}] | ${fmtP(d.pHolm ?? d.pValue)} |`,
        );
      }
    }
  }
  return lines;
}

/** Threshold checks. */
function thresholdsSection(r: RunResults): string[] {
  const lines: string[] = [];
  if (r.thresholds.length > 0) {
    lines.push(
      '',
      '## Thresholds',
      '',
      '| threshold | model | value | result |',
      '|---|---|---|---|',
    );
    for (const t of r.thresholds) {
      lines.push(
        `| \`${cellText(t.threshold)}\` | ${cellText(t.model)} | ${fmt(t.value, 4)}${t.reason ? ` (${cellText(t.reason)})` : ''} | ${t.passed ? 'pass' : '**FAIL**'} |`,
      );
    }
  }
  return lines;
}

/** The worst dataset groups per model. */
function slicesSection(r: RunResults): string[] {
  const lines: string[] = [];
  const sliced = r.models.filter((m) => m.slices.length > 0);
  if (sliced.length > 0) {
    lines.push('', '## Worst slices (by group)', '');
    for (const m of sliced) {
      lines.push(
        `- **${cellText(m.name)}**: ${m.slices
          .slice(0, 5)
          .map((s) => `${cellText(s.group)} ${fmt(s.accuracy)} (n=${s.n})`)
          .join('; ')}`,
      );
    }
  }
  return lines;
}

/** Where the other outputs are. */
function filesSection(r: RunResults): string[] {
  const lines: string[] = [];
  lines.push(
    '',
    `Files: \`results.json\`, \`predictions.arrow\`${r.files.prompts ? ', `prompts.arrow`' : ''}, \`report.html\` in ${cellText(r.files.results.replace(/results\.json$/, ''))}.`,
    '',
  );
  return lines;
}

/**
 * Renders `report.md`: headline metrics with CIs, service statistics,
 * comparisons, thresholds, worst slices, failure reasons and a sample of wrong answers with
 * the prompt sent (cut short; every prompt is in `prompts.arrow`).
 *
 * @param r - run results
 * @returns Markdown text
 * @example
 * await writeFile('report.md', markdownReport(results));
 */
export function markdownReport(r: RunResults): string {
  const ci = Math.round(r.evaluation.ci * 100);
  return [
    ...headerSection(r, ci),
    ...representativenessSection(r),
    ...metricsSection(r, ci),
    ...itemsSection(r),
    ...serviceSection(r),
    ...failuresSection(r),
    ...comparisonsSection(r),
    ...thresholdsSection(r),
    ...slicesSection(r),
    ...wrongAnswersSection(r),
    ...filesSection(r),
  ].join('\n');
}
