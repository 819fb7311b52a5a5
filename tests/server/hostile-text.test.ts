import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pullResponseSchema, pushResponseSchema, type PullResponse, type PushResponse } from '../../src-core/sync';
import { createUser } from '../../src-server/auth/users';
import { startServer, type RunningServer } from '../../src-server/server';
import { apiClient, postOversized, type ApiClient } from './support/api';
import { clientRecord, mutation } from './support/fixtures';
import { storageVariants, type TestStorage } from './support/storages';

const STARTUP_TIMEOUT = 180_000;

/** Every 4xx of the API: its error shape, and French (no English phrase of zod, Fastify or Node). */
function expectFrenchError(body: unknown): void {
  expect(body).toMatchObject({ error: expect.any(String), message: expect.any(String) });
  const { message } = body as { message: string };
  expect(message).not.toMatch(/\b(Too small|Too big|Invalid|expected|Unrecognized|Required|Client Error|Bad Request|Not Found)\b/);
}

// Issue 21: a lone surrogate in a text gave a 500 (the laptop retried the batch for ever); 4 MiB strings were stored;
// unknown keys were kept in field versions and the audit; validation answers were in English.
describe.each(storageVariants())('texte bien formé à l’entrée de l’API — stockage $name', ({ open }) => {
  let storage: TestStorage;
  let server: RunningServer;
  let api: ApiClient;
  let token = '';

  beforeAll(async () => {
    storage = await open();
    server = await startServer({ storage: storage.config, port: 0 });
    token = (await createUser(server.db, 'alice', 'account_manager')).token;
    api = apiClient(server.url);
  }, STARTUP_TIMEOUT);
  afterAll(async () => {
    await server?.close();
    await storage?.dispose();
  }, STARTUP_TIMEOUT);

  const pushRaw = (json: string) => api.postRaw<PushResponse>('/sync/push', token, json);
  const pushClient = (id: string, changes: Record<string, unknown>) => JSON.stringify({ deviceId: 'laptop-a', mutations: [mutation('laptop-a', 'clients', id, changes)] });
  const storedCount = async () => (await server.db.query<{ n: number }>('select count(*)::int as n from records')).at(0)?.n;

  it('refuse en 400, en français, une moitié d’emoji ou un caractère de contrôle, où qu’ils soient', async () => {
    const before = await storedCount();
    const lone = pushClient('c-lone', { ...clientRecord(), legalName: 'ACME ' }).replace('"ACME "', '"ACME \\ud83d"');
    const loneAnswer = await pushRaw(lone);
    expect(loneAnswer).toMatchObject({ status: 400, body: { error: 'FORBIDDEN_CONTENT', message: expect.stringContaining('surrogate') } });
    expect((loneAnswer.body as unknown as { message: string }).message).toContain('mutations.0.changes.legalName');
    const inKey = pushClient('c-lone-key', clientRecord()).replace('"legalName"', '"legal\\udc00Name"');
    expect(await pushRaw(inKey)).toMatchObject({ status: 400, body: { error: 'FORBIDDEN_CONTENT' } });
    const bell = await api.post('/sync/push', token, { deviceId: 'laptop-a', mutations: [mutation('laptop-a', 'clients', 'c-bell', { ...clientRecord(), legalName: 'ACME\u0007' })] });
    expect(bell).toMatchObject({ status: 400, body: { message: expect.stringContaining('U+0007') } });
    expectFrenchError(bell.body);
    // Elsewhere than in a push too: any JSON body of the API.
    expect(await api.postRaw('/sync/pull', token, '{"cursor":"0\\ud800"}')).toMatchObject({ status: 400, body: { error: 'FORBIDDEN_CONTENT' } });
    expect(await storedCount()).toBe(before);
    // A whole emoji is text like any other.
    const emoji = await api.post<PushResponse>('/sync/push', token, { deviceId: 'laptop-a', mutations: [mutation('laptop-a', 'clients', 'c-emoji', { ...clientRecord(), legalName: 'ACME 😀' })] });
    expect(pushResponseSchema.parse(emoji.body).results[0]).toMatchObject({ status: 'applied', record: { legalName: 'ACME 😀' } });
  });

  it('stocke le texte en forme NFC, quelle que soit la forme envoyée', async () => {
    const decomposed = 'Cafe\u0301 de la Gare';
    const answer = await api.post<PushResponse>('/sync/push', token, { deviceId: 'laptop-a', mutations: [mutation('laptop-a', 'clients', 'c-nfc', { ...clientRecord(), legalName: decomposed })] });
    expect(pushResponseSchema.parse(answer.body).results[0]).toMatchObject({ status: 'applied', record: { legalName: 'Café de la Gare' } });
    const pulled = pullResponseSchema.parse((await api.post<PullResponse>('/sync/pull', token, { cursor: '0', limit: 1000, entities: ['clients'] })).body);
    const stored = pulled.changes.find((change) => change.recordId === 'c-nfc')?.record?.legalName;
    expect(stored).toBe('Café de la Gare');
    expect(stored).toBe(String(stored).normalize('NFC'));
  });

  it('refuse un texte de plusieurs mégaoctets et un push annoncé trop gros (413 avant lecture du corps)', async () => {
    const before = await storedCount();
    const huge = await api.post('/sync/push', token, { deviceId: 'laptop-a', mutations: [mutation('laptop-a', 'clients', 'c-huge', { ...clientRecord(), vatNumber: 'x'.repeat(4 * 1024 * 1024) })] });
    expect(huge).toMatchObject({ status: 400, body: { error: 'FORBIDDEN_CONTENT', message: expect.stringContaining('texte trop long') } });
    expect(await postOversized(server.url, '/sync/push', token, 6 * 1024 * 1024)).toBe(413);
    // Sent for real, the oversized body still gets a readable 413 (not a cut connection).
    const oversized = await fetch(new URL('/sync/push', server.url), {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ deviceId: 'laptop-a', mutations: [], pad: 'y'.repeat(6 * 1024 * 1024) }),
    });
    expect(oversized.status).toBe(413);
    const refusal = (await oversized.json()) as unknown;
    expect(refusal).toMatchObject({ error: 'BODY_TOO_LARGE', message: expect.stringContaining('plusieurs lots') });
    expect(await storedCount()).toBe(before);
  });

  it('refuse les clés inconnues : dans le corps d’une route (400) et dans un enregistrement (refusé, rien de stocké ni journalisé)', async () => {
    const extra = await api.post('/sync/pull', token, { cursor: '0', limit: 10, everything: true });
    expect(extra).toMatchObject({ status: 400, body: { error: 'INVALID_REQUEST', message: expect.stringContaining('Clé non reconnue : "everything"') } });
    const invented = Object.fromEntries(Array.from({ length: 20_000 }, (_, i) => [`k${i}`, i]));
    const answer = await api.post<PushResponse>('/sync/push', token, { deviceId: 'laptop-a', mutations: [mutation('laptop-a', 'clients', 'c-keys', { ...clientRecord(), ...invented })] });
    expect(pushResponseSchema.parse(answer.body).results[0]).toMatchObject({ status: 'rejected', reason: expect.stringContaining('Champs inconnus : « k0 »') });
    expect(await server.db.query("select 1 from records where id = 'c-keys'")).toHaveLength(0);
    expect(await server.db.query("select 1 from audit_log where record_id = 'c-keys'")).toHaveLength(0);
    // A valid record is stored with the field versions of its own fields only.
    await api.post('/sync/push', token, { deviceId: 'laptop-a', mutations: [mutation('laptop-a', 'clients', 'c-clean', clientRecord())] });
    const [row] = await server.db.query<{ field_versions: Record<string, number> }>("select field_versions from records where id = 'c-clean'");
    expect(Object.keys(row!.field_versions).sort()).toEqual(Object.keys(clientRecord()).filter((key) => key !== 'version' && key !== 'updatedAt' && key !== 'createdAt').sort());
  }, 60_000);

  it('répond en français dans le format de l’API aux erreurs de validation, de route et de JSON', async () => {
    const answers = [
      await api.post('/sync/pull', token, { cursor: '0', limit: 0 }),
      await api.post('/sync/pull', token, { cursor: 12, limit: 'dix' }),
      await api.post('/sync/push', token, { deviceId: '', mutations: [] }),
      await api.post('/series/device-grant', token, { deviceId: 'x', year: 1999, kind: 'ticket' }),
      await api.get('/nulle-part', token),
      await api.postRaw('/sync/pull', token, '{"cursor":'),
      await api.postRaw('/sync/pull', token, ''),
    ];
    expect(answers.map((answer) => answer.status)).toEqual([400, 400, 400, 400, 404, 400, 400]);
    for (const answer of answers) expectFrenchError(answer.body);
  });
});
