import { markdownEarlyStop } from '../early-stop/early-stop-sections.js';
import { comparisonIntervalNotes } from '../format/alike-bound-note.js';
import { showsCostPerCorrect } from '../format/cost-per-correct.js';
import { countNoun } from '../format/count-noun.js';
import {
  datasetItemsText,
  everyItemOnceText,
  maeCountWords,
  sliceCountWords,
  sliceUnit,
} from '../format/count-words.js';
import { decodeSpeedText, SHORT_ANSWERS_NOTE, shortAnswers } from '../format/decode-speed.js';
import { evaluationMethodText } from '../format/evaluation-method-text.js';
import {
  fmt,
  fmtBootstrapP,
  fmtP,
  formatCount,
  formatUsd,
  MISSING_VALUE,
} from '../format/format-number.js';
import { NO_PAIRED_ITEMS } from '../format/no-paired-items.js';
import { earlierRunsText, runDurationText } from '../format/resumed-run-text.js';
import { generationSlices } from '../generation/generation-slices.js';
import { choiceOrderNotes } from '../metrics-table/choice-order-notes.js';
import type { ModelResult, RunResults } from '../results/run-results-schema.js';
import { confusionSection } from './confusion-section.js';
import { generationSection } from './generation-section.js';
import { judgeSection } from './judge-section.js';
import { cellText, markdownInline } from './markdown-text.js';
import { markdownMetrics, markdownVerdict } from './markdown-verdict.js';
import { thresholdTableMarkdown } from './threshold-table-markdown.js';
import { wrongAnswersSection } from './wrong-answers-section.js';

