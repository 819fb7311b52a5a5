import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messageFr } from '../../src-core';
import { apiErrorSchema } from '../../src-core/sync';
import { createUser } from '../../src-server/auth/users';
import { startServer, type RunningServer } from '../../src-server/server';
import { translateMessage } from '../../src-renderer/i18n/translate';
import { FRENCH } from '../unit/support/expect-said';

// Issue 19, s13: the server's own refusals of a request, as a laptop reads
// them over HTTP — its French unchanged in `message`, the same as a code in
// `said`, which the laptop says in English without French.
describe('refus du serveur lui-même, dits en anglais par le poste (issue 19)', () => {
  let server: RunningServer;
  const tokens = { admin: '', alice: '', ingest: '' };

  beforeAll(async () => {
    server = await startServer({ storage: { inMemory: true }, port: 0 });
    tokens.admin = (await createUser(server.db, 'root', 'admin')).token;
    tokens.alice = (await createUser(server.db, 'alice', 'account_manager')).token;
    tokens.ingest = (await createUser(server.db, 'plateforme', 'ingest')).token;
  }, 180_000);
  afterAll(async () => {
    await server?.close();
  });

  /** The answer of `path` refused with `status`: its French message and its English, both checked. */
  async function refused(path: string, token: string, body: string | undefined, status: number): Promise<{ fr: string; en: string }> {
    const response = await fetch(new URL(path, server.url), {
      method: body === undefined ? 'GET' : 'POST',
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body }),
    });
    expect(response.status, path).toBe(status);
    const answer = apiErrorSchema.parse(await response.json());
    expect(answer.said, answer.message).toBeDefined();
    expect(messageFr(answer.said!)).toBe(answer.message);
    const en = translateMessage('en', answer.said!);
    expect(en, en).not.toMatch(FRENCH);
    return { fr: answer.message, en };
  }

  it('an unknown route, unreadable JSON, a body the wire schema refuses, a bad pull cursor', async () => {
    expect(await refused('/nulle-part', tokens.alice, undefined, 404)).toEqual({ fr: 'Route inconnue : GET /nulle-part', en: 'Unknown route: GET /nulle-part' });
    expect(await refused('/sync/push', tokens.alice, '{"deviceId":', 400)).toEqual({ fr: 'Corps JSON illisible.', en: 'Unreadable JSON body.' });
    const schema = await refused('/sync/pull', tokens.alice, JSON.stringify({ cursor: '0', extra: 1 }), 400);
    expect(schema.fr).toMatch(/^Requête invalide : \(corps\) — .*extra.*$/);
    expect(schema.en).toBe('Invalid request: (body) — Unrecognized key: "extra"');
    const cursor = await refused('/sync/pull', tokens.alice, JSON.stringify({ cursor: 'nope' }), 400);
    expect(cursor).toEqual({ fr: 'Requête invalide : cursor — Curseur invalide', en: 'Invalid request: cursor — Invalid cursor' });
    const hostile = await refused('/sync/push', tokens.alice, '{"deviceId":"p1","mutations":[],"__proto__":{}}', 400);
    expect(hostile).toEqual({ fr: 'Requête refusée : clé interdite « __proto__ ».', en: 'Request refused: forbidden key “__proto__”.' });
  });

  it('usage of a contract the server does not know, and an unknown user named by an admin', async () => {
    const usage = await refused('/ingest/usage', tokens.ingest, JSON.stringify({ rows: [{ contractId: 'inconnu', month: '2026-09', cpuHours: 1, databaseGB: 1, storageGB: 1 }] }), 422);
    expect(usage).toEqual({ fr: 'Contrat inconnu inconnu du serveur : indiquez son clientId dans les lignes.', en: 'Contract inconnu unknown to the server: give its clientId in the rows.' });
    const user = await refused('/admin/tokens', tokens.admin, JSON.stringify({ user: 'personne' }), 404);
    expect(user).toEqual({ fr: 'Utilisateur « personne » inconnu.', en: 'Unknown user “personne”.' });
  });
});
