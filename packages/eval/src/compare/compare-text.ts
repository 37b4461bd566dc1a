import { fmt, fmtP, MISSING_VALUE, textTable } from '@assay/report';
import type { CompareResult, MetricComparison, ServiceComparison } from './compare-result.js';
import { zeroPBound } from './decide-compare.js';
import { RETRIED_REQUESTS } from './service-comparison.js';

function verdict(r: CompareResult, m: MetricComparison): string {
  if (!m.gated) return '';
  // without a rule nothing is checked: 'pass' would read as a gate that held
  if (r.settings.failOn === null && r.settings.margin === null) return m.worse ? 'worse' : '—';
  if (m.failed) {
    return r.settings.failOn === 'regression' && m.worse ? 'FAIL worse' : 'FAIL inferior';
  }
  return m.worse ? 'worse' : 'pass';
}

/** A p-value cell; a bootstrap 0 is shown as the bound it stands for (`<0.002` of 1000 resamples). */
function pCell(r: CompareResult, m: MetricComparison, which: 'p' | 'adjusted'): string {
  // only the gated metrics are adjusted: no adjusted bound is invented for the others
  if (which === 'adjusted' && m.pAdjusted === null) return fmtP(null);
  const bound = zeroPBound(m, which, r.settings);
  if (bound !== null) return `<${ceilSignificant(bound)}`;
  return fmtP(which === 'p' ? m.pValue : m.pAdjusted);
}

/**
 * A bound rounded up to two significant digits, so `<` never overstates it (0.002286 read
 * `<0.002`).
 *
 * @param x - the bound
 * @returns its digits
 * @example
 * ceilSignificant(2 / 20); // '0.1'
 */
export function ceilSignificant(x: number): string {
  const unit = 10 ** (Math.floor(Math.log10(x)) - 1);
  return String(Number((Math.ceil(x / unit - 1e-9) * unit).toPrecision(2)));
}

function interval(m: MetricComparison): string {
  return m.ciLow === null || m.ciHigh === null
    ? MISSING_VALUE
    : `[${fmt(m.ciLow, 4)}, ${fmt(m.ciHigh, 4)}]`;
}

/** A difference with its sign; one that rounds to zero is shown as `0.0000`, never `-0.0000`. */
function signed(x: number | null, digits: number): string {
  if (x === null) return MISSING_VALUE;
  const text = fmt(x, digits);
  if (/^[-+]?0(\.0*)?$/.test(text)) return text.replace(/^[-+]/, '');
  return `${x > 0 ? '+' : ''}${text}`;
}

/** The metric table's header and rows, shared by the terminal and Markdown forms. */
export function metricRows(r: CompareResult): { header: string[]; rows: string[][] } {
  const level = `${Math.round(r.settings.ci * 100)}% CI`;
  return {
    header: ['metric', 'baseline', 'candidate', 'difference', level, 'test', 'p', 'p adj', 'gate'],
    rows: r.metrics.map((m) => [
      m.metric,
      fmt(m.baseline, 4),
      fmt(m.candidate, 4),
      signed(m.difference, 4),
      interval(m),
      m.test ?? MISSING_VALUE,
      pCell(r, m, 'p'),
      pCell(r, m, 'adjusted'),
      verdict(r, m),
    ]),
  };
}

/**
 * Whether the candidate's service figure is `higher`, `lower` or the `same` (`–` without both
 * figures): neutral in every form (terminal, Markdown, HTML), since a service figure is one
 * value of each run, not tested, and is never called better or worse.
 *
 * @param s - the service figure
 * @returns the word
 * @example
 * serviceDirection({ name: 'p95_latency_ms', baseline: 97.3, candidate: 133.7, difference: 36.4, greaterIsBetter: false }); // 'higher'
 */
export function serviceDirection(s: ServiceComparison): string {
  if (s.difference === null) return '–';
  if (s.difference === 0) return 'same';
  return s.difference > 0 ? 'higher' : 'lower';
}

/** The service table's header and rows (a count of retried requests without decimals). */
export function serviceRows(r: CompareResult): { header: string[]; rows: string[][] } {
  const digits = (name: string): number =>
    name.endsWith('_usd') ? 6 : name.endsWith('_ms') ? 1 : name === RETRIED_REQUESTS ? 0 : 4;
  return {
    header: ['service', 'baseline', 'candidate', 'difference', 'candidate is'],
    rows: r.service.map((s) => [
      s.name,
      fmt(s.baseline, digits(s.name)),
      fmt(s.candidate, digits(s.name)),
      signed(s.difference, digits(s.name)),
      s.difference === null ? MISSING_VALUE : serviceDirection(s),
    ]),
  };
}

/** The lines on pairing: how many items, what only one run has, notes. */
export function pairingLines(r: CompareResult): string[] {
  const only = (label: string, u: CompareResult['onlyBaseline']) =>
    u.count === 0
      ? []
      : [
          `only in the ${label}: ${u.count} prediction${u.count === 1 ? '' : 's'} (${u.ids.join(', ')}${u.count > u.ids.length ? ', …' : ''}), left out`,
        ];
  return [
    `paired: ${r.pairedItems} predictions (fold, item, sample)${r.failedPairs > 0 ? `, ${r.failedPairs} with a failed request on either side left out of the metrics` : ''}`,
    ...only('baseline', r.onlyBaseline),
    ...only('candidate', r.onlyCandidate),
    ...r.notes,
  ];
}

