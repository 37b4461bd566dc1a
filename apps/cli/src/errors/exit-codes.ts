/** Exit codes of `assay run` and `assay demo`. */
export const RUN_EXIT = {
  /** finished, every threshold passed */
  ok: 0,
  /** finished, at least one threshold failed */
  thresholdFailed: 1,
  /** invalid configuration or data */
  configError: 2,
  /** the run failed, or a model's metrics are not representative (too many failed or unparseable) */
  runtimeError: 3,
  /** interrupted (SIGINT/SIGTERM/SIGHUP); rerun to resume */
  interrupted: 130,
} as const;

/** Exit codes of `assay init`. */
export const INIT_EXIT = {
  /** the starter configuration was written */
  ok: 0,
  /** nothing written: the file exists (without --force), an unknown provider, or it cannot be written */
  refused: 2,
} as const;
