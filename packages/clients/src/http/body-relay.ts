/** Receives each piece of a response body; returning `false` stops reading (the body is destroyed). */
export type ChunkReader = (chunk: Buffer) => boolean | undefined;

/**
 * Hands a response body's pieces to its one reader: pieces that arrive before
 * `DispatchedResponse.read` is called are held, later ones go straight to the reader, and the
 * promise `read` returns settles with the body's end or failure. Both transports' responses
 * (undici's handler and the lean transport's exchange) relay their bodies through one.
 */
export class BodyRelay {
  #pending: Buffer[] | undefined = [];
  #reader: ChunkReader | undefined;
  #settle: { resolve: () => void; reject: (e: Error) => void } | undefined;
  #ended = false;
  #error: Error | undefined;

  /**
   * A piece arrived.
   *
   * @param piece - body bytes
   * @returns false when the reader asked to stop (the response is then to be destroyed)
   */
  push(piece: Buffer): boolean {
    if (this.#reader === undefined) {
      this.#pending?.push(piece);
      return true;
    }
    return this.#reader(piece) !== false;
  }

  /** The body ended: `read` resolves. */
  end(): void {
    this.#ended = true;
    this.#settle?.resolve();
  }

  /** The body failed: `read` rejects with `error` (also when it is called later). */
  fail(error: Error): void {
    this.#error = error;
    this.#settle?.reject(error);
  }

  /** The consumer stopped reading: a `read` under way resolves. */
  stop(): void {
    this.#settle?.resolve();
  }

  /**
   * Reads the body to its end.
   *
   * @param reader - called synchronously with every piece, in order
   * @param destroy - destroys the response, when the reader returns false for a held piece
   * @returns resolves at the end of the body (or when the reader stops); rejects with its failure
   */
  read(reader: ChunkReader, destroy: () => void): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.#settle = { resolve, reject };
      const pending = this.#pending ?? [];
      this.#pending = undefined;
      for (const piece of pending) {
        if (reader(piece) === false) {
          destroy();
          resolve();
          return;
        }
      }
      if (this.#error !== undefined) reject(this.#error);
      else if (this.#ended) resolve();
      else this.#reader = reader;
    });
  }
}
