import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, expect, test, type BrowserContext, type Page } from '@playwright/test';
import { pullResponseSchema } from '../../src-core/sync';
import { startServerProcess, type ServerProcess } from '../server/support/server-process';
import { createUser, submitTokenSignIn } from './server-accounts';
import { expectNoSeriousA11yViolations } from './a11y';

// The laptop is closed with changes still in its outbox, reopened on the same
// browser profile, and pushes them: nothing typed offline is lost. Real server
// process, real Chromium profile on disk.
test.describe.configure({ mode: 'serial' });

let server: ServerProcess;
/** The token create-user printed (the advanced sign-in); the laptop otherwise gets its own by signing in. */
let token: string;
let adminToken: string;
const PASSWORD = 'mot de passe e2e';
const PERSON = 'Émilie Test (e2e)';
let dataDir: string;
let profileDir: string;

test.beforeAll(async () => {
  test.setTimeout(240_000);
  dataDir = await mkdtemp(join(tmpdir(), 'contrats-e2e-server-'));
  profileDir = await mkdtemp(join(tmpdir(), 'contrats-e2e-profile-'));
  token = await createUser(dataDir, ['--name', 'e2e', '--role', 'account_manager', '--display-name', 'Émilie Test'], { CONTRATS_PASSWORD: PASSWORD });
  adminToken = await createUser(dataDir, ['--name', 'admin', '--role', 'admin']);
  server = await startServerProcess(['--data-dir', dataDir]);
});

test.afterAll(async () => {
  await server?.stop();
  await rm(dataDir, { recursive: true, force: true });
  await rm(profileDir, { recursive: true, force: true });
});

async function openLaptop(baseURL: string): Promise<{ context: BrowserContext; page: Page }> {
  const launch = test.info().project.use.launchOptions ?? {};
  const context = await chromium.launchPersistentContext(profileDir, { ...launch, baseURL, locale: 'fr-FR', timezoneId: 'Europe/Paris' });
  await context.clock.setFixedTime(new Date('2026-11-27T10:00:00+01:00'));
  const page = context.pages()[0] ?? (await context.newPage());
  return { context, page };
}

/** Signs in with the user name and password, as an account manager does (the keyboard only: Entrée submits). */
async function signIn(page: Page, password = PASSWORD): Promise<void> {
  await page.goto('#/synchronisation');
  await page.getByLabel('Adresse du serveur').fill(server.url);
  await page.getByLabel('Nom d’utilisateur').fill('e2e');
  await page.getByLabel('Mot de passe').fill(password);
  await page.getByLabel('Mot de passe').press('Enter');
  if (password !== PASSWORD) return;
  await expect(page.getByText(`Connecté à ${server.url}`)).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('sync-person')).toHaveText(PERSON);
  // Signing in gave the laptop its own numbering series (issue 17).
  await expect(page.getByTestId('sync-series')).toContainText(/code D\d\d/, { timeout: 30_000 });
}

/** The advanced sign-in: the token an administrator printed with create-user. */
async function signInWithToken(page: Page): Promise<void> {
  await submitTokenSignIn(page, server.url, token);
  await expect(page.getByText(`Connecté à ${server.url}`)).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('sync-person')).toHaveText(PERSON);
}

/** The laptop's own tokens still valid on the server (one per laptop signed in), as an admin lists them. */
async function validLaptopTokens(): Promise<number> {
  const response = await fetch(new URL('/admin/tokens', server.url), {
    method: 'POST',
    headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ user: 'e2e' }),
  });
  const { tokens } = (await response.json()) as { tokens: { deviceId: string | null; revokedAt: string | null }[] };
  return tokens.filter((t) => t.deviceId !== null && t.revokedAt === null).length;
}

const pendingCount = (page: Page) => page.getByTestId('sync-pending');

/** A change pushed by another laptop of the same person, straight to the API. */
async function pushFromAnotherLaptop(entity: string, recordId: string, changes: Record<string, unknown>, baseVersion: number): Promise<void> {
  const deviceId = 'e2e-autre-poste';
  const mutation = { mutationId: crypto.randomUUID(), deviceId, entity, recordId, op: 'upsert', baseVersion, changes, madeAt: new Date().toISOString() };
  const response = await fetch(new URL('/sync/push', server.url), {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ deviceId, mutations: [mutation] }),
  });
  const { results } = (await response.json()) as { results: { status: string; version?: number }[] };
  expect(results[0]).toMatchObject({ status: 'applied', version: baseVersion + 1 });
}

async function serverRecord(entity: string, id: string): Promise<Record<string, unknown> | undefined> {
  let cursor = '0';
  for (;;) {
    const response = await fetch(new URL('/sync/pull', server.url), {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ cursor, limit: 1000, entities: [entity] }),
    });
    const page = pullResponseSchema.parse(await response.json());
    const found = page.changes.find((c) => c.recordId === id);
    if (found) return found.record ?? undefined;
    if (!page.hasMore) return undefined;
    cursor = page.nextCursor;
  }
}

