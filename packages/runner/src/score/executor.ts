import type {
  BootstrapTask,
  ConfusionTask,
  FoldsTask,
  LabelScanTask,
  MultinomialTask,
  PairedBootstrapTask,
  RowsTask,
  SharedPassTask,
  StratifiedFoldTask,
  ValuesResult,
} from '../pool/task-types.js';
import type { FoldsResult } from '../pool/worker-tasks.js';

/** Where tasks run: a worker pool, or the calling thread. */
export interface Executor {
  confusion(task: ConfusionTask): Promise<Float64Array>;
  values(
    task: RowsTask | BootstrapTask | MultinomialTask | PairedBootstrapTask,
  ): Promise<ValuesResult>;
  folds(task: FoldsTask): Promise<FoldsResult>;
  foldTask(task: StratifiedFoldTask): Promise<Int32Array | null>;
  labelScan(task: LabelScanTask): Promise<Int32Array>;
  sharedPass(task: SharedPassTask): Promise<Int32Array | Float64Array | null>;
}
