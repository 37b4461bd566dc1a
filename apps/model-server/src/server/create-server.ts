import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BatchEngine, type BatchEngineOptions } from '../engine/batch-engine.js';
import { ModelServerError } from '../errors.js';
import { FaultInjector } from '../faults/inject.js';
import type { FaultOptions } from '../faults/parse-fault-header.js';
import { createRandom } from '../faults/random.js';
import { type SpamModel, trainSpamModel } from '../model/naive-bayes.js';
import { fitSubjectModel, type SubjectModel } from '../subjects/subject-model.js';
import { warmTokenizer } from '../tokens/count-tokens.js';
import type { ModelServerStats, ServerContext } from './context.js';
import { readBody, sendError, sendJsonText } from './http-io.js';
import { handleChatCompletions } from './routes/chat-completions.js';
import { handleCompletions } from './routes/completions.js';
import { handleListModels, handleRetrieveModel, servedModelIds } from './routes/models.js';
import { GENERATIVE_MODEL_IDS } from './served-models.js';

/** Options of {@link startModelServer}. */
export interface ModelServerOptions {
  /** Interface to bind; default `'127.0.0.1'`. */
  host?: string;
  /** Port; default 0 (a free port chosen by the OS). */
  port?: number;
  /** Server-wide fault defaults; each request's `x-assay-fault` header overrides them field by field. */
  faults?: FaultOptions;
  /** A trained model, to skip training; default `trainSpamModel()` (cached per process). */
  model?: SpamModel;
  /** Name of the spam filter in responses and `/v1/models`; default `'assay-spam-nb'`. */
  modelName?: string;
  /** A fitted subject model, to skip fitting; default `fitSubjectModel()` (cached per process). */
  subjectModel?: SubjectModel;
  /** Seed of the fault RNG (rates, latency draws) and of sampling without a request `seed`; default 1. */
  seed?: number;
  /**
   * The batching engine simulator (`--batch-slots`, `--step-ms`, `--prefill-tps`): answers wait
   * for one of `batchSlots` slots and stream one token per `stepMs`; default: none (answers at once).
   */
  engine?: BatchEngineOptions;
}

/** A running model server. */
export interface ModelServer {
  /** `'http://127.0.0.1:PORT'`. */
  readonly url: string;
  /** `url + '/v1'`, what OpenAI clients take as `baseURL`. */
  readonly baseUrl: string;
  readonly port: number;
  /** A snapshot of the counters. */
  stats(): ModelServerStats;
  /** Zeroes the counters and forgets fail-first keys. */
  resetStats(): void;
  /** Stops listening and destroys every open connection (stalled streams included). */
  close(): Promise<void>;
}

function snapshot(stats: ModelServerStats): ModelServerStats {
  return {
    requests: stats.requests,
    completions: stats.completions,
    byPath: { ...stats.byPath },
    faultsInjected: { ...stats.faultsInjected },
  };
}

function route(ctx: ServerContext, req: IncomingMessage, res: ServerResponse): void {
  ctx.stats.requests++;
  const url = req.url ?? '/';
  const q = url.indexOf('?');
  const path = q === -1 ? url : url.slice(0, q);
  const method = req.method ?? 'GET';
  let post: ((raw: string) => Promise<void>) | undefined;
  let get: (() => void) | undefined;
  switch (path) {
    case '/v1/chat/completions':
      post = (raw) => handleChatCompletions(ctx, req, res, raw);
      break;
    case '/v1/completions':
      post = (raw) => handleCompletions(ctx, req, res, raw);
      break;
    case '/v1/models':
      get = () => handleListModels(ctx, res);
      break;
    case '/health':
      get = () =>
        sendJsonText(
          res,
          200,
          JSON.stringify({ status: 'ok', model: ctx.modelName, models: servedModelIds(ctx) }),
        );
      break;
    case '/stats':
      get = () =>
        sendJsonText(
          res,
          200,
          JSON.stringify(
            ctx.engine === undefined ? ctx.stats : { ...ctx.stats, engine: ctx.engine.stats() },
          ),
        );
      break;
    default:
      if (path.startsWith('/v1/models/')) {
        const id = decodeURIComponent(path.slice('/v1/models/'.length));
        get = () => handleRetrieveModel(ctx, res, id);
      }
  }
  const key =
    post !== undefined || get !== undefined
      ? get !== undefined && path.startsWith('/v1/models/')
        ? '/v1/models/{id}'
        : path
      : '(unmatched)';
  ctx.stats.byPath[key] = (ctx.stats.byPath[key] ?? 0) + 1;
  if (post === undefined && get === undefined) {
    req.resume();
    sendError(
      res,
      404,
      `Unknown route ${method} ${path}; see GET /v1/models, POST /v1/chat/completions, POST /v1/completions, GET /health, GET /stats.`,
      { code: 'not_found' },
    );
    return;
  }
  if (post !== undefined && method === 'POST') {
    const handler = post;
    readBody(req)
      .then((raw) => {
        if (raw === undefined) {
          if (!res.headersSent && !res.destroyed) {
            sendError(res, 413, 'The request body is larger than 16 MiB.', {
              code: 'body_too_large',
            });
          }
          return;
        }
        return handler(raw);
      })
      .catch((error: unknown) => {
        if (!res.headersSent && !res.destroyed) {
          sendError(res, 500, `Internal error: ${(error as Error).message}`, {
            type: 'server_error',
          });
        } else {
          res.destroy();
        }
      });
    return;
  }
  if (get !== undefined && (method === 'GET' || method === 'HEAD')) {
    req.resume();
    get();
    return;
  }
  req.resume();
  sendError(
    res,
    405,
    `Method ${method} is not allowed on ${path}; use ${post !== undefined ? 'POST' : 'GET'}.`,
    {
      code: 'method_not_allowed',
      headers: { allow: post !== undefined ? 'POST' : 'GET' },
    },
  );
}

