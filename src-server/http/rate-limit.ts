import type { FastifyInstance, FastifyRequest } from 'fastify';
import { hashToken } from '../auth/tokens';
import { HttpError } from './errors';
import { message } from '../../src-core/messages';

export interface RateLimitOptions {
  /** The hashes of the tokens currently valid (read again at most every KNOWN_TOKENS_REFRESH_MS). */
  validTokenHashes: () => Promise<string[]>;
  /** Requests per minute of one authenticated token (a laptop). */
  perTokenPerMinute: number;
  /** Requests per minute of one address without a known valid token: anonymous, invalid tokens, unknown paths, preflights. */
  anonymousPerMinute: number;
}

const WINDOW_MS = 60_000;
/** Tokens remembered as valid; the oldest are forgotten beyond (they then count as anonymous until they authenticate again). */
const MAX_KNOWN_TOKENS = 10_000;
const BEARER = /^Bearer\s+(\S+)$/i;
/** A token created while the server runs (another process, PostgreSQL) is recognised after this long at most. */
const KNOWN_TOKENS_REFRESH_MS = 5_000;

/** Counts per key in one-minute windows, each starting with its key's first request. */
class WindowCounter {
  private windows = new Map<string, { count: number; resetAt: number }>();
  private nextSweep = Date.now() + WINDOW_MS;

  constructor(private readonly max: number) {}

  /** Counts one request for `key`; false once `key` is over its budget in its window. */
  take(key: string, now = Date.now()): boolean {
    if (now >= this.nextSweep) this.sweep(now);
    let window = this.windows.get(key);
    if (!window || now >= window.resetAt) {
      window = { count: 0, resetAt: now + WINDOW_MS };
      this.windows.set(key, window);
    }
    window.count++;
    return window.count <= this.max;
  }

  secondsLeft(key: string, now = Date.now()): number {
    return Math.max(1, Math.ceil(((this.windows.get(key)?.resetAt ?? now) - now) / 1000));
  }

  /** Forgets ended windows: memory stays bounded by the keys of the last minute. */
  private sweep(now: number): void {
    for (const [key, window] of this.windows) if (now >= window.resetAt) this.windows.delete(key);
    this.nextSweep = now + WINDOW_MS;
  }
}

export interface RateLimiter {
  /** Called once a token authenticated: its requests now count per token, not per address. */
  accepted(tokenHash: string): void;
  /** Called when a token is refused (unknown, revoked): it counts per address again. */
  refused(tokenHash: string): void;
}

/**
 * Runs first, on every request — unknown paths and preflights included — and
 * before authentication, so a flood costs no database lookup. A request
 * bearing a token that authenticated before is counted against that token;
 * anything else (no token, an invalid or revoked one) against the caller's
 * address (behind a proxy: the address it forwards, with --trust-proxy).
 * So an anonymous flood from an address never locks out the laptops behind
 * it, and a laptop's burst never locks out its neighbours. A token the
 * limiter does not know yet, from an address over its budget, is looked up
 * among the valid tokens read again from storage at most every few seconds
 * (one query whatever the flood): a laptop signing in behind a flooded
 * address is not locked out either.
 */
export async function limitRequestRates(app: FastifyInstance, options: RateLimitOptions): Promise<RateLimiter> {
  const perToken = new WindowCounter(options.perTokenPerMinute);
  const perAddress = new WindowCounter(options.anonymousPerMinute);
  const known = new Set<string>();
  const remember = (tokenHash: string) => {
    if (known.has(tokenHash)) return;
    if (known.size >= MAX_KNOWN_TOKENS) known.delete(known.values().next().value!);
    known.add(tokenHash);
  };
  let refreshed = 0;
  let refreshing: Promise<void> | undefined;
  const refreshKnown = () => {
    if (!refreshing && Date.now() - refreshed >= KNOWN_TOKENS_REFRESH_MS) {
      refreshed = Date.now();
      refreshing = options
        .validTokenHashes()
        .then((hashes) => hashes.forEach(remember))
        // Storage unavailable: the token stays unknown this time, the request is refused as over budget.
        .catch(() => undefined)
        .finally(() => (refreshing = undefined));
    }
    return refreshing;
  };
  await refreshKnown();

  app.addHook('onRequest', async (request, reply) => {
    const tokenHash = bearerHash(request);
    if (tokenHash && known.has(tokenHash) ? perToken.take(tokenHash) : perAddress.take(request.ip)) return;
    if (tokenHash && !known.has(tokenHash)) {
      await refreshKnown();
      if (known.has(tokenHash) && perToken.take(tokenHash)) return;
    }
    const [counter, key] = tokenHash && known.has(tokenHash) ? [perToken, tokenHash] : [perAddress, request.ip];
    const seconds = counter.secondsLeft(key);
    reply.header('retry-after', String(seconds));
    throw new HttpError(429, 'RATE_LIMITED', message('sync.refusal.rateLimited', { seconds }));
  });

  return {
    accepted: remember,
    refused(tokenHash) {
      known.delete(tokenHash);
    },
  };
}

export function bearerToken(request: FastifyRequest): string | undefined {
  return BEARER.exec(request.headers.authorization ?? '')?.[1];
}

function bearerHash(request: FastifyRequest): string | undefined {
  const token = bearerToken(request);
  return token === undefined ? undefined : hashToken(token);
}
