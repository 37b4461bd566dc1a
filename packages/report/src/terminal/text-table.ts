/**
 * A plain-text table for terminals: the first column left-aligned, the others
 * right-aligned, a rule under the header, trailing spaces trimmed.
 *
 * @param headerCells - column titles
 * @param rowCells - cells, row by row (missing cells are empty); line breaks in a cell show as `↵`
 * @returns the table, lines joined by `\n`
 * @example
 * textTable(['metric', 'value'], [['accuracy', '0.962']]).split('\n'); // ['metric    value', '────────  ─────', 'accuracy  0.962']
 */
export function textTable(
  headerCells: readonly string[],
  rowCells: readonly (readonly string[])[],
): string {
  // a label or slice value from the data may hold a line break or a tab: one line per row
  const header = headerCells.map(oneLine);
  const rows = rowCells.map((r) => r.map(oneLine));
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    widths
      .map((w, c) => (c === 0 ? (cells[c] ?? '').padEnd(w) : (cells[c] ?? '').padStart(w)))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** A cell on one line: line breaks shown as `↵`, tabs as spaces. */
function oneLine(cell: string): string {
  return cell.replace(/\r\n|[\r\n\u2028\u2029]/g, ' ↵ ').replace(/\t/g, ' ');
}
