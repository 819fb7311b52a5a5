import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { checkContinuity } from '../../src-core';
import { pullResponseSchema } from '../../src-core/sync';
import { startServerProcess, type ServerProcess } from '../server/support/server-process';
import { createUser } from './server-accounts';
import { expectNoSeriousA11yViolations } from './a11y';

// Issue 17: signed in, the month's invoices take the central series'
// numbers, given by the real server; an answer lost on the way back is asked
// again with the same request and gives no second number.
const MONTH = '2026-10';
const PASSWORD = 'mot de passe central';
let server: ServerProcess;
let token: string;
let dataDir: string;

test.beforeAll(async () => {
  test.setTimeout(240_000);
  dataDir = await mkdtemp(join(tmpdir(), 'contrats-e2e-central-'));
  token = await createUser(dataDir, ['--name', 'claire', '--role', 'account_manager', '--display-name', 'Claire Centrale'], { CONTRATS_PASSWORD: PASSWORD });
  server = await startServerProcess(['--data-dir', dataDir]);
});

test.afterAll(async () => {
  await server?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

/** The invoice numbers the server holds. */
async function serverNumbers(): Promise<string[]> {
  const numbers: string[] = [];
  let cursor = '0';
  for (;;) {
    const response = await fetch(new URL('/sync/pull', server.url), {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ cursor, limit: 1000, entities: ['invoices'] }),
    });
    const page = pullResponseSchema.parse(await response.json());
    for (const change of page.changes) if (typeof change.record?.number === 'string') numbers.push(change.record.number);
    if (!page.hasMore) return numbers.sort();
    cursor = page.nextCursor;
  }
}

test('signed in, the month is issued in the central series; a lost answer is asked again without a second number', async ({ page, context }) => {
  test.setTimeout(300_000);
  page.on('dialog', (dialog) => void dialog.accept());
  await page.clock.setFixedTime(new Date('2026-11-27T10:00:00+01:00'));
  await page.goto('/');
  await page.getByLabel('Taille du portefeuille de démonstration').selectOption('10');
  await page.getByRole('button', { name: 'Charger les données de démonstration' }).click();
  await expect(page.getByTestId('mrr')).toBeVisible({ timeout: 30_000 });

  await page.goto('#/synchronisation');
  await page.getByLabel('Adresse du serveur').fill(server.url);
  await page.getByLabel('Nom d’utilisateur').fill('claire');
  await page.getByLabel('Mot de passe').fill(PASSWORD);
  await page.getByLabel('Mot de passe').press('Enter');
  await expect(page.getByTestId('sync-person')).toHaveText('Claire Centrale (claire)', { timeout: 30_000 });
  await expect(page.getByTestId('sync-pending')).toHaveText('0', { timeout: 60_000 });

  await page.goto(`#/factures/facturation?mois=${MONTH}`);
  await page.getByRole('button', { name: /Calculer l.aperçu/ }).click();
  await page.getByRole('button', { name: /^Créer les \d+ brouillon/ }).click();
  await expect(page.getByRole('status').filter({ hasText: /brouillons? créés? ;/ })).toBeVisible();

  // Before issuing: both series, the central one chosen, each with the number a document would take.
  const choice = page.getByRole('group', { name: 'Série du numéro à l’émission' });
  await expect(choice.getByRole('radio', { name: /^Série centrale F-2026 : le numéro suivant de la série, donné par le serveur/ })).toBeChecked();
  await expect(choice.getByRole('radio', { name: /^Série F-2026-D\d\d : prochain numéro F-2026-D\d\d-0001\.$/ })).not.toBeChecked();
  await expectNoSeriousA11yViolations(page, 'Facturation du mois (choix de la série)');
  await page.screenshot({ path: test.info().outputPath('central-choice.png'), fullPage: true });

  // The server issues the first invoice, its answer is lost on the way back.
  let lost = 0;
  await context.route(`${server.url}/invoices/issue`, async (route) => {
    if (lost++ > 0) return route.continue();
    await route.fetch();
    await route.abort('connectionreset');
  });
  await page.getByRole('button', { name: /^Émettre les \d+ brouillon/ }).click();
  await expect(page.getByRole('alert')).toContainText('n’a pas répondu à la demande d’émission', { timeout: 60_000 });
  const drafts = Number((await page.getByRole('button', { name: /^Émettre les \d+ brouillon/ }).textContent())!.match(/\d+/)![0]);
  expect(await serverNumbers()).toEqual(['F-2026-000001']);

  // Asked again: the first keeps the number the server gave it, the others follow without a gap.
  await page.getByRole('button', { name: /^Émettre les \d+ brouillon/ }).click();
  const last = `F-2026-${String(drafts).padStart(6, '0')}`;
  await expect(page.getByRole('status').filter({ hasText: `factures émises, de F-2026-000001 à ${last}` })).toBeVisible({ timeout: 60_000 });
  const numbers = await serverNumbers();
  expect(numbers).toHaveLength(drafts);
  expect(checkContinuity(numbers)).toEqual([]);
  await page.screenshot({ path: test.info().outputPath('central-issued.png'), fullPage: true });

  // The document's history names the person and says the server issued it.
  await page.goto(`#/factures?mois=${MONTH}`);
  await page.getByRole('link', { name: 'F-2026-000001' }).click();
  await expect(page.getByText(/F-2026-000001 émise par le serveur central le 27\/11\/2026 .*\(Claire Centrale \(claire\)\)/)).toBeVisible();

  // The server out of reach: nothing is issued, the message says so and offers this laptop's series, which issues at once.
  await context.unrouteAll();
  await context.route(`${server.url}/**`, (route) => route.abort('internetdisconnected'));
  await page.goto('#/factures/facturation?mois=2026-11');
  await page.getByRole('button', { name: /Calculer l.aperçu/ }).click();
  await page.getByRole('button', { name: /^Créer les \d+ brouillon/ }).click();
  await expect(page.getByRole('status').filter({ hasText: /brouillons? créés? ;/ })).toBeVisible();
  await page.getByRole('button', { name: /^Émettre les \d+ brouillon/ }).click();
  await expect(page.getByRole('alert')).toContainText(/^Émission par le serveur central impossible : .*Rien n’a été émis/, { timeout: 60_000 });
  const fallback = page.getByRole('button', { name: /^Émettre dans la série du poste \(F-2026-D\d\d-0001\)$/ });
  await page.screenshot({ path: test.info().outputPath('central-fallback.png'), fullPage: true });
  await fallback.click();
  await expect(page.getByRole('status').filter({ hasText: /factures? émises?, de F-2026-D\d\d-0001 à F-2026-D\d\d-00\d\d/ })).toBeVisible({ timeout: 60_000 });
  expect(await serverNumbers()).toHaveLength(drafts);
});
