import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src-server/auth/users';
import { openStorage } from '../../src-server/storage/open-storage';
import { pullResponseSchema, pushResponseSchema } from '../../src-core/sync';
import type { ApiClient } from './support/api';
import { clientRecord, mutation } from './support/fixtures';
import type { ServerProcess } from './support/server-process';
import { serveSeeded } from './support/served';
import { storageVariants, type TestStorage } from './support/storages';

const STARTUP_TIMEOUT = 180_000;

/**
 * People, not roles (issue 17): each server audit entry keeps the name of the
 * person who made the change, as they were named then, and a pull tells who
 * made each record's last change — what a laptop needs to name the people
 * behind the changes it pulls from other laptops.
 */
describe.each(storageVariants())('journal du serveur : chaque changement nomme la personne — stockage $name', ({ open }) => {
  let storage: TestStorage;
  let server: ServerProcess;
  let api: ApiClient;
  const tokens = { alice: '', bob: '' };

  beforeAll(async () => {
    ({ storage, server, api } = await serveSeeded(open, async (db) => {
      tokens.alice = (await createUser(db, 'alice', 'account_manager', { displayName: 'Alice Martin' })).token;
      // No display name: named by the sign-in name.
      tokens.bob = (await createUser(db, 'bob', 'account_manager')).token;
    }));
  }, STARTUP_TIMEOUT);

  afterAll(async () => {
    await server?.stop();
    await storage?.dispose();
  }, STARTUP_TIMEOUT);

  it('le pull dit qui a fait le dernier changement de chaque enregistrement, et le journal garde chaque nom', async () => {
    const push = async (token: string, device: string, ...mutations: ReturnType<typeof mutation>[]) => {
      const answer = await api.post('/sync/push', token, { deviceId: device, mutations });
      expect(answer.status).toBe(200);
      return pushResponseSchema.parse(answer.body).results;
    };
    const created = await push(tokens.alice, 'poste-alice', mutation('poste-alice', 'clients', 'c-1', clientRecord('Acme GmbH')), mutation('poste-alice', 'clients', 'c-2', clientRecord('Beta GmbH')));
    expect(created.map((r) => r.status)).toEqual(['applied', 'applied']);
    expect((await push(tokens.bob, 'poste-bob', mutation('poste-bob', 'clients', 'c-2', { legalName: 'Beta AG' }, 1)))[0]).toMatchObject({ status: 'applied', version: 2 });

    const pulled = pullResponseSchema.parse((await api.post('/sync/pull', tokens.bob, { cursor: '0' })).body);
    expect(Object.fromEntries(pulled.changes.map((c) => [c.recordId, c.changedBy]))).toEqual({ 'c-1': 'Alice Martin', 'c-2': 'bob' });

    await server.stop();
    const db = await openStorage(storage.config);
    try {
      const audit = await db.query<{ record_id: string; version: number; actor_name: string }>("select record_id, version, actor_name from audit_log where entity = 'clients' order by id");
      expect(audit).toEqual([
        { record_id: 'c-1', version: 1, actor_name: 'Alice Martin' },
        { record_id: 'c-2', version: 1, actor_name: 'Alice Martin' },
        { record_id: 'c-2', version: 2, actor_name: 'bob' },
      ]);
    } finally {
      await db.close();
    }
  }, 120_000);
});
