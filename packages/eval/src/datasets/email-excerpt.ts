const HEADER_LINE = /^(From |[A-Za-z][\w-]*: )/;

/**
 * The start of a raw e-mail for a report: its Subject line and the start of the body,
 * which say more than the Received: chain. Text that is not an e-mail (no header block
 * before a blank line) is cut as it is.
 *
 * @param text - a raw e-mail (headers, blank line, body)
 * @param max - the most characters to keep (default 400)
 * @returns the excerpt
 * @example
 * emailExcerpt('From: a@b\nSubject: Hi\n\nBody text'); // 'Subject: Hi\n\nBody text'
 */
export function emailExcerpt(text: string, max = 400): string {
  const gap = text.indexOf('\n\n');
  if (HEADER_LINE.test(text) && gap > 0) {
    const subject = /^Subject:.*$/im.exec(text.slice(0, gap))?.[0];
    const body = text.slice(gap + 2).trim();
    return `${subject ? `${subject}\n\n` : ''}${body}`.slice(0, max);
  }
  return text.slice(0, max);
}
