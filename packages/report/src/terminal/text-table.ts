/**
 * A plain-text table for terminals: the first column left-aligned, the others
 * right-aligned, a rule under the header, trailing spaces trimmed.
 *
 * @param header - column titles
 * @param rows - cells, row by row (missing cells are empty)
 * @returns the table, lines joined by `\n`
 * @example
 * textTable(['metric', 'value'], [['accuracy', '0.962']]);
 */
export function textTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    widths
      .map((w, c) => (c === 0 ? (cells[c] ?? '').padEnd(w) : (cells[c] ?? '').padStart(w)))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
