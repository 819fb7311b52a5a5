import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTokenFor, createUser } from '../../src-server/auth/users';
import { startServer, type RunningServer } from '../../src-server/server';
import { storageVariants, type TestStorage } from './support/storages';

const STARTUP_TIMEOUT = 180_000;
const ANONYMOUS_PER_MINUTE = 100;
const PER_TOKEN_PER_MINUTE = 400;
const FLOOD = 20_000;

/** Writes raw bytes on a fresh connection and returns everything the server answers before closing it. */
function rawExchange(url: string, send: string[], pauseMs = 0): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname);
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk.toString()));
    socket.on('close', () => resolve(answer));
    socket.on('error', reject);
    socket.on('connect', async () => {
      for (const part of send) {
        socket.write(part);
        if (pauseMs) await new Promise((wait) => setTimeout(wait, pauseMs));
      }
    });
  });
}

function jsonOf(raw: string): { error: string; message: string } {
  return JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4)) as { error: string; message: string };
}

// Issue 21: the limiter ran after authentication, per socket address; floods of invalid tokens were never limited
// while an anonymous flood locked out every laptop behind the same address.
describe.each(storageVariants())('limites du serveur — stockage $name', ({ open }) => {
  let storage: TestStorage;
  let server: RunningServer;
  const tokens = { alice: '', bob: '', aliceOther: '' };

  beforeAll(async () => {
    storage = await open();
    server = await startServer({
      storage: storage.config,
      port: 0,
      rateLimitPerMinute: PER_TOKEN_PER_MINUTE,
      anonymousRateLimitPerMinute: ANONYMOUS_PER_MINUTE,
      trustProxy: '127.0.0.1',
      requestTimeoutMs: 1500,
    });
    tokens.alice = (await createUser(server.db, 'alice', 'account_manager')).token;
    tokens.bob = (await createUser(server.db, 'bob', 'account_manager')).token;
    tokens.aliceOther = (await createTokenFor(server.db, 'alice')).token;
  }, STARTUP_TIMEOUT);
  afterAll(async () => {
    await server?.close();
    await storage?.dispose();
  }, STARTUP_TIMEOUT);

  /** A call as seen through the proxy, for the client address `from`. */
  const call = (path: string, from: string, init: RequestInit & { token?: string } = {}) =>
    fetch(new URL(path, server.url), {
      ...init,
      headers: { 'x-forwarded-for': from, ...(init.token ? { authorization: `Bearer ${init.token}` } : {}), ...(init.headers as Record<string, string>) },
    });
  const pull = (token: string, from: string) =>
    call('/sync/pull', from, { method: 'POST', token, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ cursor: '0', limit: 10 }) });

  it(`limite ${FLOOD} requêtes à jeton invalide d’une adresse, pendant qu’un poste valide derrière la même adresse continue`, async () => {
    const flooder = '203.0.113.7';
    expect((await pull(tokens.alice, flooder)).status).toBe(200);
    const statuses = new Map<number, number>();
    const laptop: number[] = [];
    let sent = 0;
    const started = Date.now();
    const worker = async () => {
      while (sent < FLOOD) {
        const n = sent++;
        const response = await call('/sync/reconcile', flooder, { token: `ctr_faux${n}` });
        await response.arrayBuffer();
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        if (n % 1000 === 0) laptop.push((await pull(tokens.alice, flooder)).status);
      }
    };
    await Promise.all(Array.from({ length: 32 }, worker));
    // The address's budget per minute the flood lasted (one request already spent by the laptop's first call).
    const minutes = Math.ceil((Date.now() - started) / 60_000);
    const answered = statuses.get(401) ?? 0;
    expect(answered).toBeGreaterThanOrEqual(ANONYMOUS_PER_MINUTE - 1);
    expect(answered).toBeLessThanOrEqual(minutes * ANONYMOUS_PER_MINUTE);
    // Every request answered 401 or 429, nothing else (the whole tally shown if not).
    expect(Object.fromEntries(statuses)).toEqual({ 401: answered, 429: FLOOD - answered });
    expect(laptop).toHaveLength(FLOOD / 1000);
    expect(laptop.every((status) => status === 200)).toBe(true);

    // Unknown paths and preflights from that address are limited too, before anything else is done.
    const unknown = await call('/nulle-part', flooder);
    expect(unknown.status).toBe(429);
    expect(await unknown.json()).toMatchObject({ error: 'RATE_LIMITED', message: expect.stringContaining('Trop de requêtes') });
    expect(unknown.headers.get('retry-after')).toMatch(/^\d+$/);
    expect((await call('/sync/pull', flooder, { method: 'OPTIONS', headers: { origin: 'app://contrats' } })).status).toBe(429);
    // Another address behind the proxy (X-Forwarded-For, --trust-proxy) is not concerned; the laptop still works.
    expect((await call('/health', '203.0.113.8')).status).toBe(200);
    expect((await call('/nulle-part', '203.0.113.8')).status).toBe(404);
    expect((await pull(tokens.bob, flooder)).status).toBe(200);
    expect((await pull(tokens.alice, flooder)).status).toBe(200);
  }, 300_000);

  it('limite un jeton valide à son propre débit sans gêner les autres postes de la même adresse', async () => {
    const office = '198.51.100.20';
    const statuses: number[] = [];
    for (let i = 0; i < PER_TOKEN_PER_MINUTE + 5; i++) statuses.push((await call('/sync/reconcile', office, { token: tokens.aliceOther })).status);
    // Its very first request may have counted for the address (a token created after the start is learnt at its first success).
    const ok = statuses.filter((status) => status === 200).length;
    expect(ok).toBeGreaterThanOrEqual(PER_TOKEN_PER_MINUTE);
    expect(ok).toBeLessThanOrEqual(PER_TOKEN_PER_MINUTE + 1);
    expect(statuses.slice(ok)).toEqual(Array.from({ length: statuses.length - ok }, () => 429));
    expect((await pull(tokens.bob, office)).status).toBe(200);
  }, 120_000);

  it('répond en français 408 à un corps envoyé à moitié, 431 à des en-têtes démesurés, 400 à du HTTP mal formé, 415 à autre chose que du JSON', async () => {
    const half = await rawExchange(server.url, [
      `POST /sync/pull HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${tokens.bob}\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n`,
      '{"cursor":',
    ]);
    expect(half).toMatch(/^HTTP\/1\.1 408 /);
    expect(jsonOf(half)).toMatchObject({ error: 'REQUEST_TIMEOUT', message: expect.stringContaining('Requête trop lente') });

    const huge = await rawExchange(server.url, [`GET /health HTTP/1.1\r\nHost: x\r\nX-Pad: ${'a'.repeat(20_000)}\r\n\r\n`]);
    expect(huge).toMatch(/^HTTP\/1\.1 431 /);
    expect(jsonOf(huge)).toMatchObject({ error: 'HEADERS_TOO_LARGE', message: 'En-têtes de la requête trop volumineux.' });

    const garbage = await rawExchange(server.url, ['NIMPORTE QUOI\r\n\r\n']);
    expect(garbage).toMatch(/^HTTP\/1\.1 400 /);
    expect(jsonOf(garbage)).toMatchObject({ error: 'BAD_REQUEST', message: 'Requête HTTP mal formée.' });

    const text = await call('/sync/pull', '192.0.2.1', { method: 'POST', token: tokens.bob, headers: { 'content-type': 'text/plain' }, body: 'cursor=0' });
    expect(text.status).toBe(415);
    expect(await text.json()).toMatchObject({ error: 'UNSUPPORTED_MEDIA_TYPE', message: expect.stringContaining('Type de contenu') });
  }, 60_000);
});
