import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, expect, test, type BrowserContext, type Page } from '@playwright/test';
import { pullResponseSchema } from '../../src-core/sync';
import { cliOutput, startServerProcess, type ServerProcess } from '../server/support/server-process';
import { expectNoSeriousA11yViolations } from './a11y';

// The laptop is closed with changes still in its outbox, reopened on the same
// browser profile, and pushes them: nothing typed offline is lost. Real server
// process, real Chromium profile on disk.
test.describe.configure({ mode: 'serial' });

let server: ServerProcess;
let token: string;
let dataDir: string;
let profileDir: string;

test.beforeAll(async () => {
  test.setTimeout(240_000);
  dataDir = await mkdtemp(join(tmpdir(), 'contrats-e2e-server-'));
  profileDir = await mkdtemp(join(tmpdir(), 'contrats-e2e-profile-'));
  const created = await cliOutput(['create-user', '--name', 'e2e', '--role', 'account_manager', '--data-dir', dataDir]);
  const match = /ctr_\S+/.exec(created.stdout);
  if (created.code !== 0 || !match) throw new Error(`create-user a échoué :\n${created.stdout}${created.stderr}`);
  token = match[0];
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

async function signIn(page: Page): Promise<void> {
  await page.goto('#/synchronisation');
  await page.getByLabel('Adresse du serveur').fill(server.url);
  await page.getByLabel('Jeton d’accès').fill(token);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page.getByText(`Connecté à ${server.url}`)).toBeVisible({ timeout: 30_000 });
  // Signing in gave the laptop its own numbering series (issue 17).
  await expect(page.getByTestId('sync-series')).toContainText(/code D\d\d/, { timeout: 30_000 });
}

const pendingCount = (page: Page) => page.getByTestId('sync-pending');

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

  // First connection: the standalone laptop uploads its portfolio to the empty server.
  await signIn(page);
  await expect(pendingCount(page)).toHaveText('0', { timeout: 60_000 });
  await page.getByRole('button', { name: 'Vérifier la cohérence' }).click();
  await expect(page.getByText(/détiennent les mêmes données/)).toBeVisible({ timeout: 60_000 });
  await expectNoSeriousA11yViolations(page, 'Synchronisation');
  expect(await serverRecord('clients', 'demo-client-00001')).toBeDefined();

  // The server out of reach (the laptop's own files still load): edit a client, see it pending, close the app.
  await context.route(`${server.url}/**`, (route) => route.abort('internetdisconnected'));
  await page.goto('#/clients/demo-client-00001/modifier');
  await page.getByLabel('Téléphone', { exact: true }).fill('03 83 12 34 56');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByRole('heading', { name: 'Identité' })).toBeVisible();
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

  // Signing out with the server out of reach: the person is told the token could not be revoked there.
  await context.route(`${server.url}/**`, (route) => route.abort('internetdisconnected'));
  await signOut(page);
  await expect(page.getByRole('status').filter({ hasText: 'le jeton n’y est pas révoqué' })).toBeVisible();
  expect(await reconcileStatus()).toBe(200);
  // Back online, signed in again, then out: the server revokes the token, which it refuses from then on.
  await context.unroute(`${server.url}/**`);
  await signIn(page);
  await signOut(page);
  await expect(page.getByRole('heading', { name: 'Serveur central' })).toBeVisible();
  await expect(page.getByText('le jeton n’y est pas révoqué')).toHaveCount(0);
  expect(await reconcileStatus()).toBe(401);
  await context.close();
});

async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Se déconnecter…' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Se déconnecter', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Se connecter' })).toBeVisible({ timeout: 30_000 });
}

async function reconcileStatus(): Promise<number> {
  return (await fetch(new URL('/sync/reconcile', server.url), { headers: { authorization: `Bearer ${token}` } })).status;
}
