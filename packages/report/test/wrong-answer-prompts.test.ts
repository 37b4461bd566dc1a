import { describe, expect, test } from 'vitest';
import { htmlReport, markdownReport } from '../src/index.js';
import { MARKDOWN_PROMPT_CHARS } from '../src/markdown/wrong-answers-section.js';
import { sampleModel, sampleResults } from './support/sample-results.js';

const PAYLOAD = '<script>alert(1)</script><img src=x onerror=alert(2)>';

/** Results with one wrong answer whose prompt has a system and a long, hostile user message. */
function withPrompt(userText: string, omittedChars?: number) {
  const model = sampleModel('nb', {
    wrongAnswers: [
      {
        id: 'mail-7',
        fold: 0,
        expected: 'spam',
        answer: 'ham',
        parsed: 'ham',
        input: 'Subject: hi',
        promptHash: 'ab12cd34ef56ab78',
      },
    ],
  });
  return sampleResults([model], {
    prompts: {
      ab12cd34ef56ab78: [
        { role: 'system', content: 'Answer spam or ham.' },
        { role: 'user', content: userText, ...(omittedChars ? { omittedChars } : {}) },
      ],
    },
  });
}

describe('the prompt sent is shown beside each wrong answer', () => {
  test('report.html: in a collapsed details element, escaped, with its hash and what was cut', () => {
    const html = htmlReport(withPrompt(`Classify: ${PAYLOAD}`, 1234));
    expect(html).toContain('<th>prompt sent</th>');
    expect(html).toMatch(/<details><summary>2 messages, \d+ characters<\/summary>/);
    expect(html).toContain('Answer spam or ham.');
    expect(html).toContain('Classify: &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toMatch(/<script|<img/i);
    expect(html).toContain('prompt_hash ab12cd34ef56ab78');
    expect(html).toContain('1234 more characters (the whole prompt is in prompts.arrow)');
  });

  test('report.md: escaped, on one line, cut short with a note of what was left out', () => {
    const long = `${PAYLOAD}|${'x'.repeat(1000)}`;
    const md = markdownReport(withPrompt(long));
    const row = md.split('\n').find((l) => l.startsWith('| mail-7 |'))!;
    expect(row).toBeDefined();
    expect(row).toContain(
      '**ab12cd34ef56ab78**: [system] Answer spam or ham. [user] &lt;script&gt;',
    );
    expect(row).not.toMatch(/<script|<img/i);
    const shown = `[system] Answer spam or ham. [user] ${long}`;
    expect(row).toContain(`(${shown.length - MARKDOWN_PROMPT_CHARS} more characters)`);
    expect(md).toContain('every prompt is whole in `prompts.arrow`');
    expect(md).toContain('### nb: sample of wrong answers (1 in total)');
  });

  test('results written before prompts were kept render as before: no prompt column', () => {
    const old = sampleResults([
      sampleModel('nb', {
        wrongAnswers: [
          {
            id: 'm',
            fold: 0,
            expected: 'spam',
            answer: 'ham',
            parsed: 'ham',
            input: 'Subject: hi',
          },
        ],
      }),
    ]);
    expect(htmlReport(old)).not.toContain('prompt sent');
    const md = markdownReport(old);
    expect(md).toContain('| item | fold | expected | parsed | model output | input (start) |');
    expect(md).toContain('| m | 1 | spam | ham | ham | Subject: hi |');
  });

  test('a run of one fold (method all, holdout) names no fold: there is nothing to tell apart', () => {
    const r = withPrompt('Classify: hi');
    const one = { ...r, evaluation: { ...r.evaluation, method: 'all', folds: 1, repeats: 1 } };
    const md = markdownReport(one);
    expect(md).toContain('| item | expected | parsed | model output | prompt sent (hash: start) |');
    expect(md).toMatch(/^\| mail-7 \| spam \| ham \| ham \| /m);
    expect(htmlReport(one)).toContain('<td>mail-7</td>');
    // with two folds each answer says which, counted from 1
    expect(md.replace(/\n/g, ' ')).not.toContain('| fold |');
    expect(markdownReport(r)).toMatch(/^\| mail-7 \| 1 \| spam \| /m);
    expect(htmlReport(r)).toContain('<td>mail-7<br><span class="note">fold 1</span></td>');
    // and says how that count meets predictions.arrow's, which counts from 0
    const numbering = 'fold 1 is fold 0 in predictions.arrow.';
    expect(markdownReport(r)).toContain(numbering);
    expect(htmlReport(r)).toContain(numbering);
    expect(md).not.toContain(numbering);
    expect(htmlReport(one)).not.toContain(numbering);
  });
});
