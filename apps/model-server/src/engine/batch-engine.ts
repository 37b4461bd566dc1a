import { ModelServerError } from '../errors.js';

/** Settings of the batching engine simulator (`--batch-slots`, `--step-ms`, `--prefill-tps`). */
export interface BatchEngineOptions {
  /** Sequences decoded at once; the rest wait in a FIFO queue. */
  readonly batchSlots: number;
  /** Milliseconds of one decode step; each step emits one token for every decoding sequence. */
  readonly stepMs: number;
  /** Prompt tokens processed per second before a sequence's first token; default: no prefill time. */
  readonly prefillTps?: number | undefined;
}

/** One sequence handed to the engine: how long it is and where its tokens go. */
export interface EngineSequence {
  /** Prompt tokens (prefill time = promptTokens / prefillTps). */
  readonly promptTokens: number;
  /** Tokens to emit (at least 1). */
  readonly outputTokens: number;
  /** Called once per emitted token with its index, in order. */
  onToken(index: number): void;
  /** Called after the last token. */
  onDone(): void;
  /** `false` once the client went away: the sequence leaves its slot at the next step. */
  isOpen(): boolean;
}

/** Counters of the engine, for `GET /stats`. */
export interface BatchEngineStats {
  /** Sequences decoding now. */
  readonly active: number;
  /** Sequences waiting for a slot. */
  readonly queued: number;
  /** Decode steps run since start. */
  readonly steps: number;
  /** Sequences finished since start. */
  readonly finished: number;
}

interface Slot {
  readonly seq: EngineSequence;
  /** Step index at or after which the sequence decodes (end of its prefill). */
  readyStep: number;
  emitted: number;
}

/**
 * A continuous-batching engine with a known capacity: `batchSlots` sequences decode together,
 * one token each per `stepMs` step, and waiting sequences join at the next step in FIFO order.
 *
 * @remarks
 * Steps run on an absolute schedule (step k at `t0 + k * stepMs`); when the event loop is late
 * the overdue steps run back to back, so the token rate does not drift below the schedule.
 * A sequence admitted at step k prefills for `ceil(promptTokens / prefillTps / stepMs)` steps
 * and then emits its tokens at steps k + p + 1, ..., k + p + n, holding its slot throughout.
 * Its capacity is therefore `batchSlots / ((n + p) * stepMs)` requests per millisecond; with no
 * prefill, `batchSlots / (maxTokens * stepMs)` as the issue states. The timer runs only while
 * sequences are queued or decoding.
 *
 * @example
 * ```ts
 * const engine = new BatchEngine({ batchSlots: 4, stepMs: 10 });
 * engine.submit({ promptTokens: 0, outputTokens: 3, onToken: (i) => console.log(i),
 *   onDone: () => console.log('done'), isOpen: () => true });
 * ```
 */
export class BatchEngine {
  private readonly slots: Slot[] = [];
  private readonly queue: EngineSequence[] = [];
  private queueHead = 0;
  private timer: NodeJS.Timeout | undefined;
  private origin = 0;
  private step = 0;
  private stepsRun = 0;
  private finished = 0;
  readonly batchSlots: number;
  readonly stepMs: number;
  readonly prefillTps: number | undefined;

  /**
   * @param options - slots, step and prefill rate
   * @throws {@link ModelServerError} `INVALID_OPTION` for a non-positive or non-integer slot count,
   *   a non-positive step or prefill rate
   */
  constructor(options: BatchEngineOptions) {
    if (!Number.isInteger(options.batchSlots) || options.batchSlots < 1) {
      throw new ModelServerError(
        'INVALID_OPTION',
        `batchSlots is ${options.batchSlots}; expected an integer of at least 1.`,
        'batchSlots',
      );
    }
    if (!(options.stepMs > 0) || !Number.isFinite(options.stepMs)) {
      throw new ModelServerError(
        'INVALID_OPTION',
        `stepMs is ${options.stepMs}; expected a finite number of milliseconds above 0.`,
        'stepMs',
      );
    }
    if (options.prefillTps !== undefined && !(options.prefillTps > 0)) {
      throw new ModelServerError(
        'INVALID_OPTION',
        `prefillTps is ${options.prefillTps}; expected a number of tokens per second above 0.`,
        'prefillTps',
      );
    }
    this.batchSlots = options.batchSlots;
    this.stepMs = options.stepMs;
    this.prefillTps = options.prefillTps;
  }

  /**
   * Queues a sequence; it joins the batch at the next step with a free slot.
   *
   * @param seq - the sequence
   */
  submit(seq: EngineSequence): void {
    this.queue.push(seq);
    if (this.timer === undefined) {
      this.origin = performance.now();
      this.step = 0;
      this.schedule();
    }
  }

  /** @returns a snapshot of the counters */
  stats(): BatchEngineStats {
    return {
      active: this.slots.length,
      queued: this.queue.length - this.queueHead,
      steps: this.stepsRun,
      finished: this.finished,
    };
  }

  /** Stops the timer and forgets every sequence (the server is closing). */
  stop(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.slots.length = 0;
    this.queue.length = 0;
    this.queueHead = 0;
  }

  private schedule(): void {
    const due = this.origin + (this.step + 1) * this.stepMs;
    this.timer = setTimeout(() => this.tick(), Math.max(0, due - performance.now()));
  }

  private tick(): void {
    const now = performance.now();
    // overdue steps run back to back so that a late timer does not lower the capacity
    let due = Math.max(1, Math.floor((now - this.origin) / this.stepMs) - this.step);
    while (due-- > 0) {
      this.admit();
      this.runStep();
    }
    if (this.slots.length === 0 && this.queue.length === this.queueHead) {
      this.timer = undefined;
      this.queue.length = 0;
      this.queueHead = 0;
      return;
    }
    this.schedule();
  }

  private admit(): void {
    while (this.slots.length < this.batchSlots && this.queueHead < this.queue.length) {
      const seq = this.queue[this.queueHead++]!;
      if (!seq.isOpen()) continue;
      const prefillMs =
        this.prefillTps === undefined ? 0 : (seq.promptTokens / this.prefillTps) * 1000;
      this.slots.push({
        seq,
        readyStep: this.step + Math.ceil(prefillMs / this.stepMs),
        emitted: 0,
      });
    }
    if (this.queueHead > 1024 && this.queueHead * 2 > this.queue.length) {
      this.queue.splice(0, this.queueHead);
      this.queueHead = 0;
    }
  }

  private runStep(): void {
    const step = this.step++;
    this.stepsRun++;
    let kept = 0;
    for (const slot of this.slots) {
      if (!slot.seq.isOpen()) continue;
      if (step >= slot.readyStep) {
        slot.seq.onToken(slot.emitted++);
        if (slot.emitted >= slot.seq.outputTokens) {
          this.finished++;
          slot.seq.onDone();
          continue;
        }
      }
      this.slots[kept++] = slot;
    }
    this.slots.length = kept;
  }
}
