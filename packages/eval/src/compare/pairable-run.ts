import type { RunResults } from '@assay/report';
import type { PredictionRow } from '../run/prediction-row.js';

/** What pairing needs of a run: a finished one (`ComparedRun`), or the run being summarized. */
export interface PairableRun {
  /** the results file, to name the run in messages */
  readonly resultsFile: string;
  /** its prediction rows */
  readonly rows: readonly PredictionRow[];
  /** its task, data set, configuration and models */
  readonly results: Pick<RunResults, 'task' | 'dataset' | 'config'> & {
    readonly models: readonly { readonly name: string }[];
  };
}
