import { describe, expect, test } from 'vitest';
import { htmlReport, markdownReport } from '../src/index.js';
import { generationResults } from './support/generation-results.js';
import { sampleModel, sampleResults } from './support/sample-results.js';

function serviceOf(text: string, from: string): string {
  const start = text.indexOf(from);
  return text.slice(start, text.indexOf('</table>', start) + 1 || undefined);
}

describe('the Service table shows cost per correct answer only where answers are right or wrong', () => {
  test('a generation run has no cost / correct column in report.md or report.html', () => {
    const r = generationResults();
    const md = markdownReport(r);
    const header = md.split('\n').find((l) => l.startsWith('| model | requests |'))!;
    expect(header.endsWith('| cost |')).toBe(true);
    expect(md).not.toContain('cost / correct');
    const service = md.slice(md.indexOf('## Service')).split('\n');
    const row = service.find((l) => l.startsWith('| subject-gen | '))!;
    expect(row.split(' | ')).toHaveLength(header.split(' | ').length);
    expect(serviceOf(htmlReport(r), '<table class="service">')).not.toContain('cost / correct');
  });

  test('a classification run keeps it', () => {
    const r = sampleResults([sampleModel('nb')]);
    expect(markdownReport(r)).toContain('| cost | cost / correct |');
    expect(serviceOf(htmlReport(r), '<table class="service">')).toContain(
      '<th class="num">cost / correct</th>',
    );
  });
});
