import Fastify, { type FastifyInstance, type FastifyRequest, type FastifyServerOptions } from 'fastify';
import helmet from '@fastify/helmet';
import { API_ROUTES, API_ROLES, type ApiRole, type ApiRoute } from '../../src-core/sync';
import { hashToken } from '../auth/tokens';
import type { Db } from '../storage/db';
import { authenticate } from './auth';
import { compressReplies } from './compression';
import { DEFAULT_ALLOWED_ORIGINS, allowCrossOriginCalls } from './cors';
import { message } from '../../src-core/messages';
import { HttpError, clientErrorHandler, errorHandler, invalidJson, parseBody, sendError, tooLarge } from './errors';
import { handlers, type HandlerOptions } from './handlers';
import { cleanJson } from './hostile-input';
import { JsonText } from './json-text';
import { redactingLogger } from './log-redaction';
import { openApiDocument } from './openapi';
import { bearerToken, limitRequestRates, type RateLimiter } from './rate-limit';

export interface AppOptions extends HandlerOptions {
  /** Requests per minute of one authenticated token (default 1200). */
  rateLimitPerMinute?: number;
  /** Requests per minute of one address without a valid token: anonymous, invalid tokens, unknown paths, preflights (default 120). */
  anonymousRateLimitPerMinute?: number;
  /**
   * Behind a reverse proxy (the server has no TLS): which proxies to believe
   * about the client's address (X-Forwarded-For) — true (any) or the proxies'
   * addresses/CIDR ranges separated by commas. Default: none, the socket's
   * address is the client's.
   */
  trustProxy?: boolean | string;
  /** Origins allowed to read answers in a browser (default: the desktop app and `npm run web`). */
  allowedOrigins?: readonly string[];
  /** Serves /openapi.json without a token (default: to authenticated users only). */
  publicOpenApi?: boolean;
  /** A request whose headers and body have not all arrived after this long is answered 408 (default 30 s). */
  requestTimeoutMs?: number;
  logger?: FastifyServerOptions['logger'];
}

/** Small by default: only push and ingest carry bulk bodies, and they say so in API_ROUTES. */
const DEFAULT_BODY_LIMIT = 64 * 1024;
const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

export async function buildApp(db: Db, options: AppOptions = {}): Promise<FastifyInstance> {
  const requestTimeout = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  const app = Fastify({
    logger: redactingLogger(options.logger ?? false),
    bodyLimit: DEFAULT_BODY_LIMIT,
    trustProxy: options.trustProxy ?? false,
    // Slow or half-sent requests (an authenticated one included) do not hold a connection for ever.
    requestTimeout,
    connectionTimeout: requestTimeout * 2,
    // Node checks the request timeouts at this pace (30 s by default).
    http: { connectionsCheckingInterval: Math.min(1000, requestTimeout), headersTimeout: requestTimeout },
    clientErrorHandler,
  });
  app.setErrorHandler(errorHandler);
  // JSON only (anything else: 415). Plain JSON.parse: a "__proto__" key becomes an own property (never a
  // prototype), then cleanJson refuses it by name, with malformed text, and puts every string in NFC.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(String(body));
    } catch {
      return done(invalidJson(), undefined);
    }
    const cleaned = cleanJson(parsed);
    if (cleaned.ok) done(null, cleaned.value);
    else done(new HttpError(400, 'FORBIDDEN_CONTENT', message('http.forbiddenContent', { reason: { message: cleaned.reason } })), undefined);
  });
  await app.register(helmet);
  compressReplies(app);
  allowCrossOriginCalls(app, options.allowedOrigins ?? DEFAULT_ALLOWED_ORIGINS);
  const limiter = await limitRequestRates(app, {
    validTokenHashes: async () =>
      (await db.query<{ token_hash: string }>('select token_hash from api_tokens where revoked_at is null limit 10000')).map((row) => row.token_hash),
    perTokenPerMinute: options.rateLimitPerMinute ?? 1200,
    anonymousPerMinute: options.anonymousRateLimitPerMinute ?? 120,
  });
  app.setNotFoundHandler((request, reply) => sendError(reply, new HttpError(404, 'NOT_FOUND', message('http.notFound', { method: request.method, url: request.url.slice(0, 200) }))));

  const authenticated = (roles: readonly ApiRole[]) => async (request: FastifyRequest) => {
    request.apiUser = await authenticateCounted(db, limiter, request, roles);
  };
  const document = openApiDocument();
  app.get('/openapi.json', { onRequest: options.publicOpenApi ? [] : [authenticated(API_ROLES)] }, async () => document);

  const handle = handlers(db, options) as Record<string, (input: { user: unknown; body: unknown }) => Promise<unknown>>;
  for (const [name, route] of Object.entries(API_ROUTES) as [string, ApiRoute][]) {
    const handler = handle[name];
    if (!handler) throw new Error(`no handler for route ${name}`);
    const bodyLimit = route.bodyLimit ?? DEFAULT_BODY_LIMIT;
    app.route({
      method: route.method,
      url: route.path,
      bodyLimit,
      onRequest: [refuseAnnouncedOversize(bodyLimit), ...(route.roles.length > 0 ? [authenticated(route.roles)] : [])],
      handler: async (request, reply) => {
        const answer = await handler({ user: request.apiUser, body: route.body ? parseBody(route.body, request.body) : undefined });
        if (!(answer instanceof JsonText)) return answer;
        void reply.type('application/json; charset=utf-8');
        return answer.text;
      },
    });
  }
  return app;
}

/**
 * 413 from the Content-Length header alone, before any byte of the body is
 * read: the laptop reads a clear answer and splits its batch, instead of
 * having its upload cut (EPIPE) and retrying the same batch.
 */
function refuseAnnouncedOversize(limit: number) {
  return async (request: FastifyRequest) => {
    if (Number(request.headers['content-length'] ?? 0) > limit) throw tooLarge(limit);
  };
}

/** authenticate, telling the rate limiter which tokens are valid (counted per token) and which are not (per address). */
async function authenticateCounted(db: Db, limiter: RateLimiter, request: FastifyRequest, roles: readonly ApiRole[]) {
  const token = bearerToken(request);
  try {
    const user = await authenticate(db, request, roles);
    limiter.accepted(user.tokenHash);
    return user;
  } catch (error) {
    if (token !== undefined && error instanceof HttpError && error.statusCode === 401) limiter.refused(hashToken(token));
    throw error;
  }
}
