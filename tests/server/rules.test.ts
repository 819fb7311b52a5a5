import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toParisWallClock } from '../../src-core/calendar';
import { pullResponseSchema, pushResponseSchema, type DeviceGrantResponse, type PullResponse, type PushResponse } from '../../src-core/sync';
import { createTokenFor, createUser } from '../../src-server/auth/users';
import { startServer, type RunningServer } from '../../src-server/server';
import { apiClient, type ApiClient } from './support/api';
import { clientRecord, contractRecord, draftInvoice, mutation } from './support/fixtures';
import { storageVariants, type TestStorage } from './support/storages';

const STARTUP_TIMEOUT = 180_000;

/** Today in Paris, and the same day of next year: a date that cannot be issued yet. */
const today = toParisWallClock(Date.now()).date;
const nextYear = `${Number(today.slice(0, 4)) + 1}-12-31`;

// Issue 21: rules the laptops apply that the server did not.
describe.each(storageVariants())('les règles vérifiées par le serveur — stockage $name', ({ open }) => {
  let storage: TestStorage;
  let server: RunningServer;
  let api: ApiClient;
  const tokens = { alice: '', aliceNewLogin: '', bob: '', ingest: '' };

  beforeAll(async () => {
    storage = await open();
    server = await startServer({ storage: storage.config, port: 0, pullPageBytes: 6_000 });
    tokens.alice = (await createUser(server.db, 'alice', 'account_manager')).token;
    tokens.aliceNewLogin = (await createTokenFor(server.db, 'alice')).token;
    tokens.bob = (await createUser(server.db, 'bob', 'account_manager')).token;
    tokens.ingest = (await createUser(server.db, 'plateforme', 'ingest')).token;
    api = apiClient(server.url);
    const results = await push(tokens.alice, 'laptop-a', [
      mutation('laptop-a', 'clients', 'c-1', clientRecord()),
      mutation('laptop-a', 'contracts', 'k-1', contractRecord('c-1')),
    ]);
    expect(results.map((result) => result.status)).toEqual(['applied', 'applied']);
  }, STARTUP_TIMEOUT);
  afterAll(async () => {
    await server?.close();
    await storage?.dispose();
  }, STARTUP_TIMEOUT);

  async function push(token: string, deviceId: string, mutations: ReturnType<typeof mutation>[]) {
    const answer = await api.post<PushResponse>('/sync/push', token, { deviceId, mutations });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    return pushResponseSchema.parse(answer.body).results;
  }

  it('refuse une émission datée après aujourd’hui (Paris), sans bloquer la série', async () => {
    await push(tokens.alice, 'laptop-a', [
      mutation('laptop-a', 'invoices', 'inv-future', { ...draftInvoice('c-1', 'k-1', nextYear), dueDate: nextYear }),
      mutation('laptop-a', 'invoices', 'inv-today', { ...draftInvoice('c-1', 'k-1', today), dueDate: nextYear }),
    ]);
    const future = await api.post('/invoices/issue', tokens.alice, { invoiceId: 'inv-future' });
    expect(future).toMatchObject({ status: 409, body: { error: 'FUTURE_ISSUE_DATE', message: expect.stringContaining('postérieure à aujourd’hui') } });
    expect((future.body as { message: string }).message).toContain(`31/12/${nextYear.slice(0, 4)}`);
    expect((await api.post('/invoices/issue', tokens.alice, { invoiceId: 'inv-today', issueDate: nextYear })).status).toBe(409);
    // The series was not advanced to next year: today's invoice still gets its number.
    expect(await api.post('/invoices/issue', tokens.alice, { invoiceId: 'inv-today' })).toMatchObject({ status: 200, body: { number: `F-${today.slice(0, 4)}-000001` } });
    // Issued offline with a future date: refused too.
    const { body: grant } = await api.post<DeviceGrantResponse>('/series/device-grant', tokens.alice, { deviceId: 'laptop-a', year: Number(nextYear.slice(0, 4)), kind: 'invoice' });
    const [offline] = await push(tokens.alice, 'laptop-a', [
      mutation('laptop-a', 'invoices', 'inv-offline-future', { ...draftInvoice('c-1', 'k-1', nextYear), dueDate: nextYear, status: 'issued', number: `${grant.prefix}0001` }),
    ]);
    expect(offline).toMatchObject({ status: 'rejected', reason: expect.stringContaining('postérieure à aujourd’hui') });
  });

  it('lie un poste au jeton et à l’utilisateur qui ont obtenu sa série', async () => {
    const year = Number(today.slice(0, 4));
    const grant = await api.post<DeviceGrantResponse>('/series/device-grant', tokens.alice, { deviceId: 'laptop-alice', year, kind: 'invoice' });
    expect(grant.status).toBe(200);
    // Another user can neither obtain that device's series nor push numbers in it.
    expect(await api.post('/series/device-grant', tokens.bob, { deviceId: 'laptop-alice', year, kind: 'invoice' })).toMatchObject({
      status: 403,
      body: { error: 'DEVICE_OF_ANOTHER_USER', message: expect.stringContaining('appartient à un autre utilisateur') },
    });
    const stolen = { ...draftInvoice('c-1', 'k-1', today), dueDate: nextYear, status: 'issued', number: `${grant.body.prefix}0001` };
    const [byBob] = await push(tokens.bob, 'laptop-alice', [mutation('laptop-alice', 'invoices', 'inv-stolen', stolen)]);
    expect(byBob).toMatchObject({ status: 'rejected', reason: expect.stringContaining('appartient à un autre utilisateur') });
    // Nor can the same user from another valid login…
    expect(await api.post('/series/device-grant', tokens.aliceNewLogin, { deviceId: 'laptop-alice', year, kind: 'invoice' })).toMatchObject({ status: 403 });
    // …until the first one signed out: the laptop signed in again keeps its series.
    expect((await api.post('/auth/revoke', tokens.alice, undefined)).status).toBe(200);
    expect(await api.post('/series/device-grant', tokens.aliceNewLogin, { deviceId: 'laptop-alice', year, kind: 'invoice' })).toMatchObject({
      status: 200,
      body: { deviceCode: grant.body.deviceCode, lastNumber: 0 },
    });
    const [own] = await push(tokens.aliceNewLogin, 'laptop-alice', [mutation('laptop-alice', 'invoices', 'inv-own', stolen)]);
    expect(own).toMatchObject({ status: 'applied' });
    tokens.alice = tokens.aliceNewLogin;
  });

  it('refuse un paiement d’une facture inconnue et des consommations d’un contrat inconnu', async () => {
    const payment = (invoiceId: string) => ({ createdAt: '2026-03-01T09:00:00+01:00', updatedAt: '2026-03-01T09:00:00+01:00', version: 0, invoiceId, clientId: 'c-1', date: today, amountCents: 1000, method: 'virement', reference: '' });
    const [unknownInvoice, knownInvoice] = await push(tokens.alice, 'laptop-alice', [
      mutation('laptop-alice', 'payments', 'p-unknown', payment('inv-absente')),
      mutation('laptop-alice', 'payments', 'p-known', payment('inv-own')),
    ]);
    expect(unknownInvoice).toMatchObject({ status: 'rejected', reason: expect.stringContaining('Facture inv-absente inconnue du serveur') });
    // Beside its French, the refusal's message code and values (issue 19): the laptop says it in its language.
    expect(unknownInvoice).toMatchObject({ said: { code: 'sync.refusal.missingInvoice', params: { id: 'inv-absente' } } });
    expect(knownInvoice).toMatchObject({ status: 'applied' });
    const usage = { contractId: 'k-absent', clientId: 'c-1', months: [{ month: '2026-01', cpuHours: 1, databaseGB: 1, storageGB: 1 }] };
    const [pushedUsage] = await push(tokens.alice, 'laptop-alice', [mutation('laptop-alice', 'usage', 'k-absent', usage)]);
    expect(pushedUsage).toMatchObject({ status: 'rejected', reason: expect.stringContaining('Contrat k-absent inconnu du serveur') });
    const ingested = await api.post('/ingest/usage', tokens.ingest, { rows: [{ contractId: 'k-absent', clientId: 'c-1', month: '2026-01', cpuHours: 1, databaseGB: 1, storageGB: 1 }] });
    expect(ingested).toMatchObject({ status: 422, body: { message: expect.stringContaining('k-absent') } });
    expect(await server.db.query("select 1 from records where id in ('p-unknown', 'k-absent')")).toHaveLength(0);
  });

  it('plafonne une page de pull en octets, sans rien perdre en la suivant', async () => {
    await push(tokens.alice, 'laptop-alice', Array.from({ length: 30 }, (_, i) => mutation('laptop-alice', 'clients', `c-page-${i}`, clientRecord(`Client ${i} ${'x'.repeat(150)}`))));
    const pages: number[] = [];
    const ids: string[] = [];
    let cursor = '0';
    for (;;) {
      const answer = await api.post<PullResponse>('/sync/pull', tokens.alice, { cursor, limit: 1000, entities: ['clients'] });
      const page = pullResponseSchema.parse(answer.body);
      expect(page.changes.length).toBeGreaterThan(0);
      // Bytes of the page's records before its last one: under the cap, or the page would have stopped earlier.
      pages.push(page.changes.slice(0, -1).reduce((bytes, change) => bytes + Buffer.byteLength(JSON.stringify(change.record)), 0));
      ids.push(...page.changes.map((change) => change.recordId));
      cursor = page.nextCursor;
      if (!page.hasMore) break;
    }
    // Without the cap, limit 1000 would give all of them in one page. A page stops at the first record that reaches the cap.
    expect(pages.length).toBeGreaterThan(1);
    expect(Math.max(...pages)).toBeLessThan(6_000);
    expect(ids.filter((id) => id.startsWith('c-page-'))).toHaveLength(30);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
