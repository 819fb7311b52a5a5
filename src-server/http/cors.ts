import type { FastifyInstance } from 'fastify';

/**
 * The app calls the API from another origin: `file://` (Origin "null") in
 * Electron, http://127.0.0.1:<port> under `npm run web`. Without CORS headers
 * the browser blocks every request before it is sent. Any origin is allowed:
 * authentication is a bearer token the page must hold, never a cookie, so a
 * foreign page gains nothing from being allowed to call.
 */
export function allowCrossOriginCalls(app: FastifyInstance): void {
  app.addHook('onRequest', async (request, reply) => {
    if (!request.headers.origin) return;
    reply.header('access-control-allow-origin', '*');
    reply.header('access-control-allow-headers', 'authorization, content-type');
    reply.header('access-control-allow-methods', 'GET, POST, OPTIONS');
    reply.header('access-control-max-age', '600');
  });
  // The preflight carries no token: answer it before any route's authentication.
  app.options('*', async (_request, reply) => reply.code(204).send());
}
