import type { FastifyInstance } from 'fastify';
import { message } from '../../src-core/messages';
import { HttpError } from './errors';

/**
 * The app's own origins: the desktop app's renderer (custom `app://contrats`
 * protocol) and `npm run web`, served on this machine (port 5180 by default,
 * any with --port: `:*` stands for any port).
 */
export const DEFAULT_ALLOWED_ORIGINS = ['app://contrats', 'http://127.0.0.1:*', 'http://localhost:*'] as const;

/** Exact origins, or `scheme://host:*` for that host on any port. */
function originMatcher(allowedOrigins: readonly string[]): (origin: string) => boolean {
  const exact = new Set(allowedOrigins.filter((origin) => !origin.endsWith(':*')));
  const anyPort = allowedOrigins.filter((origin) => origin.endsWith(':*')).map((origin) => origin.slice(0, -1));
  return (origin) => exact.has(origin) || anyPort.some((prefix) => origin.startsWith(prefix) && /^\d{1,5}$/.test(origin.slice(prefix.length)));
}

/**
 * The app calls the API from another origin; without CORS answers the
 * browser blocks every request before it is sent. Only the app's origins are
 * told they may read the answers: a foreign page a user visits gets nothing
 * readable, even from a server on the user's network. Requests without an
 * Origin (the CLI, the ingest feed, curl) are not concerned.
 */
export function allowCrossOriginCalls(app: FastifyInstance, allowedOrigins: readonly string[]): void {
  const allowed = originMatcher(allowedOrigins);
  app.addHook('onRequest', async (request, reply) => {
    const origin = request.headers.origin;
    if (!origin || !allowed(origin)) return;
    reply.header('access-control-allow-origin', origin);
    reply.header('vary', 'Origin');
    reply.header('access-control-allow-headers', 'authorization, content-type');
    reply.header('access-control-allow-methods', 'GET, POST, OPTIONS');
    reply.header('access-control-max-age', '600');
  });
  // The preflight carries no token: answered before any route's authentication (the rate limit still counts it).
  app.options('*', async (request, reply) => {
    const origin = request.headers.origin;
    if (origin && !allowed(origin)) throw new HttpError(403, 'ORIGIN_REFUSED', message('http.originRefused', { origin: origin.slice(0, 100) }));
    return reply.code(204).send();
  });
}
