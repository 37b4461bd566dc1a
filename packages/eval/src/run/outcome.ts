/** Timing, token and cost figures kept for one answered or failed request. */
export interface OutcomeMetrics {
  /** time to first token, ms (streamed requests) */
  ttftMs: number | null;
  /** time per output token, ms (streamed requests) */
  tpotMs: number | null;
  /** end-to-end latency of the final attempt, ms */
  e2eMs: number | null;
  /** prompt tokens */
  inputTokens: number | null;
  /** completion tokens */
  outputTokens: number | null;
  /** cost in USD, when the model has a price */
  costUsd: number | null;
  /** retries taken */
  retries: number;
  /**
   * the label whose probability `score` is (the positive label when it was recorded); absent
   * without a score and in journals written before it was kept
   */
  scoreOf?: string;
  /**
   * the HTTP status of a failed request's last response, when one arrived; absent for answers,
   * failures before a status, and journals written before it was kept
   */
  httpStatus?: number;
  /**
   * the model id the service said answered (`Completion.servedModel`); absent for failures,
   * answers whose response named none, and journals written before it was kept
   */
  servedModel?: string;
  /**
   * the id of the run that recorded it (`RunJournal.run`), which names its row of sending time;
   * absent in journals written before it was kept
   */
  run?: number;
}

/** The durable record of one request of one model. */
export interface Outcome extends OutcomeMetrics {
  /** model name (config `models[].name`) */
  model: string;
  /** request key (prompt and parameters hash) */
  key: string;
  /** `ok`: answered; `error`: failed after retries */
  status: 'ok' | 'error';
  /** answer text (`ok`) */
  text: string | null;
  /** probability of the positive label from log-probabilities, when available */
  score: number | null;
  /** error class (`timeout`, `http_status`, …) or client error code (`error`) */
  errorClass: string | null;
  /** error message (`error`) */
  errorMessage: string | null;
  /** whether the answer came from the response cache */
  cached: boolean;
  /** when the journal recorded it (ISO 8601); set by {@link RunJournal.load}, not recorded */
  writtenAt?: string;
}
