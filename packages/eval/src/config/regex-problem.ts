/**
 * Why a regular expression from the configuration cannot be used, in the user's own spelling.
 *
 * @remarks The engine's message quotes the pattern it compiled; groups are counted by
 *   compiling `pattern|` (which matches the empty string), so that compile must not be the one
 *   whose message is shown: it would show `/([a-z|/` for the user's `([a-z`.
 * @param pattern - the pattern as written
 * @param flags - its flags (valid ones)
 * @param group - the capture group that must exist (0: none needed)
 * @returns the problem, or undefined when the pattern compiles and has the group
 * @example
 * regexProblem('([a-z', '', 0); // "not a valid regular expression (Unterminated character class in '([a-z')"
 */
export function regexProblem(pattern: string, flags: string, group: number): string | undefined {
  try {
    new RegExp(pattern, flags);
  } catch (error) {
    const reason = (error as Error).message.replace(
      /^Invalid regular expression: \/.*\/[a-z]*: /s,
      '',
    );
    return `not a valid regular expression (${reason} in '${pattern}')`;
  }
  const groups = new RegExp(`${pattern}|`, flags).exec('')!.length - 1;
  if (group > groups) {
    return `group ${group} does not exist: the pattern has ${groups} capture group${groups === 1 ? '' : 's'}`;
  }
  return undefined;
}
