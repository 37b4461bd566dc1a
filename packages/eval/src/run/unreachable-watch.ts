import { isConnectTimeoutMessage, versionedBaseUrl } from '@assay/clients';
import type { ModelConfig } from '../config/run-config-schema.js';
import { EvaluationError } from '../errors.js';
import type { Outcome } from './journal.js';

/** The fewest transport failures, none answered, after which a model's sending stops. */
export const UNREACHABLE_AFTER = 20;

/**
 * Tells whether a failed request never reached the service: a connection that was refused,
 * reset or closed, a DNS or TLS failure (all the client's `connection` class), or a connect
 * timeout. An HTTP status or a malformed answer is the service answering, so it is not.
 *
 * @param outcome - a journaled outcome
 * @returns true for a transport failure
 * @example
 * isTransportFailure({ status: 'error', errorClass: 'connection' }); // true
 */
export function isTransportFailure(outcome: Outcome): boolean {
  if (outcome.status !== 'error') return false;
  if (outcome.errorClass === 'connection') return true;
  // a connect timeout is the client's `timeout` class, as are a headers or total timeout of a
  // service that was reached but slow: only the client's message tells them apart
  return outcome.errorClass === 'timeout' && isConnectTimeoutMessage(outcome.errorMessage ?? '');
}

/**
 * Why a model's sending stopped: its first requests all failed never reaching the service,
 * HTTP 404, or answers none of which could be read (`malformed_response`: a wrong http-json
 * answer path, another API's shape); or, after it answered, a run of requests in a row all
 * failed never reaching it (`lost`: the service went down mid-run).
 */
export type UnreachableKind = 'unreachable' | 'not_found' | 'rejected' | 'malformed' | 'lost';

/**
 * Tells whether a failed request was answered HTTP 404 Not Found: the service is up, but
 * serves nothing at the URL (most often a base URL without its `/v1`).
 *
 * @param outcome - a journaled outcome
 * @returns true for an HTTP 404
 * @example
 * isNotFound({ status: 'error', errorClass: 'http_status', httpStatus: 404 }); // true
 */
export function isNotFound(outcome: Outcome): boolean {
  return (
    outcome.status === 'error' && outcome.errorClass === 'http_status' && outcome.httpStatus === 404
  );
}

/**
 * Tells whether a failed request was answered HTTP 400 Bad Request or 422 Unprocessable
 * Content: the service refused the request as written (a parameter out of its range, a field
 * it does not take), which every other request of the model repeats.
 *
 * @param outcome - a journaled outcome
 * @returns true for an HTTP 400 or 422
 * @example
 * isRejected({ status: 'error', errorClass: 'http_status', httpStatus: 400 }); // true
 */
export function isRejected(outcome: Outcome): boolean {
  return (
    outcome.status === 'error' &&
    outcome.errorClass === 'http_status' &&
    (outcome.httpStatus === 400 || outcome.httpStatus === 422)
  );
}

/**
 * Watches one model's outcomes for a service that cannot be reached: once its first `after`
 * requests sent have all failed with a transport error and none was answered, it trips. It
 * trips the same way when they were all answered HTTP 404 Not Found (the wrong URL: every
 * other request would be answered the same), all HTTP 400 or 422 (a request the service
 * refuses as written: a parameter out of its range), or all failed as `malformed_response` (no answer
 * could be read: a wrong http-json answer path, another API's shape).
 *
 * @remarks
 * `after` is the larger of {@link UNREACHABLE_AFTER} and the model's concurrency, so a full
 * first wave of requests in flight can fail before the watch decides. Any other answer from the
 * service (an answer, an HTTP status but 404) disarms that first check for the rest of the
 * run, as does a failure of another of the three kinds after the first (a 404 after transport
 * failures): a service that answered once is reachable, and later failures are counted by the
 * representativeness rule instead. From then on one thing still trips it: `after` transport
 * failures in a row (`lost`, a service that went down mid-run; a trial's outage recorded the
 * 252 requests left as failures within seconds). Answers from the response cache prove nothing either way
 * and are ignored. The watch lives as long as the model's requests, across the rounds of
 * `evaluation.stop`.
 *
 * @example
 * const watch = new UnreachableWatch(8); // trips after 20 transport failures
 * const failure = { status: 'error', errorClass: 'connection', errorMessage: 'ECONNREFUSED', cached: false };
 * for (let i = 0; i < 19; i++) watch.observe(failure);
 * watch.observe(failure); // true: the 20th
 */