/**
 * The interval the metrics got: BCa, the percentile interval where BCa is undefined (every
 * resample gave the same difference), the exact bound of a share no item differs on, or
 * several, naming the metrics of the others after the first.
 *
 * @param metrics - the compared metrics
 * @returns `BCa`, `percentile`, `BCa; percentile for f1_macro`, `BCa; Clopper-Pearson bound for accuracy`
 * @example
 * intervalMethod(result.metrics); // 'BCa'
 */
export function intervalMethod(
  metrics: readonly Pick<MetricComparison, 'metric' | 'interval'>[],
): string {
  const names: [MetricComparison['interval'], string][] = [
    ['bca', 'BCa'],
    ['percentile', 'percentile'],
    ['clopper-pearson', 'Clopper-Pearson bound'],
  ];
  const used = names.flatMap(([kind, name]) => {
    const of = metrics.filter((m) => m.interval === kind).map((m) => m.metric);
    return of.length === 0 ? [] : [{ name, of }];
  });
  if (used.length === 0) return 'BCa';
  const [first, ...rest] = used;
  return [first!.name, ...rest.map((u) => `${u.name} for ${u.of.join(', ')}`)].join('; ');
}

/**
 * The methods line of a comparison: resamples, seed, permutations, the adjustment and the
 * gated metrics (the terminal, Markdown and HTML forms all print it).
 *
 * @param r - the comparison
 * @returns the line
 * @example
 * settingsLine(result); // 'paired bootstrap (BCa) 1000 resamples, seed 0; 9999 permutations; Holm across gated metrics: accuracy, balanced_accuracy, f1_macro, precision_macro, recall_macro'
 */
export function settingsLine(r: CompareResult): string {
  const s = r.settings;
  const adjustment = s.adjustment === 'holm' ? 'Holm' : 'Benjamini-Hochberg';
  // --margin reads the intervals, which no adjustment widens: the header must not imply it
  const margin =
    s.margin === null
      ? ''
      : `; --margin ${s.margin} reads each gated metric's unadjusted ${Math.round(s.ci * 100)}% interval`;
  const reader =
    s.margin === null
      ? ''
      : s.failOn === 'regression'
        ? ' (for --fail-on regression)'
        : ' (p adj, which --margin does not read)';
  return `paired bootstrap (${intervalMethod(r.metrics)}) ${s.bootstrap} resamples, seed ${s.seed}; ${s.permutations} permutations; ${adjustment} across gated metrics${reader}: ${s.gatedMetrics.join(', ') || 'none'}${margin}`;
}

/**
 * The terminal form of a comparison: the two runs, the pairing, the metric table, the
 * service table, and the decision's reason as the last line.
 *
 * @param r - the comparison
 * @returns text ending in a newline
 * @example
 * compareText(result); // '…'
 */
export function compareText(r: CompareResult): string {
  const metrics = metricRows(r);
  const service = serviceRows(r);
  return [
    `baseline:  ${r.baseline.name} (${r.baseline.model}) ${r.baseline.results}`,
    `candidate: ${r.candidate.name} (${r.candidate.model}) ${r.candidate.results}`,
    ...pairingLines(r),
    settingsLine(r),
    '',
    textTable(metrics.header, metrics.rows),
    '',
    textTable(service.header, service.rows),
    '',
    r.decision.reason,
    '',
  ].join('\n');
}

/** Whether a column holds words (`mcnemar`, `PASS`, `lower`), left-aligned, not figures. */
function wordColumn(rows: readonly (readonly string[])[], i: number): boolean {
  return rows.some((row) => /[a-z]{2}/i.test(row[i] ?? ''));
}

function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const cell = (s: string) => s.replace(/\|/g, '\\|');
  return [
    `| ${header.map(cell).join(' | ')} |`,
    `| ${header.map((_, i) => (i === 0 || wordColumn(rows, i) ? '---' : '---:')).join(' | ')} |`,
    ...rows.map((row) => `| ${row.map(cell).join(' | ')} |`),
  ].join('\n');
}

/**
 * The Markdown form of a comparison (a pull-request comment, a CI step summary).
 *
 * @param r - the comparison
 * @returns Markdown ending in a newline
 * @example
 * compareMarkdown(result).startsWith('#'); // true
 */
export function compareMarkdown(r: CompareResult): string {
  const metrics = metricRows(r);
  const service = serviceRows(r);
  return [
    `# assay compare: ${r.baseline.name} → ${r.candidate.name}`,
    '',
    `**${r.decision.reason}**`,
    '',
    `- baseline: \`${r.baseline.results}\` (model ${r.baseline.model})`,
    `- candidate: \`${r.candidate.results}\` (model ${r.candidate.model})`,
    ...pairingLines(r).map((l) => `- ${l}`),
    `- ${settingsLine(r)}`,
    '',
    '## Metrics (candidate − baseline)',
    '',
    markdownTable(metrics.header, metrics.rows),
    '',
    '## Service',
    '',
    markdownTable(service.header, service.rows),
    '',
  ].join('\n');
}
