import { describe, expect, test } from 'vitest';
import {
  markdownReport,
  runVerdict,
  stepSummaryMarkdown,
  type ThresholdResult,
} from '../src/index.js';
import { codeSpan, markdownParts } from '../src/markdown/markdown-text.js';
import { metric } from './support/metric-summary.js';
import { sampleModel, sampleResults } from './support/sample-results.js';

const FAILED: ThresholdResult = {
  threshold: 'error_rate <= 0.05',
  model: '<b>nb</b>',
  metric: 'error_rate',
  value: 0.1,
  passed: false,
};

describe('threshold expressions in report.md', () => {
  test('read as written, in a code span, while the model name stays escaped', () => {
    const results = sampleResults([sampleModel('<b>nb</b>')], {
      thresholds: [FAILED],
      passed: false,
    });
    const md = markdownReport(results);
    expect(md).toContain('**`error_rate <= 0.05` fails for &lt;b&gt;nb&lt;/b&gt; (0.1000).**');
    expect(md).not.toContain('error_rate &lt;=');
    expect(md).not.toMatch(/<b>/);
    expect(stepSummaryMarkdown(results)).toContain(
      '`error_rate <= 0.05` fails for &lt;b&gt;nb&lt;/b&gt; (0.1000).',
    );
    // the plain text keeps the expression as it is, for the terminal and report.html
    expect(runVerdict(results).outcome).toBe('error_rate <= 0.05 fails for <b>nb</b> (0.1000).');
  });

  test('of passed thresholds and of the suggested one read as written too', () => {
    const passed = sampleResults([sampleModel('nb')], {
      thresholds: [
        {
          threshold: 'accuracy >= 0.7',
          model: 'nb',
          metric: 'accuracy',
          value: 0.75,
          passed: true,
        },
      ],
    });
    expect(markdownReport(passed)).toContain('**The threshold holds for nb (`accuracy >= 0.7`).**');
    expect(markdownReport(sampleResults([sampleModel('nb')]))).toContain(
      "(add some, e.g. `thresholds: ['accuracy >= <limit>']`).**",
    );
  });

  test('in a risk read as written', () => {
    const nb = sampleModel('nb', { metrics: { accuracy: metric(0.75, 0.6, 0.9) } });
    const md = markdownReport(
      sampleResults([nb], {
        thresholds: [
          {
            threshold: 'accuracy >= 0.7',
            model: 'nb',
            metric: 'accuracy',
            value: 0.75,
            passed: true,
          },
        ],
      }),
    );
    expect(md).toContain('`accuracy >= 0.7` passes for nb, but the 95% interval of accuracy');
  });
});

describe('a code span', () => {
  test('is fenced longer than any backtick run inside, padded where the text needs it', () => {
    expect(codeSpan('a <= 1')).toBe('`a <= 1`');
    expect(codeSpan('a ` b')).toBe('``a ` b``');
    expect(codeSpan('`a``')).toBe('``` `a`` ```');
    expect(codeSpan(' a ')).toBe('`  a  `');
    expect(codeSpan('a\n\nb')).toBe('`a  b`');
    expect(codeSpan('')).toBe('');
  });

  test('cannot be opened or closed by the plain words beside it', () => {
    // a backtick or a trailing backslash in untrusted words is escaped, so the fence pairs only with its own
    expect(markdownParts(['x`y ', { code: 'a < b' }, ' z\\'])).toBe('x\\`y `a < b` z\\\\');
    expect(markdownParts(['ends in \\', { code: '<img src=x>' }])).toBe(
      'ends in \\\\`<img src=x>`',
    );
  });
});
