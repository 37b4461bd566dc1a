import type { ServerResponse } from 'node:http';
import type { ServerContext } from '../context.js';
import { sendError, sendJsonText } from '../http-io.js';
import { GENERATIVE_MODEL_IDS } from '../served-models.js';

function modelObject(ctx: ServerContext, id: string) {
  return { id, object: 'model', created: ctx.startedAt, owned_by: 'assay' };
}

/** The served model ids: the spam filter first, then the generative models. */
export function servedModelIds(ctx: ServerContext): string[] {
  return [ctx.modelName, ...GENERATIVE_MODEL_IDS];
}

/**
 * `GET /v1/models`: the served models.
 *
 * @param ctx - server context
 * @param res - the response
 */
export function handleListModels(ctx: ServerContext, res: ServerResponse): void {
  const data = servedModelIds(ctx).map((id) => modelObject(ctx, id));
  sendJsonText(res, 200, JSON.stringify({ object: 'list', data }));
}

/**
 * `GET /v1/models/{id}`: a served model, or 404 for another id.
 *
 * @param ctx - server context
 * @param res - the response
 * @param id - requested model id (URL-decoded)
 */
export function handleRetrieveModel(ctx: ServerContext, res: ServerResponse, id: string): void {
  const ids = servedModelIds(ctx);
  if (!ids.includes(id)) {
    sendError(
      res,
      404,
      `The model '${id}' does not exist; this server serves ${ids.map((m) => `'${m}'`).join(', ')}.`,
      {
        param: 'model',
        code: 'model_not_found',
      },
    );
    return;
  }
  sendJsonText(res, 200, JSON.stringify(modelObject(ctx, id)));
}
