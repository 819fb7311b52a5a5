import type { Socket } from 'node:net';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { ApiError } from '../../src-core/sync';
import { message, messageFr, type Message } from '../../src-core/messages';
import { checkInput } from '../../src-core/model/validate';
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
    said: string | Message | { text: string; said: Message },
    readonly details?: ApiError['details'],
  ) {
    super(typeof said === 'string' ? said : 'text' in said ? said.text : messageFr(said));
    if (typeof said !== 'string') this.said = 'text' in said ? said.said : said;
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
  const checked = checkInput(schema, body ?? {}, frenchLocale.localeError);
  if (checked.success) return checked.data as z.output<S>;
  const { issues } = checked;
  const listed = issues.slice(0, MAX_LISTED).map((issue) => {
    // The sender's keys, bounded: a said value over the wire's 2,000 characters would drop the whole code.
    const path = issue.path ? issue.path.slice(0, 200) : { word: 'http.invalidRequest.body' as const };
    return message('http.invalidRequest.issue', { path, reason: issue.said ? { message: issue.said } : issue.message });
  });
  const details = issues.slice(0, 100).map((issue) => ({ path: issue.path || messageFr(message('http.invalidRequest.body')), message: issue.message }));
  throw new HttpError(400, 'INVALID_REQUEST', invalidRequest(listed, issues.length), details);
}

/** Problems named in a 400's message (all of them are in `details`, up to 100). */
const MAX_LISTED = 20;

/** "Requête invalide : path — reason ; …" of the first problems, with their count beyond. */
export function invalidRequest(listed: Message[], count = listed.length): Message {
  return message('http.invalidRequest', { details: { clauses: listed }, more: count > MAX_LISTED ? { message: message('http.invalidRequest.more', { count }) } : '' });
}

/** Fastify's own refusals, in the API's French error format. */
function fromFastify(error: FastifyError): HttpError {
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return tooLarge();
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new HttpError(415, 'UNSUPPORTED_MEDIA_TYPE', message('http.unsupportedMediaType'));
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new HttpError(400, 'INVALID_JSON', message('http.emptyJson'));
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return invalidJson();
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new HttpError(400, 'INVALID_CONTENT_LENGTH', message('http.contentLength'));
    case 'FST_ERR_BAD_URL':
      return new HttpError(400, 'BAD_URL', message('http.badUrl'));
  }
  if (error.statusCode === 408) return timedOut();
  if (error.statusCode && error.statusCode < 500) return new HttpError(error.statusCode, error.code ?? 'BAD_REQUEST', message('http.refused'));
  return new HttpError(500, 'INTERNAL_ERROR', message('http.internal'));
}

export function invalidJson(): HttpError {
  return new HttpError(400, 'INVALID_JSON', message('http.invalidJson'));
}

export function tooLarge(limit?: number): HttpError {
  // The size as the server always wrote it (no thousands separator): a string, not a count.
  const most = limit ? { message: message('http.tooLarge.most', { kib: String(Math.round(limit / 1024)) }) } : '';
  return new HttpError(413, 'BODY_TOO_LARGE', message('http.tooLarge', { most }));
}

function timedOut(): HttpError {
  return new HttpError(408, 'REQUEST_TIMEOUT', message('http.timeout'));
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
        ? new HttpError(431, 'HEADERS_TOO_LARGE', message('http.headersTooLarge'))
        : new HttpError(400, 'BAD_REQUEST', message('http.malformed'));
  const body = JSON.stringify(errorBody(answer));
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${answer.statusCode} ${answer.code}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy();
}
