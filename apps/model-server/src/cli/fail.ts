/**
 * Ends the process with exit code 2 and `message` on stderr, prefixed with the command's name.
 *
 * @param message - what was wrong and what would be valid
 */
export function fail(message: string): never {
  process.stderr.write(`assay-model-server: ${message}\n`);
  process.exit(2);
}
