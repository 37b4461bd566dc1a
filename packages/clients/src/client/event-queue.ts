/**
 * An unbounded single-consumer async queue: the producer pushes synchronously (from SSE
 * callbacks), the consumer iterates with `for await`.
 */
export class EventQueue<T> implements AsyncIterator<T> {
  #items: T[] = [];
  #head = 0;
  #ended = false;
  #error: unknown;
  #failed = false;
  #wake: (() => void) | undefined;

  /** Adds an item. */
  push(item: T): void {
    this.#items.push(item);
    this.#notify();
  }

  /** Ends the iteration after the queued items. */
  end(): void {
    this.#ended = true;
    this.#notify();
  }

  /** Ends the iteration with `error` after the queued items. */
  fail(error: unknown): void {
    this.#error = error;
    this.#failed = true;
    this.#notify();
  }

  /** Next item, waiting for one if needed. */
  async next(): Promise<IteratorResult<T>> {
    for (;;) {
      if (this.#head < this.#items.length) {
        const item = this.#items[this.#head]!;
        this.#items[this.#head] = undefined as T;
        this.#head++;
        if (this.#head === this.#items.length) {
          this.#items = [];
          this.#head = 0;
        }
        return { value: item, done: false };
      }
      if (this.#failed) throw this.#error;
      if (this.#ended) return { value: undefined, done: true };
      await new Promise<void>((resolve) => {
        this.#wake = resolve;
      });
    }
  }

  #notify(): void {
    const wake = this.#wake;
    if (wake !== undefined) {
      this.#wake = undefined;
      wake();
    }
  }
}
