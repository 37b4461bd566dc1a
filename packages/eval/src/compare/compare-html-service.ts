import { escapeHtml, formatUsd } from '@assay/report';
import type { CompareResult, ServiceComparison } from './compare-result.js';
import { serviceDirection } from './compare-text.js';

/** A service figure's name in words: `p95_latency_ms` → `p95 latency`. */
function label(name: string): string {
  return name
    .replace(/_(ms|usd)$/, '')
    .replace(/_/g, ' ')
    .replace(/\bttft\b/, 'TTFT');
}

/**
 * A service figure with its unit: dollars (`$0.00103`), milliseconds (`134 ms`, `9.5 ms`), or a
 * share as a percentage (`0.0%`).
 *
 * @param name - the figure's name, whose suffix says the unit
 * @param v - its value
 * @returns the text
 * @example
 * serviceValue('p95_latency_ms', 133.7); // '134 ms'
 */
export function serviceValue(name: string, v: number | null): string {
  if (v === null) return '–';
  if (name.endsWith('_usd')) return formatUsd(v);
  if (name.endsWith('_ms')) return `${v.toFixed(Math.abs(v) >= 100 ? 0 : 1)} ms`;
  if (name.endsWith('_rate')) return `${(100 * v).toFixed(1)}%`;
  return String(Number(v.toPrecision(4)));
}

/** The difference with its sign and unit, and its share of the baseline: `+36 ms (+37%)`. */
function serviceDifference(s: ServiceComparison): string {
  if (s.difference === null) return '–';
  const abs = serviceValue(s.name, Math.abs(s.difference));
  const sign = s.difference > 0 ? '+' : s.difference < 0 ? '−' : '';
  const pct =
    s.baseline !== null && s.baseline !== 0 && s.difference !== 0
      ? ` (${s.difference > 0 ? '+' : '−'}${Math.abs((100 * s.difference) / s.baseline).toFixed(0)}%)`
      : '';
  return `${sign}${abs}${pct}`;
}

/**
 * The service table of the HTML report: each figure with its unit, the difference with its
 * share of the baseline, and whether the candidate's figure is higher or lower. Neutral, in no
 * colour, as in the terminal and Markdown tables: these are single figures of each run, not
 * tested, so neither side is called better or worse.
 *
 * @param r - the comparison
 * @returns the HTML, in its own scrolling box
 * @example
 * serviceTable(result).startsWith('<div class="table-wrap"><table>'); // true
 */
export function serviceTable(r: CompareResult): string {
  const rows = r.service.map(
    (s) =>
      `<tr><td>${escapeHtml(label(s.name))}</td><td>${escapeHtml(serviceValue(s.name, s.baseline))}</td><td>${escapeHtml(serviceValue(s.name, s.candidate))}</td><td>${escapeHtml(serviceDifference(s))}</td><td>${serviceDirection(s)}</td></tr>`,
  );
  return `<div class="table-wrap"><table><thead><tr><th>service</th><th>baseline</th><th>candidate</th><th>difference</th><th>candidate is</th></tr></thead><tbody>${rows.join('')}</tbody></table></div>`;
}

/**
 * The cost and p95 latency in words for the summary: `cost per correct answer $0.00103 →
 * $0.000509: −$0.000524 (−51%), lower; p95 latency 97.3 ms → 134 ms: +36.4 ms (+37%), higher`
 * (neutral: the figures are not tested).
 *
 * @param r - the comparison
 * @returns one phrase per figure present
 * @example
 * serviceSentences(result); // ['p95 latency …'] (the run's own timings)
 */
export function serviceSentences(r: CompareResult): string[] {
  const names: [string, string][] = [
    ['cost_per_correct_usd', 'cost per correct answer'],
    ['total_cost_usd', 'total cost'],
    ['p95_latency_ms', 'p95 latency'],
  ];
  const out: string[] = [];
  for (const [name, words] of names) {
    const s = r.service.find((x) => x.name === name);
    if (s === undefined || s.difference === null) continue;
    // one cost figure is enough: per correct answer where there is one
    if (name === 'total_cost_usd' && out.some((o) => o.startsWith('cost per'))) continue;
    out.push(
      `${words} ${serviceValue(name, s.baseline)} → ${serviceValue(name, s.candidate)}: ${serviceDifference(s)}, ${serviceDirection(s)}`,
    );
  }
  return out;
}
