import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { toParisWallClock } from '../../src-core/calendar';
import { apiClient } from '../server/support/api';
import { contractRecord, draftInvoice, mutation } from '../server/support/fixtures';
import { frenchClientRecord, siren } from '../server/support/platform';
import { startServerProcess, type ServerProcess } from '../server/support/server-process';
import { createUser, submitTokenSignIn } from './server-accounts';
import { expectNoSeriousA11yViolations } from './a11y';

// Issue 18, as an account manager sees it: the server transmits issued
// invoices to the local platform simulator; after a sync the laptop shows one
// approved and one rejected with its reason, counted on the dashboard,
// filtered in the list, and the rejected one's page says how it is corrected;
// one the buyer disputes shows « En litige » with the buyer's reason, and one
// the server found invalid (0 % VAT without a mention: no VAT category) says
// it was not sent, rule by rule.
test.describe.configure({ mode: 'serial' });

const UNKNOWN = siren('51234567');
const DISPUTING = siren('38012986');
let server: ServerProcess;
let token: string;
let dataDir: string;

test.beforeAll(async () => {
  test.setTimeout(240_000);
  dataDir = await mkdtemp(join(tmpdir(), 'contrats-e2e-platform-'));
  token = await createUser(dataDir, ['--name', 'e2e', '--role', 'account_manager']);
  server = await startServerProcess([
    '--data-dir', dataDir, '--platform-simulator', '--platform-interval', '0.3', '--simulator-approve-after', '0.5', '--simulator-unknown-sirens', UNKNOWN,
    '--simulator-disputing-sirens', DISPUTING,
  ]);
  const api = apiClient(server.url);
  const today = toParisWallClock(Date.now()).date;
  const dueDate = `${Number(today.slice(0, 4)) + 1}-01-31`;
  const pushed = await api.post<{ results: { status: string }[] }>('/sync/push', token, {
    deviceId: 'poste-emission',
    mutations: [
      mutation('poste-emission', 'clients', 'c-ok', frenchClientRecord('Lorraine Hébergement SAS', siren('40483304'))),
      mutation('poste-emission', 'contracts', 'k-ok', { ...contractRecord('c-ok', 'CT-2026-00001'), priceListId: 'PL-2024-09-01' }),
      mutation('poste-emission', 'clients', 'c-ko', frenchClientRecord('Moselle Numérique SARL', UNKNOWN)),
      mutation('poste-emission', 'contracts', 'k-ko', { ...contractRecord('c-ko', 'CT-2026-00002'), priceListId: 'PL-2024-09-01' }),
      mutation('poste-emission', 'invoices', 'inv-ok', { ...draftInvoice('c-ok', 'k-ok', today), dueDate }),
      mutation('poste-emission', 'invoices', 'inv-ko', { ...draftInvoice('c-ko', 'k-ko', today), dueDate }),
      mutation('poste-emission', 'clients', 'c-litige', frenchClientRecord('Meuse Données SA', DISPUTING)),
      mutation('poste-emission', 'contracts', 'k-litige', { ...contractRecord('c-litige', 'CT-2026-00003'), priceListId: 'PL-2024-09-01' }),
      mutation('poste-emission', 'invoices', 'inv-litige', { ...draftInvoice('c-litige', 'k-litige', today), dueDate }),
      // Pushed as a faulty laptop would: VAT at 0 % without the mention that says why (no EN 16931 category).
      mutation('poste-emission', 'invoices', 'inv-invalid', {
        ...draftInvoice('c-ok', 'k-ok', today), dueDate,
        lines: [{ label: 'Hébergement T99', quantity: 1, unitPriceCents: 9900, netCents: 9900, vatRatePercent: 0 }],
        totals: { netCents: 9900, vatCents: 0, totalCents: 9900, byRate: [{ ratePercent: 0, baseCents: 9900, vatCents: 0 }] },
      }),
    ],
  });
  expect(pushed.body.results.every((r) => r.status === 'applied')).toBe(true);
  for (const id of ['inv-ok', 'inv-ko', 'inv-litige', 'inv-invalid']) expect((await api.post('/invoices/issue', token, { invoiceId: id })).status).toBe(200);
});

