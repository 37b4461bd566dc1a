import { redact } from '../http/attempt-failure.js';

// Prefixes of well-known keys and tokens (Google `AIza`, GitHub `ghp_`/`github_pat_`, Slack
// `xox?-`, Hugging Face `hf_`, GitLab `glpat-`, AWS access key ids `AKIA`): such a value
// given as a name is a key typed in the wrong field.
const KEY_PREFIX = /^(sk-|AIza|gh[pousr]_|github_pat_|xox[abposr]-|hf_|glpat-|AKIA[0-9A-Z]{12})/;

/** The characters of a key or token: letters, digits, `+/_.-`, and `=` padding at the end. */
const TOKEN_ALPHABET = /^[A-Za-z0-9+/_.-]+={0,2}$/;

/**
 * Whether a value given where a name belongs (`apiKeyEnv`, `provider`) looks like a key or
 * token rather than a name, so that a message must not echo it.
 *
 * @remarks
 * A key is a secret shape ({@link redact}'s: `sk-…`, a bearer token), a well-known key prefix,
 * or a long run of letters and digits that no one would write as a name: 20 characters or
 * more of a token alphabet with a digit and either both letter cases (`AIzaSy…`, base62) or
 * no underscore (hex). A value with `;`, `:`, `,`, spaces or `=` inside (a setting such as
 * `status=503;rate=0.2`) is none of these.
 * Conventional variable names (`OPENAI_API_KEY`, `AZURE_OPENAI_API_KEY_2`) are none of these.
 *
 * @param value - the value as written
 * @returns true when the value should not be shown
 * @example
 * ```ts
 * looksLikeKey('OPENAI_API_KEY'); // false
 * looksLikeKey('AIzaSyREALGOOGLEKEY0123456789abcdefgh'); // true
 * looksLikeKey('sk-proj-REALKEYVALUE0123456789abcdef'); // true
 * looksLikeKey('status=503;rate=0.2;latency=100'); // false
 * ```
 */
export function looksLikeKey(value: string): boolean {
  if (redact(value, []) !== value || KEY_PREFIX.test(value)) return true;
  // a key is one run of a token alphabet (base62, hex, base64 with its padding); settings such
  // as `status=503;rate=0.2;latency=100` or `lognormal:20:0.1` are not
  if (!TOKEN_ALPHABET.test(value)) return false;
  if (value.length < 20 || !/\d/.test(value)) return false;
  return (/[a-z]/.test(value) && /[A-Z]/.test(value)) || !value.includes('_');
}

/** The message of a key given as `apiKeyEnv`; it never quotes the value. */
export const API_KEY_ENV_HOLDS_KEY =
  'must name an environment variable (e.g. OPENAI_API_KEY), not hold the key itself; the value given is not shown (it looks like a key)';

/**
 * What a message calls a value's type, never the value itself (it may be a secret).
 *
 * @param value - any value
 * @returns `'null'`, `'nothing'`, `'an array'`, `'a number'`, `'an object'`, …
 * @example
 * ```ts
 * kindOf(42); // 'a number'
 * kindOf(['a']); // 'an array'
 * ```
 */
export function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'an array';
  const type = typeof value;
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}
