import type { StepLoad } from '../generator/step-plan.js';
import type { StepResult } from '../metrics/step-result.js';

/** Runs steps one after another on one client; record times count from the run's start. */
export interface StepRunner {
  /**
   * Runs one step and returns its result (also appended to `steps`).
   *
   * @throws {@link RunInterrupted} when the run was interrupted before this step started
   */
  run(load: StepLoad): Promise<StepResult>;
  readonly steps: StepResult[];
}

/**
 * Thrown by {@link StepRunner.run} for a step asked for after the run was interrupted, so a
 * sweep or a search stops where it was instead of running steps that send nothing (and
 * deciding from their empty figures).
 */
export class RunInterrupted extends Error {
  constructor() {
    super('The load test was interrupted before this step started.');
    this.name = 'RunInterrupted';
  }
}
