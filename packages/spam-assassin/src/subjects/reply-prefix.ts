/** One reply or forward marker: `Re:`, `RE :`, `Re[2]:`, `Fwd:`, `Fw:`, `FW:` (any case). */
const MARKER = /^(?:re|fwd?)(?:\[\d+\])?[ \t]*:[ \t]*/i;
/** A mailing-list tag such as `[ILUG] ` or `[SAdev] ` (no spaces inside), which may come before the markers. */
const LIST_TAG = /^\[[^\]\s]{1,40}\][ \t]*/;

/**
 * Strips the reply and forward markers a mail client put before a subject.
 *
 * @remarks
 * Removes `Re:`, `Fwd:`, `Fw:` and `Re[n]:` (any case, repeated) at the start of the subject,
 * and also right after a leading mailing-list tag (`[ILUG] Re: x` gives `[ILUG] x`). The tag
 * itself is kept: it is part of the subject people saw. Markers inside the subject are kept.
 *
 * @param subject - a decoded subject
 * @returns the subject without leading markers, trimmed (possibly empty)
 * @example
 * ```ts
 * import { stripReplyPrefixes } from '@assay/spam-assassin';
 * stripReplyPrefixes('Re: RE: Fwd: lunch?'); // 'lunch?'
 * stripReplyPrefixes('[ILUG] Re: Sun Solaris'); // '[ILUG] Sun Solaris'
 * ```
 */
export function stripReplyPrefixes(subject: string): string {
  let text = subject.trim();
  const tag = LIST_TAG.exec(text)?.[0] ?? '';
  text = text.slice(tag.length);
  for (let m = MARKER.exec(text); m !== null; m = MARKER.exec(text)) {
    text = text.slice(m[0].length);
  }
  text = text.trim();
  return text === '' ? '' : `${tag.trim()}${tag === '' ? '' : ' '}${text}`;
}
