import { Writable } from 'node:stream';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pushResponseSchema, type PushResponse } from '../../src-core/sync';
import { createUser } from '../../src-server/auth/users';
import { startServer, type RunningServer } from '../../src-server/server';
import { apiClient, type ApiClient } from './support/api';
import { clientRecord, mutation } from './support/fixtures';
import { storageVariants, type TestStorage } from './support/storages';

const STARTUP_TIMEOUT = 180_000;

// Issue 21: SQL parameters (names, e-mails, phones) in the logs of a 500, no security headers,
// the API description public, every push answer kept with a full copy of its record for ever.
describe.each(storageVariants())('discret et poli — stockage $name', ({ open }) => {
  let storage: TestStorage;
  let server: RunningServer;
  let api: ApiClient;
  let token = '';
  let log = '';

  beforeAll(async () => {
    storage = await open();
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        log += chunk.toString();
        done();
      },
    });
    server = await startServer({ storage: storage.config, port: 0, logger: { level: 'info', stream }, answerRetentionDays: 30 });
    token = (await createUser(server.db, 'alice', 'account_manager')).token;
    api = apiClient(server.url);
  }, STARTUP_TIMEOUT);
  afterAll(async () => {
    await server?.close();
    await storage?.dispose();
  }, STARTUP_TIMEOUT);

  it('pose les en-têtes de sécurité et ne publie /openapi.json qu’aux utilisateurs authentifiés', async () => {
    const health = await fetch(new URL('/health', server.url));
    expect(health.headers.get('x-content-type-options')).toBe('nosniff');
    expect(health.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(health.headers.get('strict-transport-security')).toContain('max-age=');
    expect(health.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(await api.get('/openapi.json')).toMatchObject({ status: 401, body: { error: 'UNAUTHENTICATED' } });
    expect(await api.get('/openapi.json', token)).toMatchObject({ status: 200, body: { openapi: '3.1.0' } });
  });

  it('retire des réponses gardées la copie des enregistrements après la durée de rétention, sans rien rejouer', async () => {
    const creation = mutation('laptop-a', 'clients', 'c-retention', clientRecord('Rétention SAS'));
    const first = pushResponseSchema.parse((await api.post<PushResponse>('/sync/push', token, { deviceId: 'laptop-a', mutations: [creation] })).body).results[0];
    expect(first).toMatchObject({ status: 'applied', version: 1, record: { legalName: 'Rétention SAS' } });
    // Recent answers are kept whole.
    expect(await server.pruneAnswers()).toBe(0);
    await server.db.query("update mutations set received_at = now() - interval '31 days' where mutation_id = $1", [creation.mutationId]);
    expect(await server.pruneAnswers()).toBe(1);
    const [stored] = await server.db.query<{ result: Record<string, unknown> }>('select result from mutations where mutation_id = $1', [creation.mutationId]);
    expect(stored!.result).toEqual({ mutationId: creation.mutationId, status: 'applied', version: 1 });
    // Re-sent late, it is not applied again and gets the record as it is now.
    await api.post('/sync/push', token, { deviceId: 'laptop-a', mutations: [mutation('laptop-a', 'clients', 'c-retention', { legalName: 'Renommée SAS' }, 1)] });
    const again = pushResponseSchema.parse((await api.post<PushResponse>('/sync/push', token, { deviceId: 'laptop-a', mutations: [creation] })).body).results[0];
    expect(again).toMatchObject({ status: 'applied', version: 2, record: { legalName: 'Renommée SAS' } });
    expect((await server.db.query("select 1 from audit_log where record_id = 'c-retention'")).length).toBe(2);
  });

  it('ne met dans le journal d’une requête en échec ni données personnelles, ni paramètres SQL, ni jeton', async () => {
    // A real storage failure in the middle of a push: the audit trail's table is gone.
    await server.db.exec('drop table audit_log');
    const person = { ...clientRecord('Dupont Confidentiel SARL'), contact: { name: 'Jeanne Secrète', email: 'jeanne.secrete@exemple.fr', phone: '+33 6 12 34 56 78' } };
    log = '';
    const failed = await api.post('/sync/push', token, { deviceId: 'laptop-a', mutations: [{ ...mutation('laptop-a', 'clients', `c-${randomUUID()}`, person) }] });
    expect(failed).toMatchObject({ status: 500, body: { error: 'INTERNAL_ERROR', message: 'Erreur interne du serveur.' } });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(log).toContain('request failed');
    expect(log).toContain('"failure"');
    for (const secret of ['Dupont', 'Jeanne', 'jeanne.secrete', '12 34 56', token, 'insert into', 'audit_log']) expect(log).not.toContain(secret);
    // The authorization header of logged requests is masked too.
    expect(log).not.toContain('Bearer');
  });
});
