import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src-server/auth/users';
import { openStorage } from '../../src-server/storage/open-storage';
import { apiClient, type ApiClient } from './support/api';
import { cliOutput, startServerProcess, type ServerProcess } from './support/server-process';
import { storageVariants, type TestStorage } from './support/storages';

const STARTUP_TIMEOUT = 180_000;

// Issue 21: on the embedded storage, admin commands run while the server was up printed success and their writes were lost.
describe.each(storageVariants())('un seul propriétaire par dossier de données — stockage $name', ({ name, open }) => {
  let storage: TestStorage;
  let server: ServerProcess;
  let api: ApiClient;
  const tokens = { admin: '', lost: '' };

  beforeAll(async () => {
    storage = await open();
    const db = await openStorage(storage.config);
    tokens.admin = (await createUser(db, 'admin', 'admin')).token;
    tokens.lost = (await createUser(db, 'perdu', 'account_manager')).token;
    await db.close();
    server = await startServerProcess(storage.cliArgs, storage.cliEnv);
    api = apiClient(server.url);
  }, STARTUP_TIMEOUT);

  afterAll(async () => {
    await server?.stop();
    await storage?.dispose();
  }, STARTUP_TIMEOUT);

  const cli = (args: string[]) => cliOutput([...args, ...storage.cliArgs], storage.cliEnv);

  it('revoke-tokens serveur lancé : en vigueur dès la requête suivante, ou refusé sans rien prétendre', async () => {
    expect((await api.get('/sync/reconcile', tokens.lost)).status).toBe(200);
    const revoked = await cli(['revoke-tokens', '--user', 'perdu']);
    if (name === 'embedded') {
      expect(revoked.code).toBe(1);
      expect(revoked.stderr).toContain('est utilisé par le serveur');
      expect(revoked.stderr).toContain('POST /admin/revoke-tokens');
      expect(revoked.stdout).not.toContain('révoqué');
      // Nothing was claimed, and the revocation the message points to works at once.
      expect((await api.get('/sync/reconcile', tokens.lost)).status).toBe(200);
      expect(await api.post('/admin/revoke-tokens', tokens.admin, { user: 'perdu' })).toMatchObject({ status: 200, body: { revoked: 1 } });
    } else {
      expect(revoked.code, revoked.stderr).toBe(0);
      expect(revoked.stdout).toContain('1 jeton(s) révoqué(s)');
    }
    expect(await api.get('/sync/reconcile', tokens.lost)).toMatchObject({ status: 401, body: { message: 'Jeton invalide ou révoqué.' } });
  }, 60_000);

  it('create-user et seed-demo serveur lancé : appliqués (PostgreSQL) ou refusés (embarqué), jamais perdus', async () => {
    const created = await cli(['create-user', '--name', 'nouvelle', '--role', 'account_manager']);
    const seeded = await cli(['seed-demo', '--user', 'admin', '--clients', '2']);
    if (name === 'embedded') {
      for (const answer of [created, seeded]) {
        expect(answer.code).toBe(1);
        expect(answer.stderr).toContain('un seul processus à la fois');
      }
      const second = await cliOutput(['serve', '--port', '0', ...storage.cliArgs], storage.cliEnv);
      expect(second.code).toBe(1);
      expect(second.stderr).toContain('est utilisé par le serveur');
    } else {
      expect(created.code, created.stderr).toBe(0);
      const token = /^ctr_\S+$/m.exec(created.stdout)?.[0];
      expect((await api.get('/sync/reconcile', token)).status).toBe(200);
      expect(seeded.code, seeded.stderr).toBe(0);
      const pulled = await api.post<{ changes: unknown[] }>('/sync/pull', token, { cursor: '0', limit: 1000, entities: ['clients'] });
      expect(pulled.body.changes).toHaveLength(2);
    }
  }, 60_000);

  it('un verrou laissé par un serveur tué (kill -9) est repris au redémarrage', async () => {
    await server.crash();
    server = await startServerProcess(storage.cliArgs, storage.cliEnv);
    api = apiClient(server.url);
    expect((await api.get('/sync/reconcile', tokens.admin)).status).toBe(200);
    expect((await api.get('/sync/reconcile', tokens.lost)).status).toBe(401);
  }, STARTUP_TIMEOUT);
});
