import { describe, expect, test } from 'vitest';
import { markdownInline, textTable } from '../src/index.js';

describe('tables of labels from the data', () => {
  test('a text table keeps one line per row when a cell holds a line break or a tab', () => {
    const table = textTable(
      ['label', 'n'],
      [
        ['c\nd', '1'],
        ['a\tb', '22'],
        ['e\r\nf', '3'],
      ],
    );
    const lines = table.split('\n');
    expect(lines).toHaveLength(5);
    expect(lines[2]).toBe('c ↵ d   1');
    expect(lines[3]).toBe('a b    22');
    expect(lines[4]).toBe('e ↵ f   3');
  });

  test('markdownInline shows a label as its text: no emphasis, no extra cell, one line', () => {
    expect(markdownInline('**x**')).toBe('\\*\\*x\\*\\*');
    expect(markdownInline('a|b')).toBe('a\\|b');
    expect(markdownInline('c\nd')).toBe('c ↵ d');
  });
});
