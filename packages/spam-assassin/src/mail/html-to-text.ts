const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  copy: '©',
  reg: '®',
  trade: '™',
  hellip: '…',
  mdash: '—',
  ndash: '–',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  bull: '•',
  middot: '·',
  euro: '€',
  pound: '£',
};

const ENTITY = /&(?:#(\d{1,7})|#[xX]([0-9A-Fa-f]{1,6})|([A-Za-z][A-Za-z0-9]{1,31}));?/g;

function codePoint(n: number, whole: string): string {
  return n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : whole;
}

/**
 * Replaces HTML character references: decimal, hexadecimal and the common named ones (an
 * unknown name is left as written).
 *
 * @param text - text with entities
 * @returns the text with the references replaced
 * @example
 * ```ts
 * decodeHtmlEntities('&lt;b&gt; &#233;t&#xE9; &amp;c &unknown;'); // '<b> été &c &unknown;'
 * ```
 */
export function decodeHtmlEntities(text: string): string {
  return text.replace(ENTITY, (whole, dec?: string, hex?: string, name?: string) => {
    if (dec !== undefined) return codePoint(Number.parseInt(dec, 10), whole);
    if (hex !== undefined) return codePoint(Number.parseInt(hex, 16), whole);
    return NAMED_ENTITIES[name!.toLowerCase()] ?? whole;
  });
}

const INVISIBLE = /<(script|style|title)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;
const BLOCK_TAG = /<\/?(?:br|p|div|tr|li|ul|ol|table|h[1-6]|blockquote|hr|center|pre)\b[^>]*>/gi;

/**
 * The visible text of an HTML document, line by line, as a mail reader without HTML shows it.
 *
 * @remarks
 * Comments and the content of `script`, `style` and `title` are dropped (not of `head`: spam puts
 * `<head>` anywhere, sometimes unclosed); block tags
 * (`p`, `br`, `div`, `tr`, `li`, headings, ...) become line breaks, table cells and images a
 * space; other (inline) tags vanish, so `<b>DROPPED</b>!` reads `DROPPED!`; character
 * references are decoded; spaces are collapsed within lines and runs of blank lines become one.
 *
 * @param html - an HTML document or fragment
 * @returns the text
 * @example
 * ```ts
 * htmlToText('<title>T</title><p>Hello <b>there</b>!</p><p>Bye&nbsp;now</p>'); // 'Hello there!\n\nBye now'
 * ```
 */
export function htmlToText(html: string): string {
  const text = html
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(INVISIBLE, ' ')
    .replace(/\s+/g, ' ')
    .replace(BLOCK_TAG, '\n')
    .replace(/<\/?(?:td|th|img)\b[^>]*>/gi, ' ')
    .replace(/<[^>]*>/g, '');
  return decodeHtmlEntities(text)
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
