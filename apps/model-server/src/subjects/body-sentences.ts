/** A line after which the rest is a signature or a forwarded original, not the writer's text. */
const END_OF_TEXT = /^(?:--|-{2,}\s*original message\s*-{2,}|_{5,})$/i;
/** `On Tue, 3 Sep 2002, Ann wrote:` and the like: an attribution, not content. */
const ATTRIBUTION = /\bwrote:$/i;
/** Header fields and MIME boundaries quoted or forwarded in a body: not sentences. */
const HEADER_OR_BOUNDARY =
  /^(?:(?:from|to|cc|date|sent|subject|reply-to|message-id|mime-version|content-[a-z-]+):\s|--\S+$)/i;
const QUOTE_MARKS = /^(?:\s*>)+\s?/;
const LETTER = /\p{L}/u;
/** A line that ends a sentence by itself: closing punctuation, possibly in quotes or brackets. */
const LINE_ENDS_SENTENCE = /[.!?:]["'’”)\]]*$/u;
/** Sentence breaks inside a line: `.`, `!` or `?` (and closing quotes) then space then a capital, digit or opening quote. */
const SENTENCE_BREAK = /(?<=[.!?]["'’”)\]]*)\s+(?=["'‘“([]?[\p{Lu}\p{N}])/u;

function paragraphs(body: string): string[][] {
  const out: string[][] = [];
  let current: string[] = [];
  const flush = (): void => {
    if (current.length > 0) out.push(current);
    current = [];
  };
  for (const raw of body.split(/\r?\n/)) {
    const trimmed = raw.trim();
    if (END_OF_TEXT.test(trimmed)) break;
    const line = raw.replace(QUOTE_MARKS, '').trim();
    if (
      line === '' ||
      !LETTER.test(line) ||
      ATTRIBUTION.test(line) ||
      HEADER_OR_BOUNDARY.test(line)
    ) {
      flush();
      continue;
    }
    current.push(line);
  }
  flush();
  return out;
}

/**
 * Splits an e-mail body into sentences, in order, each with its white space collapsed.
 *
 * @remarks
 * Reading stops at a signature delimiter (`--`), an Outlook `-----Original Message-----` line or a
 * mailing-list footer rule (`_____`). Quote marks (`>`) are removed so quoted text counts (a reply's
 * subject is usually the quoted mail's); attribution lines (`... wrote:`), quoted header fields
 * (`From:`, `Date:`, `Subject:`, `Content-Type:`, ...), MIME boundaries (`--` and one word) and
 * lines without a letter break paragraphs and are dropped. Lines of a paragraph are joined, except after a line
 * that ends in `.`, `!`, `?` or `:`; the joined text is split after `.`, `!` or `?` followed by
 * white space and a capital letter, a digit or an opening quote.
 *
 * @param body - the body text
 * @returns the sentences
 * @example
 * ```ts
 * bodySentences('Hi all.  The build is broken!\n\n> Is it?\n--\nAnn'); // ['Hi all.', 'The build is broken!', 'Is it?']
 * ```
 */
export function bodySentences(body: string): string[] {
  const out: string[] = [];
  for (const lines of paragraphs(body)) {
    let text = '';
    for (let i = 0; i < lines.length; i++) {
      text = text === '' ? lines[i]! : `${text} ${lines[i]}`;
      if (i === lines.length - 1 || LINE_ENDS_SENTENCE.test(lines[i]!)) {
        for (const s of text.split(SENTENCE_BREAK)) {
          const sentence = s.replace(/\s+/g, ' ').trim();
          if (sentence !== '') out.push(sentence);
        }
        text = '';
      }
    }
  }
  return out;
}
