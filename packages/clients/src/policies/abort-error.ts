/** The rejection of a policy wait cancelled by its signal (the client records it as `'abort'`). */
export class PolicyAbortError extends Error {
  override readonly name = 'PolicyAbortError';
  /** @param what - what was being waited for */
  constructor(what: string) {
    super(`The wait for ${what} was aborted.`);
  }
}
