import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src-server/auth/users';
import { apiClient, type ApiClient } from './support/api';
import { cliOutput, startServerProcess, type ServerProcess } from './support/server-process';
import { storageVariants, type TestStorage } from './support/storages';
import { serveSeeded } from './support/served';

const STARTUP_TIMEOUT = 180_000;

// Issue 21: on the embedded storage, admin commands run while the server was up printed success and their writes were lost.
describe.each(storageVariants())('un seul propriétaire par dossier de données — stockage $name', ({ name, open }) => {
  let storage: TestStorage;
  let server: ServerProcess;
  let api: ApiClient;
  const tokens = { admin: '', lost: '' };

  beforeAll(async () => {
    ({ storage, server, api } = await serveSeeded(open, async (db) => {
      tokens.admin = (await createUser(db, 'admin', 'admin')).token;
      tokens.lost = (await createUser(db, 'perdu', 'account_manager')).token;
    }));
  }, STARTUP_TIMEOUT);

  afterAll(async () => {
    await server?.stop();
    await storage?.dispose();
  }, STARTUP_TIMEOUT);

  const cli = (args: string[]) => cliOutput([...args, ...storage.cliArgs], storage.cliEnv);

  it('revoke-tokens serveur lancé : en vigueur dès la requête suivante (par le serveur lui-même sur le stockage embarqué)', async () => {
    expect((await api.get('/sync/reconcile', tokens.lost)).status).toBe(200);
    const revoked = await cli(['revoke-tokens', '--user', 'perdu']);
    expect(revoked.code, revoked.stderr).toBe(0);
    expect(revoked.stdout).toContain('1 jeton(s) révoqué(s)');
    if (name === 'embedded') expect(revoked.stdout).toContain('par le serveur en cours d’exécution');
    expect(await api.get('/sync/reconcile', tokens.lost)).toMatchObject({ status: 401, body: { message: 'Jeton invalide ou révoqué.' } });
    const unknown = await cli(['revoke-tokens', '--user', 'personne']);
    expect([unknown.code, unknown.stderr.trim()]).toEqual([1, 'Utilisateur « personne » inconnu.']);
  }, 60_000);

  it('create-user serveur lancé : le jeton marche aussitôt ; seed-demo et un second serve refusent sur le stockage embarqué', async () => {
    const created = await cli(['create-user', '--name', 'nouvelle', '--role', 'account_manager']);
    expect(created.code, created.stderr).toBe(0);
    const token = /^ctr_\S+$/m.exec(created.stdout)?.[0];
    expect((await api.get('/sync/reconcile', token)).status).toBe(200);
    const seeded = await cli(['seed-demo', '--user', 'admin', '--clients', '2']);
    if (name === 'embedded') {
      expect(seeded.code).toBe(1);
      expect(seeded.stderr).toContain('est utilisé par le serveur');
      expect(seeded.stderr).toContain('un seul processus à la fois');
      const second = await cliOutput(['serve', '--port', '0', ...storage.cliArgs], storage.cliEnv);
      expect(second.code).toBe(1);
      expect(second.stderr).toContain('est utilisé par le serveur');
    } else {
      expect(seeded.code, seeded.stderr).toBe(0);
    }
    // Nothing was lost either way: what the server has is what the commands said they did.
    const pulled = await api.post<{ changes: unknown[] }>('/sync/pull', token, { cursor: '0', limit: 1000, entities: ['clients'] });
    expect(pulled.body.changes).toHaveLength(name === 'embedded' ? 0 : 2);
  }, 90_000);

  it('un verrou laissé par un serveur tué (kill -9) est repris au redémarrage', async () => {
    await server.crash();
    server = await startServerProcess(storage.cliArgs, storage.cliEnv);
    api = apiClient(server.url);
    expect((await api.get('/sync/reconcile', tokens.admin)).status).toBe(200);
    expect((await api.get('/sync/reconcile', tokens.lost)).status).toBe(401);
    // The dead server's admin socket is replaced by the new one's.
    const created = await cli(['create-token', '--user', 'admin']);
    expect(created.code, created.stderr).toBe(0);
    expect((await api.get('/sync/reconcile', /^ctr_\S+$/m.exec(created.stdout)?.[0])).status).toBe(200);
  }, STARTUP_TIMEOUT);
});