/** Title, data set and evaluation settings. */
function headerSection(r: RunResults, ci: number): string[] {
  const lines: string[] = [];
  // a generation data set has no labels to count
  const labels = Object.entries(r.dataset.labels)
    .map(([k, v]) => `${cellText(k)}: ${v}`)
    .join(', ');
  lines.push(
    `Dataset **${cellText(r.dataset.source)}**: ${datasetItemsText(r.dataset)}${labels ? ` (${labels})` : ''}. Evaluation: ${r.evaluation.method === 'all' ? everyItemOnceText(r) : `${evaluationMethodText(r.evaluation)}, ${countNoun(r.evaluation.folds, 'fold')}`}, ${r.evaluation.bootstrap} bootstrap resamples, ${ci}% CI. Finished ${r.finishedAt} in ${runDurationText(r)}.`,
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

/** Answers per model by outcome. */
function itemsSection(r: RunResults): string[] {
  const lines: string[] = ['', '## Items', ''];
  if (r.task.type === 'generation') lines.push(...generationItemsTable(r));
  else {
    lines.push(
      '| model | total | scored | distinct items | correct | wrong | unparseable | failed |',
      '|---|---|---|---|---|---|---|---|',
    );
    for (const m of r.models) {
      const i = m.items;
      lines.push(
        `| ${cellText(m.name)} | ${i.total} | ${i.scored} | ${i.distinct ?? MISSING_VALUE} | ${i.correct} | ${i.wrong} | ${i.unparseable} | ${i.failed} |`,
      );
    }
  }
  lines.push('', ...countsNote(r).map(cellText));
  for (const w of r.warnings ?? []) lines.push('', `**Warning:** ${cellText(w)}`);
  return lines;
}

/**
 * Free text is scored, not right or wrong: answered, no extraction and failed per model, as
 * the terminal summary and report.html count them.
 */
function generationItemsTable(r: RunResults): string[] {
  return [
    '| model | total | distinct items | answered | no extraction | failed |',
    '|---|---|---|---|---|---|',
    ...r.models.map((m) => {
      const i = m.items;
      const answered = i.total - i.failed - i.unparseable;
      return `| ${cellText(m.name)} | ${i.total} | ${i.distinct ?? MISSING_VALUE} | ${answered} | ${i.unparseable} | ${i.failed} |`;
    }),
    '',
    'answered: outputs scored as given; no extraction: outputs that matched no extraction rule, scored as empty answers; failed: requests that failed after retries, not scored.',
  ];
}

/** "N predictions of M distinct items" per model, and what the intervals resample. */
function countsNote(r: RunResults): string[] {
  const counts = r.models
    .filter((m) => m.items.distinct !== undefined)
    .map((m) => `${m.name}: ${m.items.scored} predictions of ${m.items.distinct} distinct items`);
  if (counts.length === 0) return [];
  const unit =
    r.evaluation.resampling === 'items'
      ? ' Intervals resample items: the predictions of one item (its repeats, samples or choice orders) are drawn together.'
      : '';
  return [`${counts.join('; ')}.${unit}`];
}

/** Service statistics per model (no cost per correct answer where answers are not right or wrong). */
function serviceSection(r: RunResults): string[] {
  const perCorrect = showsCostPerCorrect(r);
  const lines: string[] = [];
  lines.push(
    '',
    '## Service',
    '',
    `| model | requests | sent / resumed / cached | errors | p50 ms | p90 ms | p95 ms | p99 ms | TTFT p50 | TPOT p50 | req/s | out tok/s | decode tok/s per request | tokens in / out | cost |${perCorrect ? ' cost / correct |' : ''}`,
    `|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|${perCorrect ? '---|' : ''}`,
  );
  for (const m of r.models) {
    const s = m.service;
    lines.push(
      `| ${cellText(m.name)} | ${s.requests} | ${s.sentThisRun} / ${s.resumedFromJournal} / ${s.cachedThisRun} | ${s.failed} (${fmt(s.errorRate * 100, 1)}%)${(s.retried ?? 0) > 0 ? `; ${s.retried} retried` : ''} | ${fmt(s.latencyMs.p50, 1)} | ${fmt(s.latencyMs.p90, 1)} | ${fmt(s.latencyMs.p95, 1)} | ${fmt(s.latencyMs.p99, 1)} | ${fmt(s.ttftMs.p50, 1)} | ${fmt(s.tpotMs.p50, 2)} | ${fmt(s.throughput?.requestsPerSecond, 1)} | ${fmt(s.throughput?.outputTokensPerSecond, 1)} | ${decodeSpeedText(s)}${shortAnswers(s) ? '*' : ''} | ${formatCount(s.inputTokens)} / ${formatCount(s.outputTokens)} | ${formatUsd(s.costUsd)} |${perCorrect ? ` ${formatUsd(s.costPerCorrectUsd)} |` : ''}`,
    );
  }
  if (r.models.some((m) => shortAnswers(m.service))) lines.push('', `\\* ${SHORT_ANSWERS_NOTE}`);
  for (const m of r.models) {
    const earlier = earlierRunsText(m.service);
    if (earlier !== undefined) lines.push('', `${cellText(m.name)}: ${earlier}.`);
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
        .map(([k, v]) => `${cellText(k)} × ${v}`)
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
    const adjusted = r.comparisons.some((c) =>
      Object.values(c.metrics).some((d) => d.pHolm !== null && d.pHolm !== undefined),
    );
    lines.push(
      // each p says its test: McNemar's exact test (accuracy) and the paired bootstrap (every metric)
      `| A | B | paired | McNemar only A / only B | McNemar p | McNemar p (Holm) | metric | Δ | bootstrap CI | bootstrap p${adjusted ? ' (Holm)' : ''} |`,
      '|---|---|---|---|---|---|---|---|---|---|',
    );
    for (const c of r.comparisons) {
      const none = MISSING_VALUE;
      if (c.pairedItems === 0) {
        lines.push(
          `| ${cellText(c.a)} | ${cellText(c.b)} | 0 | ${none} | ${none} | ${none} | ${NO_PAIRED_ITEMS} | ${none} | ${none} | ${none} |`,
        );
      } else if (Object.keys(c.metrics).length === 0) {
        // paired, but no metric compared: McNemar's test still has its row
        lines.push(
          `| ${cellText(c.a)} | ${cellText(c.b)} | ${c.pairedItems} | ${c.mcnemar ? `${c.mcnemar.onlyA} / ${c.mcnemar.onlyB}` : none} | ${fmtP(c.mcnemar?.pValue)} | ${fmtP(c.mcnemar?.pHolm)} | ${none} | ${none} | ${none} | ${none} |`,
        );
      }
      for (const [metric, d] of Object.entries(c.metrics)) {
        lines.push(
          `| ${cellText(c.a)} | ${cellText(c.b)} | ${c.pairedItems} | ${c.mcnemar ? `${c.mcnemar.onlyA} / ${c.mcnemar.onlyB}` : MISSING_VALUE} | ${fmtP(c.mcnemar?.pValue)} | ${fmtP(c.mcnemar?.pHolm)} | ${metric} | ${fmt(d.difference, 4)} | [${fmt(d.ciLow, 4)}, ${fmt(d.ciHigh, 4)}]${d.interval === 'clopper-pearson' ? ' (Clopper-Pearson)' : ''} | ${fmtBootstrapP(d.pHolm ?? d.pValue, r.evaluation.bootstrap)} |`,
        );
      }
    }
    const notes = comparisonIntervalNotes(r);
    if (notes.length > 0) lines.push('', ...notes.map((n) => `- ${markdownInline(n)}.`));
  }
  return lines;
}

/** Threshold checks. */
function thresholdsSection(r: RunResults): string[] {
  const lines: string[] = [];
  if (r.thresholds.length > 0) {
    lines.push('', '## Thresholds', '', ...thresholdTableMarkdown(r));
  }
  return lines;
}

/** One model's worst groups in a line: by the first scorer for generation, else accuracy or MAE. */
function sliceLine(r: RunResults, m: ModelResult): string {
  const text = generationSlices(m, r.evaluation.greaterIsBetter);
  if (text !== null) {
    const worst = text
      .slice(0, 5)
      .map((s) => `${cellText(s.group)} ${fmt(s.value)} (${sliceCountWords(s, 'answers')})`)
      .join('; ');
    return `- **${cellText(m.name)}**, by ${cellText(text[0]?.metric ?? '')}, worst first: ${worst}`;
  }
  const unit = sliceUnit(r.task.type);
  return `- **${cellText(m.name)}**: ${m.slices
    .slice(0, 5)
    .map((s) =>
      s.meanAbsoluteError === undefined
        ? `${cellText(s.group)} ${fmt(s.accuracy)} (${sliceCountWords(s, unit)})`
        : `${cellText(s.group)} mean absolute error ${fmt(s.meanAbsoluteError)} (${maeCountWords(s)})`,
    )
    .join('; ')}`;
}

/** The worst dataset groups per model. */
function slicesSection(r: RunResults): string[] {
  const sliced = r.models.filter((m) => m.slices.length > 0);
  if (sliced.length === 0) return [];
  return ['', '## Worst slices (by group)', '', ...sliced.map((m) => sliceLine(r, m))];
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
 * Renders `report.md`: the verdict, headline metrics with CIs, service statistics,
 * confusion matrices (classification), comparisons, thresholds, worst slices, failure reasons and a sample of wrong answers with
 * the prompt sent (cut short; every prompt is in `prompts.arrow`); for generation tasks,
 * histograms, per-slice metrics and the worst items; an LLM judge's grades and agreement
 * with people.
 *
 * @param r - run results
 * @returns Markdown text
 * @example
 * markdownReport(results).split('\n')[0]; // '# sample — assay run report'
 */
export function markdownReport(r: RunResults): string {
  const ci = Math.round(r.evaluation.ci * 100);
  return [
    `# ${cellText(r.name)} — assay run report`,
    '',
    ...markdownVerdict(r),
    ...headerSection(r, ci),
    ...representativenessSection(r),
    ...markdownMetrics(r, ci),
    ...choiceOrderNotes(r).flatMap((n) => ['', cellText(n)]),
    ...itemsSection(r),
    ...confusionSection(r),
    ...markdownEarlyStop(r),
    ...generationSection(r),
    ...judgeSection(r),
    ...serviceSection(r),
    ...failuresSection(r),
    ...comparisonsSection(r),
    ...thresholdsSection(r),
    ...slicesSection(r),
    ...wrongAnswersSection(r),
    ...filesSection(r),
  ].join('\n');
}
