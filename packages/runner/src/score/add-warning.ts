/**
 * Adds warnings to a job's list, each once: several steps may find the same thing (the fold
 * planning and the splitter both see a class smaller than K), and a reader needs it once.
 *
 * @param warnings - the job's warnings
 * @param added - warnings to add (undefined or null entries are skipped)
 * @example
 * ```ts
 * const warnings = ['a'];
 * addWarnings(warnings, ['a', 'b', null]);
 * warnings; // ['a', 'b']
 * ```
 */
export function addWarnings(warnings: string[], added: Iterable<string | null | undefined>): void {
  for (const warning of added) {
    if (warning !== null && warning !== undefined && !warnings.includes(warning)) {
      warnings.push(warning);
    }
  }
}
