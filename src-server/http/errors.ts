import type { Socket } from 'node:net';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { ApiError } from '../../src-core/sync';
import { messageFr, type Message } from '../../src-core/messages';
import { describeError } from './log-redaction';

/**
 * An answer other than 200, with the French message the app shows as is; a
 * refusal a person reads is given as a message code (issue 19): its French in
 * `message`, the code and values in `said` for the laptop's language.
 */
export class HttpError extends Error {
  readonly said?: Message;
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string | Message,
    readonly details?: ApiError['details'],
  ) {
    super(typeof message === 'string' ? message : messageFr(message));
    if (typeof message !== 'string') this.said = message;
  }
}

/** Zod's own French messages for what the wire schemas do not word themselves ("Too small: …" otherwise). */
const frenchLocale = z.locales.fr();

/**
 * Parses a request body with its wire schema; 400 listing every problem
 * otherwise. The wire schemas are strict objects, so a key the sender believes
 * it sent is refused rather than silently dropped.
 */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const result = schema.safeParse(body ?? {}, { error: frenchLocale.localeError });
  if (result.success) return result.data as z.output<S>;
  const details = result.error.issues.map((issue) => ({ path: issue.path.join('.') || '(corps)', message: issue.message }));
  const listed = details.slice(0, 20).map((d) => `${d.path} — ${d.message}`);
  throw new HttpError(400, 'INVALID_REQUEST', `Requête invalide : ${listed.join(' ; ')}${details.length > 20 ? ` ; … (${details.length} problèmes)` : ''}`, details.slice(0, 100));
}

/** Fastify's own refusals, in the API's French error format. */
function fromFastify(error: FastifyError): HttpError {
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return tooLarge();
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new HttpError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Type de contenu non pris en charge : envoyez du JSON (application/json).');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new HttpError(400, 'INVALID_JSON', 'Corps JSON vide.');
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new HttpError(400, 'INVALID_JSON', 'Corps JSON illisible.');
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new HttpError(400, 'INVALID_CONTENT_LENGTH', 'Longueur du corps (Content-Length) différente de ce qui a été reçu.');
    case 'FST_ERR_BAD_URL':
      return new HttpError(400, 'BAD_URL', 'Adresse de la requête mal formée.');
  }
  if (error.statusCode === 408) return timedOut();
  if (error.statusCode && error.statusCode < 500) return new HttpError(error.statusCode, error.code ?? 'BAD_REQUEST', 'Requête refusée.');
  return new HttpError(500, 'INTERNAL_ERROR', 'Erreur interne du serveur.');
}

export function tooLarge(limit?: number): HttpError {
  const most = limit ? ` (${Math.round(limit / 1024)} Kio au plus)` : '';
  return new HttpError(413, 'BODY_TOO_LARGE', `Requête trop volumineuse${most} : envoyez les mutations en plusieurs lots.`);
}

function timedOut(): HttpError {
  return new HttpError(408, 'REQUEST_TIMEOUT', 'Requête trop lente : le corps n’est pas arrivé à temps, réessayez.');
}

export function sendError(reply: FastifyReply, error: HttpError): FastifyReply {
  return reply.code(error.statusCode).send(errorBody(error));
}

function errorBody(error: HttpError): ApiError {
  return { error: error.code, message: error.message, ...(error.said ? { said: error.said } : {}), ...(error.details ? { details: error.details } : {}) };
}

export function errorHandler(error: FastifyError | HttpError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const httpError = error instanceof HttpError ? error : fromFastify(error);
  // Never the error itself: database errors carry the query's parameters (names, e-mails…).
  if (httpError.statusCode >= 500) request.log.error({ failure: describeError(error) }, 'request failed');
  return sendError(reply, httpError);
}

/**
 * What Node refuses before Fastify sees a request (headers too large, a body
 * that never finishes, malformed HTTP), answered in the API's French format
 * on the raw socket, then the connection is closed.
 */
export function clientErrorHandler(error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const answer =
    error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? timedOut()
      : error.code === 'HPE_HEADER_OVERFLOW'
        ? new HttpError(431, 'HEADERS_TOO_LARGE', 'En-têtes de la requête trop volumineux.')
        : new HttpError(400, 'BAD_REQUEST', 'Requête HTTP mal formée.');
  const body = JSON.stringify(errorBody(answer));
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${answer.statusCode} ${answer.code}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy();
}
