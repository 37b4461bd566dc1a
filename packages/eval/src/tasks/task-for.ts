import type { RunConfig } from '../config/run-config-schema.js';
import { classificationTask } from './classification-task.js';
import { generationTask } from './generation-task.js';
import { multipleChoiceTask } from './multiple-choice-task.js';
import { regressionTask } from './regression-task.js';
import type { TaskModule } from './task-module.js';

/**
 * The task module of a configuration's `task` section.
 *
 * @param task - the validated `task` section
 * @returns the module that parses, judges, encodes and compares for that task type
 * @example
 * taskFor(config.task).defaultMetrics([]); // ['accuracy', 'balanced_accuracy', 'f1_macro', 'precision_macro', 'recall_macro']
 */
export function taskFor(task: RunConfig['task']): TaskModule {
  switch (task.type) {
    case 'classification':
      return classificationTask(task);
    case 'regression':
      return regressionTask(task);
    case 'generation':
      return generationTask(task);
    case 'multiple-choice':
      return multipleChoiceTask(task);
  }
}
