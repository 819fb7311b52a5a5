import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import rateLimit from '@fastify/rate-limit';
import { API_ROUTES, type ApiRoute } from '../../src-core/sync';
import type { Db } from '../storage/db';
import { authenticate } from './auth';
import { allowCrossOriginCalls } from './cors';
import { HttpError, errorHandler, parseBody, sendError } from './errors';
import { handlers } from './handlers';
import { openApiDocument } from './openapi';

export interface AppOptions {
  /** Requests per minute and client address. */
  rateLimitPerMinute?: number;
  logger?: FastifyServerOptions['logger'];
}

/** Small by default: only push and ingest carry bulk bodies, and they say so in API_ROUTES. */
const DEFAULT_BODY_LIMIT = 64 * 1024;

export async function buildApp(db: Db, options: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: DEFAULT_BODY_LIMIT,
  });
  app.setErrorHandler(errorHandler);
  // JSON only (anything else: 415). Plain JSON.parse: a "__proto__" key becomes an own property (never a prototype),
  // then parseBody refuses it by name with every other hostile key (hostile-input).
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    try {
      done(null, JSON.parse(String(body)));
    } catch {
      done(new HttpError(400, 'INVALID_JSON', 'Corps JSON illisible.'), undefined);
    }
  });
  allowCrossOriginCalls(app);
  app.setNotFoundHandler((request, reply) => sendError(reply, new HttpError(404, 'NOT_FOUND', `Route inconnue : ${request.method} ${request.url}`)));
  await app.register(rateLimit, {
    max: options.rateLimitPerMinute ?? 1200,
    timeWindow: 60_000,
    errorResponseBuilder: () => new HttpError(429, 'RATE_LIMITED', 'Trop de requêtes : réessayez dans un instant.'),
  });

  const document = openApiDocument();
  app.get('/openapi.json', async () => document);

  const handle = handlers(db) as Record<string, (input: { user: unknown; body: unknown }) => Promise<unknown>>;
  for (const [name, route] of Object.entries(API_ROUTES) as [string, ApiRoute][]) {
    const handler = handle[name];
    if (!handler) throw new Error(`no handler for route ${name}`);
    app.route({
      method: route.method,
      url: route.path,
      ...(route.bodyLimit ? { bodyLimit: route.bodyLimit } : {}),
      onRequest: async (request) => {
        if (route.roles.length > 0) request.apiUser = await authenticate(db, request, route.roles);
      },
      handler: async (request) => handler({ user: request.apiUser, body: route.body ? parseBody(route.body, request.body) : undefined }),
    });
  }
  return app;
}
