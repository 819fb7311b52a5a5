import type { z } from 'zod';
import { API_ROUTES, apiErrorSchema, message, type ApiRoute } from '../../src-core';
import { SyncError, defaultMessage, defaultSaid, kindOfStatus } from './sync-error';

export interface ApiClientOptions {
  /** Checked with checkServerUrl before. */
  baseUrl: string;
  /** Absent before signing in: only public routes answer then. */
  token?: string;
  /** Injected by tests (fault injection in the transport); the platform's fetch otherwise. */
  fetch?: typeof fetch;
  /** A request that hangs is abandoned after this long (default 30 s), then retried with backoff. */
  timeoutMs?: number;
}

type Routes = typeof API_ROUTES;

/** One route as a function: its body as the request schema expects it (if it has one), its answer as the response schema gives it. */
type RouteCall<R extends ApiRoute> = R extends { body: z.ZodType }
  ? (body: z.input<R['body']>) => Promise<z.output<R['response']>>
  : () => Promise<z.output<R['response']>>;

/** Every route of API_ROUTES, under its name: a route added there is here, typed, with nothing to list by hand. */
export type ApiClient = { [Name in keyof Routes]: RouteCall<Routes[Name]> };

/** The central API's answers as bytes: a successful answer's body, unread (errors become SyncErrors here). */
export interface ApiTransport {
  send(route: ApiRoute, body?: unknown): Promise<ArrayBuffer>;
}

/**
 * The wire under the API client. A body is checked with the route's request
 * schema before it leaves (a strict schema refuses a local-only key such as
 * the outbox's `seq`); a failure, an error status or a timeout becomes a
 * SyncError with a French message. The answer comes back as bytes, so that
 * a pull page can be read and checked off the screen's thread
 * (page-reader.ts); the server compresses it, fetch decodes it.
 */
export function createApiTransport({ baseUrl, token, fetch: fetchImpl = globalThis.fetch, timeoutMs = 30_000 }: ApiClientOptions): ApiTransport {
  return {
    async send(route, body) {
      const checked = route.body?.safeParse(body);
      if (checked && !checked.success) throw new SyncError('refused', message('sync.error.notSent', { path: route.path }));
      const payload = checked?.data;
      let response: Response;
      let bytes: ArrayBuffer;
      try {
        response = await fetchImpl(`${baseUrl}${route.path}`, {
          method: route.method,
          headers: {
            ...(token ? { authorization: `Bearer ${token}` } : {}),
            ...(payload === undefined ? {} : { 'content-type': 'application/json' }),
          },
          ...(payload === undefined ? {} : { body: JSON.stringify(payload) }),
          signal: AbortSignal.timeout(timeoutMs),
        });
        bytes = await response.arrayBuffer();
      } catch (error) {
        const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
        throw new SyncError(timedOut ? 'timeout' : 'network', defaultMessage(timedOut ? 'timeout' : 'network'));
      }
      if (!response.ok) {
        const kind = kindOfStatus(response.status);
        const apiError = apiErrorSchema.safeParse(parseJson(bytes));
        if (kind === 'server') throw new SyncError(kind, message('sync.error.serverStatus', { failure: { message: defaultSaid('server') }, status: String(response.status) }), response.status);
        // The server's French, and its message code when it sent one (issue 19): the screen says it in its language.
        throw apiError.success ? new SyncError(kind, apiError.data.message, response.status, apiError.data.said) : new SyncError(kind, defaultMessage(kind), response.status);
      }
      return bytes;
    },
  };
}

/** A successful answer of `route`, parsed and checked with its response schema before anything is written locally. */
export function parseAnswer<R extends ApiRoute>(route: R, bytes: ArrayBuffer | string): z.output<R['response']> {
  const parsed = route.response.safeParse(parseJson(bytes));
  if (!parsed.success) throw new SyncError('badAnswer', message('sync.error.badAnswerRoute', { failure: { message: defaultSaid('badAnswer') }, path: route.path }));
  return parsed.data as z.output<R['response']>;
}

/**
 * The central API as the laptop sees it, derived from `API_ROUTES`, over
 * `transport` (createApiTransport of `options` by default): every answer is
 * checked with its route's response schema before use.
 */
export function createApiClient(options: ApiClientOptions, transport: ApiTransport = createApiTransport(options)): ApiClient {
  const entries = Object.entries(API_ROUTES as Record<string, ApiRoute>).map(([name, route]) => [name, async (body?: unknown) => parseAnswer(route, await transport.send(route, body))]);
  return Object.fromEntries(entries) as ApiClient;
}

function parseJson(bytes: ArrayBuffer | string): unknown {
  const text = typeof bytes === 'string' ? bytes : new TextDecoder().decode(bytes);
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}
