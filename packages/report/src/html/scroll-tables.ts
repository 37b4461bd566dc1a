/** Tables with at least this many columns get a "scroll sideways" hint on a narrow screen. */
const WIDE_COLUMNS = 5;

/**
 * Puts every table of a report page in a box that scrolls sideways on its own, so a wide
 * table never widens the page or is cut off: the box shows a shadow at an edge with more
 * columns beyond it, and a table of {@link WIDE_COLUMNS} columns or more, or one of class
 * `wide` (fewer columns of wide cells, such as the Scores table's intervals), carries a hint
 * that only a narrow screen shows (CSS alone: the page has no scripts).
 *
 * @param html - the page's markup, with tables not nested in tables
 * @returns the markup with each `<table>` wrapped in `<div class="table-scroll">`
 * @example
 * scrollTables('<table><tr><td>1</td></tr></table>');
 * // '<div class="table-scroll"><table><tr><td>1</td></tr></table></div>'
 */
export function scrollTables(html: string): string {
  return html.replace(/<table\b[\s\S]*?<\/table>/g, (table) => {
    const head = table.match(/<thead>[\s\S]*?<\/thead>/)?.[0] ?? '';
    const columns = (head.match(/<th\b/g) ?? []).length;
    const marked = /^<table\b[^>]*\bclass="[^"]*\bwide\b/.test(table);
    const hint =
      columns >= WIDE_COLUMNS || marked
        ? '<p class="scroll-hint" aria-hidden="true">Wide table: scroll sideways for more columns →</p>'
        : '';
    return `${hint}<div class="table-scroll">${table}</div>`;
  });
}
