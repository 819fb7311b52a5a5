import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src-server/auth/users';
import { startServer, type RunningServer } from '../../src-server/server';
import { apiClient } from './support/api';

// In-process (exported startServer) on in-memory storage: limits that need their own server settings.
describe('limites du serveur', () => {
  let server: RunningServer;
  let token: string;

  beforeAll(async () => {
    server = await startServer({ storage: { inMemory: true }, port: 0, rateLimitPerMinute: 4 });
    token = (await createUser(server.db, 'alice', 'account_manager')).token;
  }, 180_000);
  afterAll(() => server?.close());

  it('refuse un type de contenu autre que JSON (415) puis limite le débit (429), en français', async () => {
    const response = await fetch(new URL('/sync/pull', server.url), {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'text/plain' },
      body: 'cursor=0',
    });
    expect(response.status).toBe(415);
    expect(await response.json()).toMatchObject({ error: 'UNSUPPORTED_MEDIA_TYPE' });
    const api = apiClient(server.url);
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await api.post('/sync/pull', token, { cursor: '0', limit: 10 })).status);
    expect(statuses.slice(0, 3)).toEqual([200, 200, 200]);
    const limited = await api.post('/sync/pull', token, { cursor: '0' });
    expect(limited).toMatchObject({ status: 429, body: { error: 'RATE_LIMITED', message: expect.stringContaining('Trop de requêtes') } });
    expect(statuses[3]).toBe(429);
  });
});
