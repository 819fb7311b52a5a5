import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../../src-server/auth/passwords';
import { createUser } from '../../src-server/auth/users';
import { loginResponseSchema, meResponseSchema, userTokensListResponseSchema } from '../../src-core/sync';
import type { ApiClient } from './support/api';
import { cliOutput, type ServerProcess } from './support/server-process';
import { embeddedStorage, storageVariants, type TestStorage } from './support/storages';
import { serveSeeded } from './support/served';

const STARTUP_TIMEOUT = 180_000;
const ALICE_PASSWORD = 'correct horse battery';
const WRONG = 'Nom d’utilisateur ou mot de passe incorrect.';

describe('mots de passe : scrypt salé, comparaison à temps constant', () => {
  it('deux hachages du même mot de passe diffèrent (sel propre) et se vérifient ; un autre mot de passe échoue', async () => {
    const [first, second] = await Promise.all([hashPassword('mot de passe sûr'), hashPassword('mot de passe sûr')]);
    expect(first).toMatch(/^scrypt\$32768\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(first).not.toBe(second);
    expect(await verifyPassword('mot de passe sûr', first)).toBe(true);
    expect(await verifyPassword('mot de passe sûr', second)).toBe(true);
    expect(await verifyPassword('mot de passe sur', first)).toBe(false);
    expect(await verifyPassword('mot de passe sûr', 'n’importe quoi')).toBe(false);
    // Six scrypt runs of 32 MiB: slow by design, slower still on a busy machine.
  }, 60_000);
});

describe.each(storageVariants())('connexion par nom et mot de passe — stockage $name', ({ open }) => {
  let storage: TestStorage;
  let server: ServerProcess;
  let api: ApiClient;
  const tokens = { admin: '' };

  beforeAll(async () => {
    ({ storage, server, api } = await serveSeeded(open, async (db) => {
      tokens.admin = (await createUser(db, 'admin', 'admin')).token;
      await createUser(db, 'alice', 'account_manager', { displayName: 'Alice Martin', password: ALICE_PASSWORD });
      await createUser(db, 'plateforme', 'ingest', { password: 'plateforme-secrète' });
    }));
  }, STARTUP_TIMEOUT);

  afterAll(async () => {
    await server?.stop();
    await storage?.dispose();
  }, STARTUP_TIMEOUT);

  const cli = (args: string[], env: NodeJS.ProcessEnv = {}) => cliOutput([...args, ...storage.cliArgs], { ...storage.cliEnv, ...env });
  const login = (user: string, password: string, deviceId: string) => api.post<Record<string, unknown>>('/auth/login', undefined, { user, password, deviceId });

  it('le poste reçoit son propre jeton et le serveur lui dit qui est la personne', async () => {
    const answer = await login('alice', ALICE_PASSWORD, 'poste-a');
    expect(answer.status).toBe(200);
    const signedIn = loginResponseSchema.parse(answer.body);
    expect(signedIn.user).toMatchObject({ name: 'alice', displayName: 'Alice Martin', role: 'account_manager' });
    const me = await api.get('/auth/me', signedIn.token);
    expect(meResponseSchema.parse(me.body)).toEqual({ user: signedIn.user, deviceId: 'poste-a' });
    expect((await api.get('/sync/reconcile', signedIn.token)).status).toBe(200);
  }, 60_000);

  it('un mauvais mot de passe et un nom inconnu reçoivent la même réponse, en français ; un compte d’ingestion ne se connecte pas d’un poste', async () => {
    expect(await login('alice', 'pas le bon', 'poste-a')).toMatchObject({ status: 401, body: { error: 'INVALID_CREDENTIALS', message: WRONG, said: { code: 'sync.refusal.wrongCredentials' } } });
    expect(await login('personne', 'pas le bon', 'poste-a')).toMatchObject({ status: 401, body: { error: 'INVALID_CREDENTIALS', message: WRONG } });
    expect(await login('admin', 'sans mot de passe', 'poste-a')).toMatchObject({ status: 401, body: { message: WRONG } });
    expect(await login('plateforme', 'plateforme-secrète', 'poste-a')).toMatchObject({ status: 403, body: { error: 'FORBIDDEN' } });
    expect(await api.post('/auth/login', undefined, { user: 'alice', password: ALICE_PASSWORD })).toMatchObject({ status: 400 });
    // The successful sign-in resets the count of failures.
    expect((await login('alice', ALICE_PASSWORD, 'poste-a')).status).toBe(200);
  }, 60_000);

  it('un poste par jeton : se reconnecter du même poste révoque son ancien jeton ; un admin révoque un seul poste', async () => {
    const first = loginResponseSchema.parse((await login('alice', ALICE_PASSWORD, 'poste-b')).body).token;
    const again = loginResponseSchema.parse((await login('alice', ALICE_PASSWORD, 'poste-b')).body).token;
    const other = loginResponseSchema.parse((await login('alice', ALICE_PASSWORD, 'poste-c')).body).token;
    expect((await api.get('/sync/reconcile', first)).status).toBe(401);
    expect((await api.get('/sync/reconcile', again)).status).toBe(200);

    const listed = userTokensListResponseSchema.parse((await api.post('/admin/tokens', tokens.admin, { user: 'alice' })).body);
    // The token create-user printed has no laptop; each sign-in's token names its own.
    const valid = listed.tokens.filter((t) => t.revokedAt === null).map((t) => t.deviceId ?? 'ligne de commande');
    expect(valid.sort()).toEqual(['ligne de commande', 'poste-a', 'poste-b', 'poste-c']);
    expect(listed.tokens.filter((t) => t.deviceId === 'poste-b' && t.revokedAt !== null)).toHaveLength(1);
    expect((await api.post('/admin/tokens', other, { user: 'alice' })).status).toBe(403);

    expect(await api.post('/admin/revoke-device', tokens.admin, { user: 'alice', deviceId: 'poste-b' })).toMatchObject({ status: 200, body: { revoked: 1 } });
    expect((await api.get('/sync/reconcile', again)).status).toBe(401);
    expect((await api.get('/sync/reconcile', other)).status).toBe(200);
    expect(await api.post('/admin/revoke-device', tokens.admin, { user: 'personne', deviceId: 'poste-b' })).toMatchObject({ status: 404 });

    // The CLI lists the same laptops (through the running server on the embedded storage), then revokes one.
    const listing = await cli(['list-tokens', '--user', 'alice']);
    expect(listing.code, listing.stderr).toBe(0);
    expect(listing.stdout).toMatch(/poste poste-c — créé le \S+ — valide/);
    expect(listing.stdout).toMatch(/poste poste-b — créé le \S+ — révoqué le/);
    const revoked = await cli(['revoke-device', '--user', 'alice', '--device', 'poste-c']);
    expect(revoked.code, revoked.stderr).toBe(0);
    expect(revoked.stdout).toContain('1 jeton(s) révoqué(s)');
    expect((await api.get('/sync/reconcile', other)).status).toBe(401);
  }, 120_000);

  it('10 échecs d’affilée verrouillent le compte 15 minutes, même avec le bon mot de passe ; set-password le rouvre', async () => {
    const created = await cli(['create-user', '--name', 'bruno', '--role', 'account_manager', '--display-name', 'Bruno Petit'], { CONTRATS_PASSWORD: 'premier-mot-de-passe' });
    expect(created.code, created.stderr).toBe(0);
    expect(created.stdout).toContain('il se connecte depuis son poste avec son nom et son mot de passe');
    expect((await login('bruno', 'premier-mot-de-passe', 'poste-d')).status).toBe(200);

    const answers = [];
    for (let i = 0; i < 10; i++) answers.push(await login('bruno', `essai ${i}`, 'poste-d'));
    expect(answers.slice(0, 9).map((a) => a.status)).toEqual(Array(9).fill(401));
    expect(answers[9]).toMatchObject({ status: 423, body: { error: 'ACCOUNT_LOCKED' } });
    expect(String(answers[9]!.body.message)).toMatch(/^Compte verrouillé après 10 échecs de connexion : réessayez dans 1[45] min/);
    expect(await login('bruno', 'premier-mot-de-passe', 'poste-d')).toMatchObject({ status: 423, body: { error: 'ACCOUNT_LOCKED' } });

    const tooShort = await cli(['set-password', '--user', 'bruno'], { CONTRATS_PASSWORD: 'court' });
    expect([tooShort.code, tooShort.stderr.trim()]).toEqual([1, 'Mot de passe trop court : 10 caractères au moins.']);
    const reset = await cli(['set-password', '--user', 'bruno'], { CONTRATS_PASSWORD: 'second-mot-de-passe' });
    expect(reset.code, reset.stderr).toBe(0);
    expect(await login('bruno', 'premier-mot-de-passe', 'poste-d')).toMatchObject({ status: 401 });
    const signedIn = loginResponseSchema.parse((await login('bruno', 'second-mot-de-passe', 'poste-d')).body);
    expect(signedIn.user.displayName).toBe('Bruno Petit');
  }, 120_000);
});

describe('connexion : débit limité par adresse', () => {
  let served: Awaited<ReturnType<typeof serveSeeded>>;

  beforeAll(async () => {
    served = await serveSeeded(embeddedStorage, async (db) => void (await createUser(db, 'alice', 'account_manager', { password: ALICE_PASSWORD })), ['--anonymous-rate-limit', '5']);
  }, STARTUP_TIMEOUT);

  afterAll(async () => {
    await served?.server.stop();
    await served?.storage.dispose();
  }, STARTUP_TIMEOUT);

  it('au-delà du budget anonyme de l’adresse, la connexion reçoit 429 en français avant tout essai de mot de passe', async () => {
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await served.api.post('/auth/login', undefined, { user: 'alice', password: `essai ${i}`, deviceId: 'poste' })).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401]);
    const limited = await served.api.post<{ message: string }>('/auth/login', undefined, { user: 'alice', password: ALICE_PASSWORD, deviceId: 'poste' });
    expect(limited.status).toBe(429);
    expect(limited.body.message).toMatch(/^Trop de requêtes : réessayez dans \d+ s\.$/);
  }, 60_000);
});
