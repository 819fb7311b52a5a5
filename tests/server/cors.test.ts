import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src-server/auth/users';
import { startServer, type RunningServer } from '../../src-server/server';

// The app runs from file:// (Origin "null") or from `npm run web`: the browser needs CORS answers.
describe('appels depuis l’application (CORS)', () => {
  let server: RunningServer;
  let token: string;

  beforeAll(async () => {
    server = await startServer({ storage: { inMemory: true }, port: 0 });
    token = (await createUser(server.db, 'alice', 'account_manager')).token;
  }, 180_000);
  afterAll(() => server?.close());

  it('answers the preflight without a token, allowing the authorization header', async () => {
    const response = await fetch(new URL('/sync/pull', server.url), {
      method: 'OPTIONS',
      headers: { origin: 'null', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-allow-headers')).toContain('authorization');
  });

  it('marks real answers, errors included, as readable by the app', async () => {
    const origin = 'http://127.0.0.1:5180';
    const ok = await fetch(new URL('/sync/pull', server.url), {
      method: 'POST',
      headers: { origin, authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ cursor: '0', limit: 10 }),
    });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('access-control-allow-origin')).toBe('*');
    const refused = await fetch(new URL('/sync/pull', server.url), { method: 'POST', headers: { origin, 'content-type': 'application/json' }, body: '{}' });
    expect(refused.status).toBe(401);
    expect(refused.headers.get('access-control-allow-origin')).toBe('*');
  });
});