test.afterAll(async () => {
  await server?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

test('les statuts de la plateforme agréée sur le tableau de bord, la liste et la page de la facture', async ({ page }) => {
  test.setTimeout(180_000);
  await submitTokenSignIn(page, server.url, token);
  await expect(page.getByText(`Connecté à ${server.url}`)).toBeVisible({ timeout: 30_000 });

  // The platform answers within a second or two; sync until the rejection and the dispute have come down.
  await expect(async () => {
    await page.goto('#/synchronisation');
    await page.getByRole('button', { name: 'Synchroniser maintenant' }).click({ timeout: 10_000 });
    await expect(page.getByText('réception des changements…')).toHaveCount(0, { timeout: 10_000 });
    await page.goto('#/');
    await expect(page.getByTestId('platform-card-note')).toHaveText(/^1 facture rejetée par la plateforme/, { timeout: 3_000 });
    await expect(page.getByRole('link', { name: 'En litige : 1' })).toBeVisible({ timeout: 3_000 });
  }).toPass({ timeout: 90_000 });
  await page.goto('#/');
  await page.screenshot({ path: test.info().outputPath('tableau-de-bord.png'), fullPage: true });

  await page.getByRole('link', { name: '1 facture rejetée par la plateforme' }).click();
  const rows = page.locator('table.invoices-table tbody tr');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Moselle Numérique SARL');
  await expect(rows.first()).toContainText('Rejetée');
  await page.getByLabel('Plateforme').selectOption('approved');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Lorraine Hébergement SAS');
  await page.getByLabel('Plateforme').selectOption('rejected');
  await rows.first().getByRole('link').first().click();

  const panel = page.getByRole('region', { name: 'Plateforme agréée' });
  await expect(panel.getByTestId('platform-reason')).toContainText('annuaire');
  await expect(panel.getByRole('alert')).toContainText('Une facture émise ne se modifie pas : émettez un avoir');
  await expect(panel.getByRole('listitem').filter({ hasText: 'Rejetée' })).toHaveCount(1);
  await page.screenshot({ path: test.info().outputPath('facture-rejetee.png'), fullPage: true });
  await expectNoSeriousA11yViolations(page, 'Facture rejetée');
  await panel.getByRole('button', { name: 'Émettre l’avoir d’annulation' }).click();
  await expect(page.getByRole('button', { name: /avoir/i }).first()).toBeVisible();

  // The disputed one, from the dashboard's link: the buyer's reason and what to do.
  await page.goto('#/');
  await page.getByRole('link', { name: 'En litige : 1' }).click();
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Meuse Données SA');
  await expect(rows.first()).toContainText('En litige');
  await rows.first().getByRole('link').first().click();
  await expect(panel.getByTestId('platform-reason')).toContainText('Montant contesté par l’acheteur');
  await expect(panel.getByRole('status')).toContainText('Le client conteste cette facture');
  await expect(panel.getByRole('listitem').filter({ hasText: 'En litige' })).toHaveCount(1);
  await page.screenshot({ path: test.info().outputPath('facture-en-litige.png'), fullPage: true });

  // The one the server did not send: « Non transmise » in the list, the rules it fails on its page.
  await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Factures' }).click();
  const notSent = page.locator('table.invoices-table tbody tr').filter({ hasText: 'Non transmise' });
  await expect(notSent).toHaveCount(1);
  await notSent.getByRole('link').first().click();
  const alert = panel.getByTestId('platform-not-sent');
  await expect(alert).toContainText('Le serveur n’a pas transmis cette facture à la plateforme agréée');
  await expect(alert.getByRole('list', { name: 'Règles non respectées' }).getByRole('listitem').first()).toContainText('[BR-');
  await expect(alert.getByRole('button', { name: 'Émettre l’avoir d’annulation' })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('facture-non-transmise.png'), fullPage: true });
  await expectNoSeriousA11yViolations(page, 'Facture non transmise');
});
