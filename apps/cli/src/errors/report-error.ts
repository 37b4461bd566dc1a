import { RUN_EXIT } from './exit-codes.js';
import { relativePathHintLine } from './relative-path-hint.js';

/**
 * The packages' error classes, recognised by their `name` (each package's one error class
 * sets it) rather than by `instanceof`: importing the classes would load every package,
 * eval and clients included, before any command runs (about 0.5 s of a start-up).
 */
type PackageError =
  | 'ClientError'
  | 'MetricInputError'
  | 'EvaluationError'
  | 'RunnerError'
  | 'SplitError';

function isPackageError(
  error: unknown,
  name: PackageError,
): error is Error & { readonly code: string } {
  return (
    error instanceof Error &&
    error.name === name &&
    typeof (error as { code?: unknown }).code === 'string'
  );
}

/** Client error codes that mean the model configuration is wrong (exit 2), not the service. */
const CLIENT_CONFIG_CODES: ReadonlySet<string> = new Set([
  'UNKNOWN_PROVIDER',
  'MISSING_API_KEY',
  'INVALID_BASE_URL',
  'INVALID_CONFIG',
]);

/**
 * Tells whether an error says the model's client configuration is wrong (an unknown
 * provider, a missing API key, a base URL that is no URL): bad input, found before any
 * request.
 *
 * @param error - what was thrown
 * @returns true for those `ClientError`s
 * @example
 * if (isClientConfigError(error)) process.exitCode = 2;
 */
export function isClientConfigError(error: unknown): error is Error {
  return isPackageError(error, 'ClientError') && CLIENT_CONFIG_CODES.has(error.code);
}

/**
 * Tells whether an error is bad input (a configuration, data file, column, option or metric
 * the user can fix), to be shown as its message alone with exit code 2, rather than a bug.
 *
 * @param error - what was thrown
 * @returns true for the packages' input errors
 */
export function isInputError(error: unknown): error is Error {
  if (isPackageError(error, 'EvaluationError'))
    return error.code !== 'INTERRUPTED' && error.code !== 'RUN_FAILED';
  if (isPackageError(error, 'RunnerError'))
    return error.code !== 'INTERRUPTED' && error.code !== 'WORKER_FAILED';
  return isPackageError(error, 'MetricInputError') || isPackageError(error, 'SplitError');
}

/**
 * Prints an error for the user and maps it to an exit code.
 *
 * @param error - what was thrown
 * @returns 2 for configuration/data errors, 130 for interruption, 3 otherwise
 * @remarks A relative path on the command line that was not found gets a hint line when a
 *   package script started assay (see `relativePathHint`).
 */
export function reportError(error: unknown): number {
  const interrupted =
    (isPackageError(error, 'EvaluationError') || isPackageError(error, 'RunnerError')) &&
    error.code === 'INTERRUPTED';
  if (interrupted) {
    process.stderr.write(`assay: ${error.message}\n`);
    return RUN_EXIT.interrupted;
  }
  if (isInputError(error)) {
    // a file named on the command line and not found under `pnpm assay` says where it was read
    process.stderr.write(
      `assay: ${error.message}\n${relativePathHintLine('assay', error.message)}`,
    );
    return RUN_EXIT.configError;
  }
  if (isClientConfigError(error)) {
    process.stderr.write(`assay: model configuration: ${error.message}\n`);
    return RUN_EXIT.configError;
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`assay: run failed: ${message}\n`);
  return RUN_EXIT.runtimeError;
}
