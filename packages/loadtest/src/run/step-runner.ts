import type { StepLoad } from '../generator/step-plan.js';
import type { StepResult } from '../metrics/step-result.js';

/** Runs steps one after another on one client; record times count from the run's start. */
export interface StepRunner {
  /**
   * Runs one step and returns its result (also appended to `steps`).
   *
   * @throws `LoadTestError` `INTERRUPTED` when the run was interrupted before this step
   *   (its first step still runs, and ends at once)
   */
  run(load: StepLoad): Promise<StepResult>;
  readonly steps: StepResult[];
}