test('a change made offline survives closing the app and reaches the server after reopening', async ({ baseURL }) => {
  test.setTimeout(300_000);
  let { context, page } = await openLaptop(baseURL!);

  await page.goto('/');
  await page.getByLabel('Taille du portefeuille de démonstration').selectOption('10');
  await page.getByRole('button', { name: 'Charger les données de démonstration' }).click();
  await expect(page.getByTestId('mrr')).toBeVisible({ timeout: 30_000 });

  // Standalone, the laptop says so; a wrong password is refused in French; then the first connection
  // names the person and the standalone laptop uploads its portfolio to the empty server.
  await page.goto('#/synchronisation');
  await expect(page.getByTestId('sync-person')).toHaveText('Poste autonome (aucun nom choisi) — poste non connecté');
  await page.goto('#/parametres');
  await page.getByLabel('Votre nom').fill('Bernard Dupont');
  await page.getByLabel('Votre nom').press('Enter');
  await expect(page.getByText('Le journal indique actuellement : Bernard Dupont (poste autonome)')).toBeVisible();
  await page.goto('#/synchronisation');
  await expect(page.getByTestId('sync-person')).toHaveText('Bernard Dupont (poste autonome) — poste non connecté');
  await signIn(page, 'pas le bon mot de passe');
  await expect(page.getByRole('alert')).toHaveText('Nom d’utilisateur ou mot de passe incorrect.', { timeout: 30_000 });
  await expect(page.getByLabel('Mot de passe')).toHaveValue('');
  await signIn(page);
  await expect(pendingCount(page)).toHaveText('0', { timeout: 60_000 });
  await page.screenshot({ path: test.info().outputPath('sync-signed-in.png') });
  await page.getByRole('button', { name: 'Vérifier la cohérence' }).click();
  await expect(page.getByText(/détiennent les mêmes données/)).toBeVisible({ timeout: 60_000 });
  await expectNoSeriousA11yViolations(page, 'Synchronisation');
  expect(await serverRecord('clients', 'demo-client-00001')).toBeDefined();

  // Another laptop renames a client behind this one's back: the check (no pull) names it, with its version on each side.
  await pushFromAnotherLaptop('clients', 'demo-client-00002', { legalName: 'Renommé sur un autre poste SARL' }, 1);
  await page.getByRole('button', { name: 'Vérifier la cohérence' }).click();
  await expect(page.getByText(/demo-client-00002\s*: version 1 sur ce poste, 2 sur le serveur/)).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole('alert').filter({ hasText: 'Écart entre le poste et le serveur' })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('sync-reconcile-differs.png') });

  // The server out of reach (the laptop's own files still load): edit a client, see it pending, close the app.
  await context.route(`${server.url}/**`, (route) => route.abort('internetdisconnected'));
  await page.goto('#/clients/demo-client-00001/modifier');
  await page.getByLabel('Téléphone', { exact: true }).fill('03 83 12 34 56');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByRole('heading', { name: 'Identité' })).toBeVisible();
  // The client's history names the person who made the change.
  await expect(page.getByTestId('timeline').locator('li').first()).toContainText(PERSON);
  await page.screenshot({ path: test.info().outputPath('timeline-person.png') });
  await page.goto('#/synchronisation');
  await expect(pendingCount(page)).toHaveText('1');
  await context.close();

  // Reopened on the same profile: the change is still queued and goes up once signed in
  // (the browser keeps the token for a session only, so the person signs in again).
  ({ context, page } = await openLaptop(baseURL!));
  await page.goto('#/synchronisation');
  await expect(pendingCount(page)).toHaveText('1');
  await signIn(page);
  await expect(pendingCount(page)).toHaveText('0', { timeout: 60_000 });
  const client = await serverRecord('clients', 'demo-client-00001');
  expect(client).toMatchObject({ contact: expect.objectContaining({ phone: '03 83 12 34 56' }) });

  // Signing in again from this laptop replaced its first token: one valid token per laptop.
  expect(await validLaptopTokens()).toBe(1);

  // Signing out with the server out of reach: the person is told the token could not be revoked there.
  await context.route(`${server.url}/**`, (route) => route.abort('internetdisconnected'));
  await signOut(page);
  await expect(page.getByRole('status').filter({ hasText: 'le jeton n’y est pas révoqué' })).toBeVisible();
  expect(await validLaptopTokens()).toBe(1);
  // Signed out, the laptop's own name names its changes again.
  await expect(page.getByTestId('sync-person')).toHaveText('Bernard Dupont (poste autonome) — poste non connecté');
  // Back online, signed in again with the advanced token, then out: the server revokes that token, which it refuses from then on.
  await context.unroute(`${server.url}/**`);
  expect(await reconcileStatus()).toBe(200);
  await signInWithToken(page);
  await signOut(page);
  await expect(page.getByRole('heading', { name: 'Serveur central' })).toBeVisible();
  await expect(page.getByText('le jeton n’y est pas révoqué')).toHaveCount(0);
  expect(await reconcileStatus()).toBe(401);
  await context.close();
});

async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Se déconnecter…' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Se déconnecter', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Se connecter', exact: true })).toBeVisible({ timeout: 30_000 });
}

async function reconcileStatus(): Promise<number> {
  return (await fetch(new URL('/sync/reconcile', server.url), { headers: { authorization: `Bearer ${token}` } })).status;
}
