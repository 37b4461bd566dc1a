/** Stable codes carried by {@link LoadTestError}; match on these, not on messages. */
export type LoadTestErrorCode =
  | 'INVALID_OPTION'
  | 'INVALID_SLO'
  | 'INVALID_DATASET'
  | 'CLOCK_FAILED'
  | 'INTERRUPTED';

/**
 * The one error class of `@assay/loadtest`: a bad load profile, SLO or workload, raised before
 * any request is sent; `CLOCK_FAILED`, an open loop whose clock thread ended before its
 * schedule did (the step stops instead of waiting for a wake-up that cannot come); or
 * `INTERRUPTED`, thrown by a `StepRunner` asked for a step after the run's signal aborted
 * (`runLoadTest` catches it and returns the steps that ran).
 *
 * @remarks
 * The message is a full sentence. For the option codes it names the option at fault and what
 * would be valid, and `path` names that option (`'rate'`, `'slo'`, ...). For `CLOCK_FAILED`
 * no option is at fault: `path` is `'rate'`, the load that the failed clock paced; for
 * `INTERRUPTED` it is `'signal'`.
 *
 * @example
 * ```ts
 * import { LoadTestError, parseSlo } from '@assay/loadtest';
 * try {
 *   parseSlo('ttfb_p95<=300');
 * } catch (error) {
 *   error instanceof LoadTestError; // true
 *   error.code; // 'INVALID_SLO'
 * }
 * ```
 */
export class LoadTestError extends Error {
  override readonly name = 'LoadTestError';
  /** Stable machine-readable reason. */
  readonly code: LoadTestErrorCode;
  /** The option at fault. */
  readonly path: string;

  /**
   * @param code - stable reason code
   * @param message - full sentence for the user
   * @param path - the option at fault
   */
  constructor(code: LoadTestErrorCode, message: string, path: string) {
    super(message);
    this.code = code;
    this.path = path;
  }
}