export class UnreachableWatch {
  /** transport failures (or HTTP 404 answers) needed to trip */
  readonly after: number;
  #failures = 0;
  #reached = false;
  #first: Outcome | undefined;
  #tripped = false;
  #kind: UnreachableKind | undefined;
  #answered = 0;

  /**
   * @param concurrency - the model's most requests in flight
   * @param answeredBefore - whether the journal holds an answer the service gave this model in
   *   an earlier run: the service was reached then, so only a streak trips the watch (`lost`).
   *   A resumed `--retry-failed` of 36 requests refused 400 for their length (164 answered
   *   before) was stopped as though every request would be refused.
   */
  constructor(concurrency: number, answeredBefore = false) {
    this.after = Math.max(UNREACHABLE_AFTER, concurrency);
    this.#reached = answeredBefore;
  }

  /**
   * Counts one outcome sent this run.
   *
   * @param outcome - the outcome
   * @returns true when this outcome trips the watch (once)
   */
  observe(outcome: Outcome): boolean {
    if (this.#tripped || outcome.cached) return false;
    if (this.#reached) return this.#observeReached(outcome);
    const kind = isTransportFailure(outcome)
      ? 'unreachable'
      : isNotFound(outcome)
        ? 'not_found'
        : isRejected(outcome)
          ? 'rejected'
          : outcome.status === 'error' && outcome.errorClass === 'malformed_response'
            ? 'malformed'
            : undefined;
    // an answer, another failure, or a failure of the other kind: the service answers there
    if (kind === undefined || (this.#kind !== undefined && kind !== this.#kind)) {
      this.#reached = true;
      this.#kind = undefined;
      this.#first = undefined;
      this.#failures = 0;
      return this.#observeReached(outcome);
    }
    this.#kind = kind;
    this.#first ??= outcome;
    this.#failures++;
    if (this.#failures < this.after) return false;
    this.#tripped = true;
    return true;
  }

  /**
   * Counts an outcome of a service that was reached: `after` transport failures in a row (in
   * the order they finished) mean it went down; anything else ends the streak. A flaky service
   * that resets 30% of its connections has 20 in a row once in 10^10 streaks.
   */
  #observeReached(outcome: Outcome): boolean {
    if (!isTransportFailure(outcome)) {
      if (outcome.status === 'ok') this.#answered++;
      this.#failures = 0;
      this.#first = undefined;
      return false;
    }
    this.#first ??= outcome;
    this.#failures++;
    if (this.#failures < this.after) return false;
    this.#kind = 'lost';
    this.#tripped = true;
    return true;
  }

  /** answers counted this run before the watch tripped (for `lost`: before the service went) */
  get answered(): number {
    return this.#answered;
  }

  /** whether the watch has tripped */
  get tripped(): boolean {
    return this.#tripped;
  }

  /**
   * what the counted failures were: `unreachable` (transport failures), `not_found` (HTTP
   * 404 answers: the service is there, but not at this URL) or `malformed` (answers none of
   * which could be read); undefined before the first
   */
  get kind(): UnreachableKind | undefined {
    return this.#kind;
  }

  /** failures counted */
  get failures(): number {
    return this.#failures;
  }

  /** the first failure counted */
  get first(): Outcome | undefined {
    return this.#first;
  }
}

/**
 * The error a run ends with when a model's service could not be reached: it names the model,
 * the base URL, the first error and the two ways on: start the service and rerun (the failed
 * requests re-sent only with `--retry-failed`), or rerun with a fixed base URL (a journal
 * holding no answer from the old one is taken over, its failures dropped; one holding answers
 * is refused, so then `--fresh` or another `--output`).
 *
 * @param model - the model
 * @param index - its index in `models`
 * @param watch - its tripped watch
 * @param answered - the answers the journal holds for the model (what a run against another
 *   base URL would refuse to mix in)
 * @returns a `RUN_FAILED` error at `models[index].baseUrl`
 * @example
 * const watch = new UnreachableWatch(1);
 * const failure = { status: 'error', errorClass: 'connection', errorMessage: 'ECONNREFUSED', cached: false };
 * while (!watch.observe(failure));
 * unreachableError(config.models[0], 0, watch).code; // 'RUN_FAILED'
 */
export function unreachableError(
  model: ModelConfig,
  index: number,
  watch: UnreachableWatch,
  answered = 0,
): EvaluationError {
  const first = watch.first?.errorMessage ?? 'no message';
  const n = watch.failures;
  if (watch.kind === 'not_found') return notFoundError(model, index, watch, answered);
  if (watch.kind === 'rejected') return rejectedError(model, index, watch);
  if (watch.kind === 'malformed') return malformedError(model, index, watch, answered);
  if (watch.kind === 'lost') return lostError(model, index, watch, answered);
  const fixedUrl =
    answered === 0
      ? `or, if the URL was wrong, run it with the right one in models[${index}].baseUrl (or --base-url, which sets every model's): the output directory holds no answer from this one, so its ${n} failed requests are dropped and sent to the new URL`
      : `or, if the URL was wrong, run it with the right one in models[${index}].baseUrl (or --base-url, which sets every model's) and --fresh (or another --output): the output directory holds ${answered} answers from this URL, which a run against another one refuses to mix in`;
  return new EvaluationError(
    'RUN_FAILED',
    `Model ${model.name}: the first ${n} requests to ${model.baseUrl} all failed before reaching the service (${watch.first?.errorClass ?? 'connection'}) and none was answered, so the run stopped sending. First error: ${first.replace(/\.$/, '')}. Start the service and run the same command again (it sends the requests not sent yet, and re-sends the ${n} failed ones only with --retry-failed), ${fixedUrl}.`,
    { path: `models[${index}].baseUrl` },
  );
}

/**
 * The error of a model whose first requests were all refused as bad requests: each further
 * one would be refused the same way (a trial's `temperature: 5` sent all 300 for 300 HTTP 400s).
 */
function rejectedError(
  model: ModelConfig,
  index: number,
  watch: UnreachableWatch,
): EvaluationError {
  const first = (watch.first?.errorMessage ?? 'no message').replace(/\.$/, '');
  const status = watch.first?.httpStatus ?? 400;
  return new EvaluationError(
    'RUN_FAILED',
    `Model ${model.name}: the first ${watch.failures} requests to ${model.baseUrl} were all refused as bad requests (HTTP ${status}), so the run stopped sending: every other request would be refused the same way. Check models[${index}].params (a value out of the service's range, e.g. temperature), models[${index}].model and any extra fields against what the service accepts; its answer says what it refused. First error: ${first}. Once fixed, run the same command: the changed settings ask again (with the same settings the failures are reused unless --retry-failed).`,
    { path: `models[${index}].params` },
  );
}

/**
 * The error of a model whose service stopped answering mid-run: the failures of the streak are
 * journaled, so a plain rerun would reuse them; `--retry-failed` sends them again with the
 * requests not sent yet, and keeps every answer.
 */
function lostError(
  model: ModelConfig,
  index: number,
  watch: UnreachableWatch,
  answered: number,
): EvaluationError {
  const first = (watch.first?.errorMessage ?? 'no message').replace(/\.$/, '');
  const n = watch.failures;
  const before =
    watch.answered > 0 ? `after ${watch.answered} answers this run` : 'after it had answered';
  // no answer this run: the service may have moved since the journal's answers
  const moved =
    watch.answered > 0
      ? ''
      : ` Or, if the URL is no longer right, run it with the right one in models[${index}].baseUrl (or --base-url, which sets every model's) and --fresh (or another --output): the output directory holds ${answered} answers from this URL, which a run against another one refuses to mix in.`;
  return new EvaluationError(
    'RUN_FAILED',
    `Model ${model.name}: the service at ${model.baseUrl} stopped answering: ${before}, the last ${n} requests in a row all failed before reaching it (${watch.first?.errorClass ?? 'connection'}), so the run stopped sending rather than record every request left as failed. First error of the streak: ${first}. Start the service and run the same command with --retry-failed: it sends the requests not sent yet and re-sends the failed ones (these ${n} among them); the answers are kept.${moved}`,
    { path: `models[${index}].baseUrl` },
  );
}

/**
 * The error of a model none of whose first answers could be read: every further request would
 * be paid for and fail the same way (a trial's wrong http-json answer path failed all 198).
 */
function malformedError(
  model: ModelConfig,
  index: number,
  watch: UnreachableWatch,
  answered: number,
): EvaluationError {
  const first = (watch.first?.errorMessage ?? 'no message').replace(/\.$/, '');
  const httpJson = model.provider === 'http-json';
  const path = `models[${index}].${httpJson ? 'paths.text' : 'provider'}`;
  const hint = httpJson
    ? `check ${path} (and the template and requestPath): the answer is not where it points`
    : `check models[${index}].provider (${model.provider}) and baseUrl: the service does not answer in that API's shape`;
  const changed = httpJson ? 'paths.text, template or requestPath' : 'provider or baseUrl';
  // a journal with answers refuses a changed endpoint: starting over is the way then
  const rerun =
    answered === 0
      ? `Once fixed, run the same command: a changed ${changed} drops the ${watch.failures} failed requests and asks again (with the same settings they are reused as failures unless --retry-failed).`
      : `Once fixed, run the same command with --fresh (or another --output): the output directory holds ${answered} answers read with the old settings, which a run with a changed ${changed} refuses to mix in.`;
  return new EvaluationError(
    'RUN_FAILED',
    `Model ${model.name}: none of the first ${watch.failures} answers from ${model.baseUrl} could be read (malformed_response), so the run stopped sending; ${hint}. First error: ${first}. ${rerun}`,
    { path },
  );
}

/**
 * The error of a model whose first requests were all answered HTTP 404: it names the request
 * the service refused (`POST <url>`), the config path to fix, and, for a base URL without a
 * `/v1` path, the URL with it (OpenAI-compatible servers serve under `/v1`).
 */
function notFoundError(
  model: ModelConfig,
  index: number,
  watch: UnreachableWatch,
  answered: number,
): EvaluationError {
  const first = watch.first?.errorMessage ?? 'no message';
  const n = watch.failures;
  const request = /\b(POST|GET) (\S+?) with HTTP 404\b/.exec(first);
  const what = request === null ? `POST ${model.baseUrl}` : `${request[1]} ${request[2]}`;
  const withV1 = versionedBaseUrl(model.baseUrl);
  const hint =
    withV1 === undefined
      ? `check models[${index}].baseUrl: it should be the URL the service serves its API under`
      : `check models[${index}].baseUrl (OpenAI-compatible servers usually serve under /v1: ${withV1})`;
  const rerun =
    answered === 0
      ? `Run the same command with the fixed URL (in models[${index}].baseUrl, or --base-url, which sets every model's): the output directory holds no answer from this one, so its ${n} failed requests are dropped and sent to the new URL.`
      : `Run the same command with the fixed URL (in models[${index}].baseUrl, or --base-url, which sets every model's) and --fresh (or another --output): the output directory holds ${answered} answers from this URL, which a run against another one refuses to mix in.`;
  return new EvaluationError(
    'RUN_FAILED',
    `Model ${model.name}: the first ${n} requests to ${model.baseUrl} were all answered 404 Not Found, so the run stopped sending. The service answered 404 Not Found for ${what}; ${hint}. First error: ${first.replace(/\.$/, '')}. ${rerun}`,
    { path: `models[${index}].baseUrl` },
  );
}
