import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { ApiError } from '../../src-core/sync';
import { findHostileContent } from './hostile-input';

/** An answer other than 200, with the French message the app shows as is. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly details?: ApiError['details'],
  ) {
    super(message);
  }
}

/** Parses a request body with its wire schema; 400 listing every problem otherwise, and for any hostile content. */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const hostile = findHostileContent(body);
  if (hostile) throw new HttpError(400, 'FORBIDDEN_CONTENT', `Requête refusée : ${hostile}`);
  const result = schema.safeParse(body ?? {});
  if (result.success) return result.data;
  const details = result.error.issues.map((issue) => ({ path: issue.path.join('.') || '(corps)', message: issue.message }));
  throw new HttpError(400, 'INVALID_REQUEST', `Requête invalide : ${details.map((d) => `${d.path} — ${d.message}`).join(' ; ')}`, details);
}

/** Fastify's own failures (body too large, bad JSON, poisoned keys…) in the API's French error format. */
function fromFastify(error: FastifyError): HttpError {
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new HttpError(413, 'BODY_TOO_LARGE', 'Requête trop volumineuse : envoyez les mutations en plusieurs lots.');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new HttpError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Type de contenu non pris en charge : envoyez du JSON (application/json).');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new HttpError(400, 'INVALID_JSON', 'Corps JSON vide.');
  }
  if (error.statusCode && error.statusCode < 500) return new HttpError(error.statusCode, error.code ?? 'BAD_REQUEST', 'Requête refusée.');
  return new HttpError(500, 'INTERNAL_ERROR', 'Erreur interne du serveur.');
}

export function sendError(reply: FastifyReply, error: HttpError): FastifyReply {
  const body: ApiError = { error: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) };
  return reply.code(error.statusCode).send(body);
}

export function errorHandler(error: FastifyError | HttpError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const httpError = error instanceof HttpError ? error : fromFastify(error);
  if (httpError.statusCode >= 500) request.log.error({ err: error }, 'request failed');
  return sendError(reply, httpError);
}
