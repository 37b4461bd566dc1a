import type { ServerResponse } from 'node:http';
import type { ServerContext } from '../context.js';
import { sendError, sendJsonText } from '../http-io.js';

function modelObject(ctx: ServerContext) {
  return { id: ctx.modelName, object: 'model', created: ctx.startedAt, owned_by: 'assay' };
}

/**
 * `GET /v1/models`: the one served model.
 *
 * @param ctx - server context
 * @param res - the response
 */
export function handleListModels(ctx: ServerContext, res: ServerResponse): void {
  sendJsonText(res, 200, JSON.stringify({ object: 'list', data: [modelObject(ctx)] }));
}

/**
 * `GET /v1/models/{id}`: the served model, or 404 for another id.
 *
 * @param ctx - server context
 * @param res - the response
 * @param id - requested model id (URL-decoded)
 */
export function handleRetrieveModel(ctx: ServerContext, res: ServerResponse, id: string): void {
  if (id !== ctx.modelName) {
    sendError(
      res,
      404,
      `The model '${id}' does not exist; this server serves '${ctx.modelName}'.`,
      {
        param: 'model',
        code: 'model_not_found',
      },
    );
    return;
  }
  sendJsonText(res, 200, JSON.stringify(modelObject(ctx)));
}
