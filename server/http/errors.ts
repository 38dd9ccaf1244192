import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Logger } from '../logger.ts';

/** A user error (4xx) with a stable code and a message a person can act on. */
export class AppError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export const notFound = (what: string) => new AppError(404, 'not_found', `${what} não encontrado`);

export function errorBody(code: string, message: string, details?: unknown) {
  return { error: details === undefined ? { code, message } : { code, message, details } };
}

/** The one place errors become responses: 4xx for what the client can fix, 500 (a bug) otherwise. */
export function handleError(logger: Logger) {
  return (err: Error, c: Context) => {
    if (err instanceof AppError) return c.json(errorBody(err.code, err.message, err.details), err.status);
    if (err instanceof HTTPException) {
      const status = err.status;
      if (status === 400) return c.json(errorBody('bad_json', 'O corpo da requisição não é um JSON válido.'), 400);
      if (status === 415)
        return c.json(errorBody('unsupported_media_type', 'Envie o corpo como application/json.'), 415);
      if (status === 413) return c.json(errorBody('payload_too_large', 'O corpo da requisição é grande demais.'), 413);
      if (status < 500) return c.json(errorBody('http_error', err.message || 'Requisição inválida.'), status);
    }
    logger.error('unhandled error', { path: c.req.path, method: c.req.method, err });
    return c.json(errorBody('internal', 'Erro interno. Já registramos o problema.'), 500);
  };
}
