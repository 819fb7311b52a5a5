import type { z } from 'zod';
import { API_ROUTES, apiErrorSchema, pushRequestSchema, type LoginRequest, type Mutation, type PullRequest } from '../../src-core';
import { SyncError, defaultMessage, kindOfStatus } from './sync-error';

export interface ApiClientOptions {
  /** Checked with checkServerUrl before. */
  baseUrl: string;
  /** Empty before signing in (the login route is public). */
  token: string;
  /** Injected by tests (fault injection in the transport); the platform's fetch otherwise. */
  fetch?: typeof fetch;
  /** A request that hangs is abandoned after this long (default 30 s), then retried with backoff. */
  timeoutMs?: number;
}

type Route = (typeof API_ROUTES)[keyof typeof API_ROUTES];

/**
 * The central API as the sync engine sees it. Every answer is checked with the
 * src-core/sync schemas before anything is written locally; any failure
 * becomes a SyncError with a French message.
 */
export function createApiClient({ baseUrl, token, fetch: fetchImpl = globalThis.fetch, timeoutMs = 30_000 }: ApiClientOptions) {
  async function call<R extends Route>(route: R, body?: unknown): Promise<z.output<R['response']>> {
    let response: Response;
    let text: string;
    try {
      response = await fetchImpl(`${baseUrl}${route.path}`, {
        method: route.method,
        headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(timeoutMs),
      });
      text = await response.text();
    } catch (error) {
      const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
      throw new SyncError(timedOut ? 'timeout' : 'network', defaultMessage(timedOut ? 'timeout' : 'network'));
    }
    const json = parseJson(text);
    if (!response.ok) {
      const kind = kindOfStatus(response.status);
      const apiError = apiErrorSchema.safeParse(json);
      const message = apiError.success ? apiError.data.message : defaultMessage(kind);
      throw new SyncError(kind, kind === 'server' ? `${defaultMessage('server')} (HTTP ${response.status})` : message, response.status);
    }
    const parsed = route.response.safeParse(json);
    if (!parsed.success) throw new SyncError('badAnswer', `${defaultMessage('badAnswer')} (${route.path})`, response.status);
    return parsed.data as z.output<R['response']>;
  }

  return {
    health: () => call(API_ROUTES.health),
    pull: (request: PullRequest) => call(API_ROUTES.pull, request),
    /** The outbox's local `seq` stays here: the request schema refuses unknown keys. */
    push: (deviceId: string, mutations: readonly (Mutation & { seq?: number })[]) =>
      call(API_ROUTES.push, pushRequestSchema.parse({ deviceId, mutations: mutations.map(({ seq: _seq, ...mutation }) => mutation) })),
    reconcile: () => call(API_ROUTES.reconcile),
    /** Signs in with a user name and password: a token of this laptop's own, and who the person is. */
    login: (request: LoginRequest) => call(API_ROUTES.login, request),
    /** Who the token belongs to (a token pasted in the advanced form says nothing by itself). */
    me: () => call(API_ROUTES.me),
    /** Revokes the token of this client: the server refuses it from then on. */
    revokeToken: () => call(API_ROUTES.revokeToken),
  };
}
export type ApiClient = ReturnType<typeof createApiClient>;

function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}