/**
 * Starts the spam filter, `assay-subject-extractive` and `assay-overlap-judge` behind an
 * OpenAI-compatible HTTP API.
 *
 * @remarks
 * Trains the spam model unless `options.model` is given and fits the subject model's IDF unless
 * `options.subjectModel` is given (about a second each, cached per process), builds the
 * tokenizer, then listens. Endpoints: `POST /v1/chat/completions`, `POST /v1/completions`,
 * `GET /v1/models`, `GET /v1/models/{id}`, `GET /health`, `GET /stats`.
 *
 * @param options - {@link ModelServerOptions}
 * @returns the running server
 * @throws {@link ModelServerError} `INVALID_OPTION` for a bad port or seed, or a `modelName` equal
 *   to a generative model's id; listen errors as is
 * @example
 * ```ts
 * const server = await startModelServer();
 * const client = new OpenAI({ baseURL: server.baseUrl, apiKey: 'unused' });
 * await server.close();
 * ```
 */
export async function startModelServer(options: ModelServerOptions = {}): Promise<ModelServer> {
  const host = options.host ?? '127.0.0.1';
  const port = options.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new ModelServerError(
      'INVALID_OPTION',
      `options.port is ${port}; expected an integer in [0, 65535].`,
      'options.port',
    );
  }
  const seed = options.seed ?? 1;
  if (!Number.isInteger(seed)) {
    throw new ModelServerError(
      'INVALID_OPTION',
      `options.seed is ${seed}; expected an integer.`,
      'options.seed',
    );
  }
  const modelName = options.modelName ?? 'assay-spam-nb';
  if (GENERATIVE_MODEL_IDS.includes(modelName)) {
    throw new ModelServerError(
      'INVALID_OPTION',
      `options.modelName is '${modelName}', the id of a generative model of this server; name the spam filter something else (default 'assay-spam-nb').`,
      'options.modelName',
    );
  }
  const model = options.model ?? trainSpamModel();
  const subjectModel = options.subjectModel ?? fitSubjectModel();
  warmTokenizer();
  const stats: ModelServerStats = { requests: 0, completions: 0, byPath: {}, faultsInjected: {} };
  const injector = new FaultInjector(seed, stats.faultsInjected);
  const engine = options.engine === undefined ? undefined : new BatchEngine(options.engine);
  const idPrefix = Math.floor(Math.random() * 0xffffff).toString(36);
  let counter = 0;
  const ctx: ServerContext = {
    model,
    modelName,
    subjectModel,
    // a stream of its own, so sampling does not shift the fault draws of a seeded run
    sampleRandom: createRandom((seed ^ 0x5a3c96e1) >>> 0),
    faults: options.faults ?? {},
    injector,
    stats,
    startedAt: Math.floor(Date.now() / 1000),
    predictions: new Map(),
    faultSpecs: new Map(),
    engine,
    nextId: (prefix) => `${prefix}${idPrefix}${(++counter).toString(36)}`,
  };
  const server = createServer({ keepAliveTimeout: 65_000 }, (req, res) => route(ctx, req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const actualPort = (server.address() as AddressInfo).port;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${actualPort}`;
  let closing: Promise<void> | undefined;
  return {
    url,
    baseUrl: `${url}/v1`,
    port: actualPort,
    stats: () => snapshot(stats),
    resetStats: () => {
      stats.requests = 0;
      stats.completions = 0;
      for (const k of Object.keys(stats.byPath)) delete stats.byPath[k];
      for (const k of Object.keys(stats.faultsInjected)) delete stats.faultsInjected[k];
      injector.reset();
    },
    close: () => {
      closing ??= new Promise<void>((resolve) => {
        engine?.stop();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
