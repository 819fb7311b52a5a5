import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import {
  MAX_PUSH_BATCH,
  deviceGrantResponseSchema,
  invoiceIssueResponseSchema,
  pullResponseSchema,
  pushResponseSchema,
  reconcileHash,
  reconcileResponseSchema,
  type DeviceGrantResponse,
  type InvoiceIssueResponse,
  type MutationResult,
  type PullResponse,
  type PushResponse,
  type ReconcileResponse,
  type RecordChange,
} from '../../src-core/sync';
import { createTokenFor, createUser } from '../../src-server/auth/users';
import { apiClient, postOversized, type ApiClient } from './support/api';
import { clientRecord, contractRecord, draftInvoice, mutation } from './support/fixtures';
import { cliOutput, startServerProcess, type ServerProcess } from './support/server-process';
import { storageVariants, type TestStorage } from './support/storages';
import { serveSeeded } from './support/served';

// Starting the embedded engine on a fresh data folder takes tens of seconds on a busy machine.
const STARTUP_TIMEOUT = 180_000;

describe.each(storageVariants())('serveur central — stockage $name', ({ open }) => {
  let storage: TestStorage;
  let server: ServerProcess;
  let api: ApiClient;
  const tokens = { admin: '', alice: '', bob: '', ingest: '', dave: '', carole1: '', carole2: '', erin: '' };

  beforeAll(async () => {
    ({ storage, server, api } = await serveSeeded(open, async (db) => {
      tokens.admin = (await createUser(db, 'admin', 'admin')).token;
      tokens.alice = (await createUser(db, 'alice', 'account_manager')).token;
      tokens.bob = (await createUser(db, 'bob', 'account_manager')).token;
      tokens.ingest = (await createUser(db, 'plateforme', 'ingest')).token;
      // Users whose tokens the revocation tests revoke.
      tokens.dave = (await createUser(db, 'dave', 'account_manager')).token;
      tokens.carole1 = (await createUser(db, 'carole', 'account_manager')).token;
      tokens.carole2 = (await createTokenFor(db, 'carole')).token;
      tokens.erin = (await createUser(db, 'erin', 'ingest')).token;
    }));
  }, STARTUP_TIMEOUT);

  afterAll(async () => {
    await server?.stop();
    await storage?.dispose();
  }, STARTUP_TIMEOUT);

  const push = async (token: string, deviceId: string, mutations: ReturnType<typeof mutation>[]) => {
    const answer = await api.post<PushResponse>('/sync/push', token, { deviceId, mutations });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    return pushResponseSchema.parse(answer.body).results;
  };
  const pushOne = async (deviceId: string, m: ReturnType<typeof mutation>, token = tokens.alice) => (await push(token, deviceId, [m]))[0]!;
  const pullAll = async (entities?: string[], limit = 1000): Promise<RecordChange[]> => {
    const changes: RecordChange[] = [];
    let cursor = '0';
    for (;;) {
      const answer = await api.post<PullResponse>('/sync/pull', tokens.alice, { cursor, limit, ...(entities ? { entities } : {}) });
      expect(answer.status).toBe(200);
      const page = pullResponseSchema.parse(answer.body);
      changes.push(...page.changes);
      cursor = page.nextCursor;
      if (!page.hasMore) return changes;
    }
  };
  const reconcile = async () => reconcileResponseSchema.parse((await api.get<ReconcileResponse>('/sync/reconcile', tokens.alice)).body);
  const createClient = async (id: string, name = `Client ${id}`) => {
    const result = await pushOne('laptop-a', mutation('laptop-a', 'clients', id, clientRecord(name)));
    expect(result).toMatchObject({ status: 'applied', version: 1 });
    return result;
  };

  it('répond à /health sans jeton et publie /openapi.json aux utilisateurs authentifiés', async () => {
    const health = await api.get<{ status: string; storage: string }>('/health');
    expect(health).toMatchObject({ status: 200, body: { status: 'ok', storage: storage.name } });
    // Issue 21: the API description is not handed to anonymous callers (--public-openapi to publish it).
    expect(await api.get('/openapi.json')).toMatchObject({ status: 401, body: { error: 'UNAUTHENTICATED' } });
    const openapi = await api.get<{ openapi: string; paths: Record<string, unknown> }>('/openapi.json', tokens.ingest);
    expect(openapi.body.openapi).toBe('3.1.0');
    expect(Object.keys(openapi.body.paths)).toEqual(
      expect.arrayContaining(['/health', '/sync/pull', '/sync/push', '/sync/reconcile', '/ingest/usage', '/series/device-grant', '/invoices/issue', '/auth/revoke', '/admin/revoke-tokens']),
    );
  });

  it('refuse sans jeton ou avec un jeton invalide (401) et hors rôle (403), en français', async () => {
    const body = { deviceId: 'x', mutations: [mutation('x', 'clients', 'c-auth', clientRecord())] };
    expect(await api.post('/sync/push', undefined, body)).toMatchObject({ status: 401, body: { error: 'UNAUTHENTICATED', message: expect.stringContaining('jeton manquant') } });
    expect(await api.post('/sync/push', 'ctr_faux', body)).toMatchObject({ status: 401, body: { message: 'Jeton invalide ou révoqué.' } });
    expect(await api.post('/sync/push', tokens.ingest, body)).toMatchObject({ status: 403, body: { error: 'FORBIDDEN', message: expect.stringContaining('Accès refusé') } });
    expect(await api.post('/ingest/usage', tokens.alice, { rows: [] })).toMatchObject({ status: 403 });
    expect(await api.get('/sync/reconcile')).toMatchObject({ status: 401 });
    expect((await reconcile()).tables.clients?.count).toBeDefined();
    expect((await pullAll()).some((change) => change.recordId === 'c-auth')).toBe(false);
  });

  it('révoque le jeton d’un poste qui se déconnecte, puis tous ceux d’un utilisateur à la demande d’un administrateur', async () => {
    expect(await api.post('/auth/revoke', tokens.dave, undefined)).toMatchObject({ status: 200, body: { revoked: 1 } });
    expect(await api.get('/sync/reconcile', tokens.dave)).toMatchObject({ status: 401, body: { message: 'Jeton invalide ou révoqué.' } });
    expect(await api.post('/auth/revoke', tokens.dave, undefined)).toMatchObject({ status: 401 });

    expect(await api.post('/admin/revoke-tokens', tokens.alice, { user: 'carole' })).toMatchObject({ status: 403, body: { error: 'FORBIDDEN' } });
    expect(await api.post('/admin/revoke-tokens', tokens.admin, { user: 'personne' })).toMatchObject({ status: 404, body: { error: 'UNKNOWN_USER', message: 'Utilisateur « personne » inconnu.' } });
    expect(await api.post('/admin/revoke-tokens', tokens.admin, { user: ' ' })).toMatchObject({ status: 400 });
    expect(await api.post('/admin/revoke-tokens', tokens.admin, { user: 'carole', tout: true })).toMatchObject({ status: 400 });
    // Nothing was revoked by the refused calls.
    expect((await api.get('/sync/reconcile', tokens.carole1)).status).toBe(200);
    expect(await api.post('/admin/revoke-tokens', tokens.admin, { user: 'carole' })).toMatchObject({ status: 200, body: { revoked: 2 } });
    expect((await api.get('/sync/reconcile', tokens.carole1)).status).toBe(401);
    expect((await api.get('/sync/reconcile', tokens.carole2)).status).toBe(401);
    expect(await api.post('/admin/revoke-tokens', tokens.admin, { user: 'carole' })).toMatchObject({ status: 200, body: { revoked: 0 } });
    expect((await api.get('/sync/reconcile', tokens.alice)).status).toBe(200);
  });

  it('aller-retour : ce qui est poussé revient au pull avec sa version', async () => {
    await createClient('c-round');
    const contract = await pushOne('laptop-a', mutation('laptop-a', 'contracts', 'k-round', contractRecord('c-round')));
    expect(contract).toMatchObject({ status: 'applied', version: 1, record: { id: 'k-round', clientId: 'c-round', version: 1 } });
    const changes = await pullAll(['clients', 'contracts']);
    const pulled = changes.find((change) => change.recordId === 'k-round');
    expect(pulled).toMatchObject({ entity: 'contracts', version: 1, deleted: false, record: { reference: 'CT-2026-0001', tier: 'T99' } });
  });

  it('applique une seule fois une mutation renvoyée et répond pareil', async () => {
    await createClient('c-idem');
    const rename = mutation('laptop-a', 'clients', 'c-idem', { legalName: 'Renommé une fois' }, 1);
    const first = await pushOne('laptop-a', rename);
    const again = await push(tokens.alice, 'laptop-a', [rename, rename]);
    expect(first).toMatchObject({ status: 'applied', version: 2 });
    expect(again).toEqual([first, first]);
    const pulled = (await pullAll(['clients'])).find((change) => change.recordId === 'c-idem');
    expect(pulled).toMatchObject({ version: 2, record: { legalName: 'Renommé une fois' } });
  });

  it('fusionne des champs différents modifiés par deux postes', async () => {
    await createClient('c-merge');
    const a = await pushOne('laptop-a', mutation('laptop-a', 'clients', 'c-merge', { legalName: 'Nom par A' }, 1));
    const b = await pushOne('laptop-b', mutation('laptop-b', 'clients', 'c-merge', { hostingMode: 'self_hosted', updatedAt: '2030-01-01T00:00:00Z' }, 1), tokens.bob);
    expect(a).toMatchObject({ status: 'applied', version: 2 });
    expect(b).toMatchObject({ status: 'applied', version: 3, record: { legalName: 'Nom par A', hostingMode: 'self_hosted', version: 3 } });
  });

  it('signale un conflit sur le même champ avec les deux valeurs, sans rien appliquer', async () => {
    await createClient('c-conflict', 'Origine');
    await pushOne('laptop-a', mutation('laptop-a', 'clients', 'c-conflict', { legalName: 'Version A' }, 1));
    const b = await pushOne('laptop-b', mutation('laptop-b', 'clients', 'c-conflict', { legalName: 'Version B', hostingMode: 'self_hosted' }, 1), tokens.bob);
    expect(b).toMatchObject({
      status: 'conflict',
      version: 2,
      conflicts: [{ field: 'legalName', serverValue: 'Version A', clientValue: 'Version B' }],
      record: { legalName: 'Version A', hostingMode: 'cloud' },
    });
    const deletion = await pushOne('laptop-b', mutation('laptop-b', 'clients', 'c-conflict', {}, 1, 'delete'), tokens.bob);
    expect(deletion).toMatchObject({ status: 'conflict', conflicts: [{ field: 'legalName', serverValue: 'Version A', clientValue: null }] });
    const deleted = await pushOne('laptop-b', mutation('laptop-b', 'clients', 'c-conflict', {}, 2, 'delete'), tokens.bob);
    expect(deleted).toMatchObject({ status: 'applied', version: 3, record: null });
  });

  it('refuse les charges malformées ou hostiles sans rien stocker', async () => {
    const before = await reconcile();
    const bad = (m: Record<string, unknown>) => api.post('/sync/push', tokens.alice, { deviceId: 'laptop-a', mutations: [m] });
    const valid = mutation('laptop-a', 'clients', 'c-hostile', clientRecord());
    expect(await bad({ ...valid, baseVersion: 'zéro' })).toMatchObject({ status: 400, body: { error: 'INVALID_REQUEST', message: expect.stringContaining('mutations.0.baseVersion') } });
    expect(await bad({ ...valid, entity: 'users' })).toMatchObject({ status: 400 });
    expect(await bad({ ...valid, changes: { ...valid.changes, constructor: { prototype: { admin: true } } } })).toMatchObject({ status: 400 });
    expect(await bad({ ...valid, changes: { ...valid.changes, legalName: 'nul\u0000' } })).toMatchObject({ status: 400 });
    const proto = `{"deviceId":"laptop-a","mutations":[${JSON.stringify(valid).replace('"changes":{', '"changes":{"__proto__":{"isAdmin":true},')}]}`;
    expect(await api.postRaw('/sync/push', tokens.alice, proto)).toMatchObject({ status: 400, body: { message: expect.stringContaining('__proto__') } });
    expect(await api.postRaw('/sync/push', tokens.alice, '{"deviceId":')).toMatchObject({ status: 400, body: { error: 'INVALID_JSON' } });
    expect(await postOversized(server.url, '/sync/push', tokens.alice, 6 * 1024 * 1024)).toBe(413);
    expect(await api.postRaw('/sync/pull', tokens.alice, `{"cursor":"0","pad":"${'x'.repeat(100 * 1024)}"}`)).toMatchObject({ status: 413, body: { error: 'BODY_TOO_LARGE' } });
    const tooMany = Array.from({ length: MAX_PUSH_BATCH + 1 }, (_, i) => mutation('laptop-a', 'clients', `c-many-${i}`, clientRecord()));
    expect(await api.post('/sync/push', tokens.alice, { deviceId: 'laptop-a', mutations: tooMany })).toMatchObject({ status: 400 });
    expect(await reconcile()).toEqual(before);
  });

  it('refuse une mutation invalide avec sa raison sans bloquer les autres', async () => {
    const invalid = mutation('laptop-a', 'clients', 'c-invalid', { ...clientRecord(), legalName: '' });
    const results = await push(tokens.alice, 'laptop-a', [invalid, mutation('laptop-a', 'clients', 'c-after-invalid', clientRecord())]);
    expect(results[0]).toMatchObject({ status: 'rejected', reason: expect.stringContaining('raison sociale') });
    expect(results[1]).toMatchObject({ status: 'applied', version: 1 });
  });

  it('pagine le pull dans un ordre stable, filtré par entité', async () => {
    for (let i = 0; i < 3; i++) {
      await push(tokens.alice, 'laptop-a', Array.from({ length: 8 }, (_, j) => mutation('laptop-a', 'contracts', `k-page-${i}-${j}`, contractRecord('c-round', `CT-P-${i}-${j}`))));
    }
    const paged = await pullAll(['contracts'], 7);
    const whole = await pullAll(['contracts'], 1000);
    expect(paged.map((change) => change.recordId)).toEqual(whole.map((change) => change.recordId));
    expect(new Set(paged.map((change) => change.recordId)).size).toBe(paged.length);
    expect(paged.every((change) => change.entity === 'contracts')).toBe(true);
    expect(paged.filter((change) => change.recordId.startsWith('k-page-'))).toHaveLength(24);
    // Several entities: merged in change order, as the unfiltered pull has them; an entity named twice comes once.
    await push(tokens.alice, 'laptop-a', [mutation('laptop-a', 'clients', 'c-page', clientRecord('Pagination SAS'))]);
    await push(tokens.alice, 'laptop-a', [mutation('laptop-a', 'contracts', 'k-page-after', contractRecord('c-page', 'CT-P-9'))]);
    const mixed = await pullAll(['contracts', 'clients', 'contracts'], 5);
    const everything = await pullAll(undefined, 1000);
    expect(mixed.map((change) => change.recordId)).toEqual(everything.filter((change) => change.entity === 'clients' || change.entity === 'contracts').map((change) => change.recordId));
    expect(new Set(mixed.map((change) => change.entity))).toEqual(new Set(['clients', 'contracts']));
  });

  it('groupe par client un pull depuis le début (order: client) : chaque enregistrement une fois, ceux d’un client d’un seul tenant, puis ce qui a changé pendant le pull', async () => {
    const owners = ['c-grp-b', 'c-grp-a', 'c-grp-c'];
    await push(tokens.alice, 'laptop-a', Array.from({ length: 9 }, (_, j) => mutation('laptop-a', 'contracts', `k-grp-${j}`, contractRecord(owners[j % 3]!, `CT-G-${j}`))));
    const pages: PullResponse[] = [];
    let cursor = '0';
    for (;;) {
      const answer = await api.post<PullResponse>('/sync/pull', tokens.alice, { cursor, limit: 4, entities: ['contracts'], order: 'client' });
      expect(answer.status).toBe(200);
      pages.push(pullResponseSchema.parse(answer.body));
      // Changed and created while the pull runs: sent after the snapshot, in change order.
      if (pages.length === 1) {
        expect(await pushOne('laptop-a', mutation('laptop-a', 'contracts', 'k-grp-0', { reference: 'CT-G-0-bis' }, 1))).toMatchObject({ status: 'applied', version: 2 });
        await pushOne('laptop-a', mutation('laptop-a', 'contracts', 'k-grp-late', contractRecord('c-grp-a', 'CT-G-L')));
      }
      cursor = pages.at(-1)!.nextCursor;
      if (!pages.at(-1)!.hasMore) break;
    }
    // The snapshot's pages carry grouped cursors; its last one hands over to the order of changes with a sequence.
    const handover = pages.findIndex((p) => /^\d+$/.test(p.nextCursor));
    expect(handover).toBeGreaterThan(0);
    expect(pages.slice(0, handover).every((p) => p.nextCursor.startsWith('g'))).toBe(true);
    const snapshot = pages.slice(0, handover + 1).flatMap((p) => p.changes);
    expect(new Set(snapshot.map((c) => c.recordId)).size).toBe(snapshot.length);
    expect(snapshot.some((c) => c.recordId === 'k-grp-late')).toBe(false);
    // A client's contracts come together: no client comes back once another has started.
    const runs = snapshot.map((c) => String(c.record?.clientId)).filter((id, k, all) => k === 0 || all[k - 1] !== id);
    expect(new Set(runs).size).toBe(runs.length);
    // Every contract in its latest state, as the order of changes has them.
    const latest = new Map(pages.flatMap((p) => p.changes).map((c) => [c.recordId, c.version]));
    const whole = await pullAll(['contracts'], 1000);
    expect(latest).toEqual(new Map(whole.map((c) => [c.recordId, c.version])));
    expect(latest.get('k-grp-0')).toBe(2);
    expect(latest.has('k-grp-late')).toBe(true);
    // A grouped cursor the server did not write is refused, in French, not a 500.
    const forged = await api.post<PullResponse>('/sync/pull', tokens.alice, { cursor: 'g12.bm90LWpzb24', limit: 4, entities: ['contracts'], order: 'client' });
    expect(forged).toMatchObject({ status: 400, body: { error: 'INVALID_REQUEST' } });
  });

  it('numérote la série centrale sans trou ni doublon sous émissions concurrentes', async () => {
    const ids = Array.from({ length: 12 }, (_, i) => `inv-central-${i}`);
    await push(tokens.alice, 'laptop-a', ids.map((id) => mutation('laptop-a', 'invoices', id, draftInvoice('c-round', 'k-round', '2026-04-01'))));
    const answers = await Promise.all(ids.map((invoiceId, i) => api.post<InvoiceIssueResponse>('/invoices/issue', i % 2 ? tokens.bob : tokens.alice, { invoiceId })));
    expect(answers.every((answer) => answer.status === 200)).toBe(true);
    const numbers = answers.map((answer) => invoiceIssueResponseSchema.parse(answer.body).number).sort();
    expect(numbers).toEqual(ids.map((_, i) => `F-2026-${String(i + 1).padStart(6, '0')}`));
    expect((await api.post('/invoices/issue', tokens.alice, { invoiceId: ids[0] })).status).toBe(409);
    // The same request sent again (its answer lost) gets the number it was given; another request is refused.
    await pushOne('laptop-a', mutation('laptop-a', 'invoices', 'inv-replay', draftInvoice('c-round', 'k-round', '2026-04-01')));
    const requestId = randomUUID();
    const issued = await api.post<InvoiceIssueResponse>('/invoices/issue', tokens.alice, { invoiceId: 'inv-replay', requestId, deviceId: 'laptop-a' });
    expect(issued).toMatchObject({ status: 200, body: { number: 'F-2026-000013' } });
    expect(await api.post('/invoices/issue', tokens.alice, { invoiceId: 'inv-replay', requestId, deviceId: 'laptop-a' })).toEqual(issued);
    expect(await api.post('/invoices/issue', tokens.bob, { invoiceId: 'inv-replay', requestId: randomUUID() })).toMatchObject({ status: 409, body: { error: 'ALREADY_ISSUED' } });
    await pushOne('laptop-a', mutation('laptop-a', 'invoices', 'inv-earlier', draftInvoice('c-round', 'k-round', '2026-03-01')));
    expect(await api.post('/invoices/issue', tokens.alice, { invoiceId: 'inv-earlier' })).toMatchObject({ status: 409, body: { error: 'NUMBERING_VIOLATION' } });
  });

  it('attribue des codes de poste distincts et stables', async () => {
    const grant = async (deviceId: string, kind = 'invoice') =>
      deviceGrantResponseSchema.parse((await api.post<DeviceGrantResponse>('/series/device-grant', tokens.alice, { deviceId, year: 2026, kind })).body);
    const a = await grant('grant-a');
    const b = await grant('grant-b');
    expect(a.deviceCode).not.toBe(b.deviceCode);
    expect(a.prefix).toBe(`F-2026-${a.deviceCode}-`);
    expect(await grant('grant-a')).toEqual(a);
    expect((await grant('grant-a', 'credit_note')).prefix).toBe(`AV-2026-${a.deviceCode}-`);
  });

  it('accepte une facture émise hors ligne dans la série du poste, puis la rend immuable', async () => {
    const { body: grant } = await api.post<DeviceGrantResponse>('/series/device-grant', tokens.alice, { deviceId: 'laptop-a', year: 2026, kind: 'invoice' });
    const issued = { ...draftInvoice('c-round', 'k-round', '2026-05-01'), status: 'issued', number: `${grant.prefix}0001` };
    expect(await pushOne('laptop-a', mutation('laptop-a', 'invoices', 'inv-offline-1', issued))).toMatchObject({ status: 'applied', version: 1 });
    const skipped = await pushOne('laptop-a', mutation('laptop-a', 'invoices', 'inv-offline-3', { ...issued, number: `${grant.prefix}0003` }));
    expect(skipped).toMatchObject({ status: 'rejected', reason: expect.stringContaining('continue') });
    const stolen = await pushOne('laptop-b', mutation('laptop-b', 'invoices', 'inv-offline-b', { ...issued, number: `${grant.prefix}0002` }), tokens.bob);
    expect(stolen).toMatchObject({ status: 'rejected' });

    // src-core issuedDocumentChangeRefusal: the laptop's own words, naming the document.
    const immutable = expect.stringMatching(/^La facture \S+ est émise : elle ne peut plus être modifiée ni supprimée ; émettez un avoir\.$/);
    expect(await pushOne('laptop-a', mutation('laptop-a', 'invoices', 'inv-offline-1', { dueDate: '2026-06-30' }, 1))).toMatchObject({ status: 'rejected', reason: immutable });
    expect(await pushOne('laptop-a', mutation('laptop-a', 'invoices', 'inv-offline-1', {}, 1, 'delete'))).toMatchObject({ status: 'rejected', reason: immutable });
    expect(await pushOne('laptop-a', mutation('laptop-a', 'invoices', 'inv-central-0', { status: 'draft', number: null }, 2))).toMatchObject({ status: 'rejected', reason: immutable });
    // The same values sent again (e.g. a re-sync) change nothing and are accepted.
    expect(await pushOne('laptop-a', mutation('laptop-a', 'invoices', 'inv-offline-1', { number: issued.number, updatedAt: '2030-01-01T00:00:00Z' }, 1))).toMatchObject({ status: 'applied', version: 1 });
  });

  it('fusionne les consommations de la plateforme dans un document par contrat', async () => {
    const row = (month: string, cpuHours: number) => ({ contractId: 'k-round', month, cpuHours, databaseGB: 0.4, storageGB: 3 });
    expect(await api.post('/ingest/usage', tokens.ingest, { rows: [row('2026-02', 1), row('2026-01', 1.2)] })).toMatchObject({ status: 200, body: { rows: 2, documentsChanged: 1 } });
    expect(await api.post('/ingest/usage', tokens.ingest, { rows: [row('2026-02', 1.4)] })).toMatchObject({ status: 200, body: { documentsChanged: 1 } });
    expect(await api.post('/ingest/usage', tokens.ingest, { rows: [row('2026-02', 1.4)] })).toMatchObject({ status: 200, body: { documentsChanged: 0 } });
    const usage = (await pullAll(['usage'])).find((change) => change.recordId === 'k-round');
    expect(usage).toMatchObject({ version: 2, record: { contractId: 'k-round', clientId: 'c-round', months: [{ month: '2026-01', cpuHours: 1.2 }, { month: '2026-02', cpuHours: 1.4 }] } });
    expect(await api.post('/ingest/usage', tokens.ingest, { rows: [{ ...row('2026-01', 1), contractId: 'k-inconnu' }] })).toMatchObject({ status: 422 });
    expect(await api.post('/ingest/usage', tokens.ingest, { rows: [{ ...row('2026-13', 1) }] })).toMatchObject({ status: 400 });
  });

  it('donne par table un nombre et une empreinte égaux à ceux calculés depuis le pull', async () => {
    const tables = (await reconcile()).tables;
    const live = (await pullAll()).filter((change) => !change.deleted);
    for (const entity of ['clients', 'contracts', 'invoices', 'usage'] as const) {
      const pairs = live.filter((change) => change.entity === entity).map((change) => ({ id: change.recordId, version: change.version }));
      expect(tables[entity]).toEqual({ count: pairs.length, hash: reconcileHash(pairs.reverse()) });
    }
  });

  it('garde tout après un redémarrage (et create-token / revoke-tokens fonctionnent serveur arrêté)', async () => {
    const before = await reconcile();
    expect(await server.stop()).toBe(0);
    const created = await cliOutput(['create-token', '--user', 'bob', ...storage.cliArgs], storage.cliEnv);
    expect(created.code, created.stderr).toBe(0);
    const newToken = /^ctr_\S+$/m.exec(created.stdout)?.[0];
    expect(newToken).toBeDefined();
    const revoked = await cliOutput(['revoke-tokens', '--user', 'erin', ...storage.cliArgs], storage.cliEnv);
    expect(revoked.code, revoked.stderr).toBe(0);
    expect(revoked.stdout).toContain('Utilisateur erin : 1 jeton(s) révoqué(s)');
    const unknown = await cliOutput(['revoke-tokens', '--user', 'personne', ...storage.cliArgs], storage.cliEnv);
    expect([unknown.code, unknown.stderr.trim()]).toEqual([1, 'Utilisateur « personne » inconnu.']);
    server = await startServerProcess(storage.cliArgs, storage.cliEnv);
    api = apiClient(server.url);
    expect(await reconcile()).toEqual(before);
    expect((await api.get<ReconcileResponse>('/sync/reconcile', newToken)).status).toBe(200);
    expect((await api.post('/ingest/usage', tokens.erin, { rows: [] })).status).toBe(401);
    const resent: MutationResult = await pushOne('laptop-a', mutation('laptop-a', 'clients', 'c-after-restart', clientRecord()));
    expect(resent.status).toBe('applied');
  }, STARTUP_TIMEOUT);
});
