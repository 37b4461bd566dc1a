import type { SendingTime } from './journal-sending.js';
import type { Outcome } from './outcome.js';

/** How often a sending's time and answers so far go to the journal. */
export const SENDING_CHECKPOINT_MS = 2000;

/**
 * Records a model's sending time in the journal as it goes, not only when it ends: a run killed
 * outright (SIGKILL, a crash) keeps the sending of the answers it journaled, up to its last
 * checkpoint, so a resumed run's requests per second still counts them.
 *
 * @remarks Each checkpoint adds the time and the answers since the one before, so the journal's
 * row holds both up to the same moment and their ratio stays the service's rate. Nothing is
 * recorded before the sending's first answer: a rate of failures alone is no service figure.
 * @example
 * const recorded = [];
 * const meter = new SendingMeter((s) => recorded.push(s), 0, 0);
 * meter.observe({ status: 'ok', cached: false, outputTokens: 3 });
 * meter.finish(10);
 * recorded[0].answered; // 1
 */
export class SendingMeter {
  readonly #record: (s: Omit<SendingTime, 'runs'>) => void;
  readonly #timer: ReturnType<typeof setInterval> | undefined;
  #since: number;
  #answered = 0;
  #outputTokens = 0;
  #anyAnswer = false;

  /**
   * @param record - adds a sending to the journal (`RunJournal.recordSending` for one model)
   * @param started - `performance.now()` when the sending began
   * @param intervalMs - the checkpoint interval; 0 records only at {@link SendingMeter.finish}
   */
  constructor(
    record: (s: Omit<SendingTime, 'runs'>) => void,
    started: number,
    intervalMs = SENDING_CHECKPOINT_MS,
  ) {
    this.#record = record;
    this.#since = started;
    if (intervalMs > 0) {
      this.#timer = setInterval(() => {
        // a failed checkpoint must not crash the run from a timer: finish() records the whole
        // rest and reports a journal that cannot be written, as every outcome's record does
        try {
          this.#checkpoint(performance.now());
        } catch {
          this.stop();
        }
      }, intervalMs);
      this.#timer.unref();
    }
  }

  /** Counts an outcome as it is journaled: an answer from the service, not the cache. */
  observe(o: Outcome): void {
    if (o.status !== 'ok' || o.cached) return;
    this.#answered++;
    this.#outputTokens += o.outputTokens ?? 0;
    this.#anyAnswer = true;
  }

  /**
   * Records the rest of the sending and stops the checkpoints.
   *
   * @param now - `performance.now()` when the sending ended
   */
  finish(now: number): void {
    this.stop();
    this.#checkpoint(now);
  }

  /** Stops the checkpoints without recording (the sending failed; nothing more is owed). */
  stop(): void {
    if (this.#timer !== undefined) clearInterval(this.#timer);
  }

  #checkpoint(now: number): void {
    if (!this.#anyAnswer) return;
    this.#record({
      sendingMs: now - this.#since,
      answered: this.#answered,
      outputTokens: this.#outputTokens,
    });
    this.#since = now;
    this.#answered = 0;
    this.#outputTokens = 0;
  }
}
