import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src-server/auth/users';
import { startServer, type RunningServer } from '../../src-server/server';

const preflight = (url: string, origin: string) =>
  fetch(new URL('/sync/pull', url), {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' },
  });

// The app runs from app://contrats (desktop) or from `npm run web`: only those origins may read the answers (issue 21: no more "*").
describe('appels depuis l’application (CORS)', () => {
  let server: RunningServer;
  let configured: RunningServer;
  let token: string;

  beforeAll(async () => {
    server = await startServer({ storage: { inMemory: true }, port: 0 });
    configured = await startServer({ storage: { inMemory: true }, port: 0, allowedOrigins: ['https://contrats.dokos.example'], publicOpenApi: true });
    token = (await createUser(server.db, 'alice', 'account_manager')).token;
  }, 180_000);
  afterAll(async () => {
    await server?.close();
    await configured?.close();
  });

  it('répond à la pré-vérification sans jeton pour les origines de l’application, et la refuse aux autres', async () => {
    for (const origin of ['app://contrats', 'http://127.0.0.1:5180', 'http://localhost:5180', 'http://127.0.0.1:5201']) {
      const response = await preflight(server.url, origin);
      expect(response.status).toBe(204);
      expect(response.headers.get('access-control-allow-origin')).toBe(origin);
      expect(response.headers.get('access-control-allow-headers')).toContain('authorization');
    }
    for (const origin of ['https://evil.example', 'null', 'http://127.0.0.1.evil.example:80', 'http://localhost:5180/x', 'app://autre']) {
      const response = await preflight(server.url, origin);
      expect(response.status).toBe(403);
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
      expect(await response.json()).toMatchObject({ error: 'ORIGIN_REFUSED', message: expect.stringContaining('Origine non autorisée') });
    }
  });

  it('marque les réponses, erreurs comprises, lisibles par l’application seulement', async () => {
    const origin = 'app://contrats';
    const ok = await fetch(new URL('/sync/pull', server.url), {
      method: 'POST',
      headers: { origin, authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ cursor: '0', limit: 10 }),
    });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('access-control-allow-origin')).toBe(origin);
    expect(ok.headers.get('vary')).toContain('Origin');
    const refused = await fetch(new URL('/sync/pull', server.url), { method: 'POST', headers: { origin, 'content-type': 'application/json' }, body: '{}' });
    expect(refused.status).toBe(401);
    expect(refused.headers.get('access-control-allow-origin')).toBe(origin);
    const foreign = await fetch(new URL('/health', server.url), { headers: { origin: 'https://evil.example' } });
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('prend en option la liste des origines, et la publication de /openapi.json sans jeton', async () => {
    expect((await preflight(configured.url, 'https://contrats.dokos.example')).status).toBe(204);
    expect((await preflight(configured.url, 'app://contrats')).status).toBe(403);
    expect((await fetch(new URL('/openapi.json', configured.url))).status).toBe(200);
    expect((await fetch(new URL('/openapi.json', server.url))).status).toBe(401);
  });
});
