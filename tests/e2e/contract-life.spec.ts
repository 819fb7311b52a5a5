import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './a11y';

// The demo portfolio is generated as of 27/11/2026 (seed 2024). Seen on
// 04/12/2026: the showcase client demo-client-00005 has a T499 contract whose
// termination took effect on 30/11/2026; demo-client-00002 went over its T49
// limits in November (the last measured month).
test.beforeEach(async ({ page }) => {
  await page.clock.setFixedTime(new Date('2026-12-04T10:00:00+01:00'));
});

test('the contract’s life: a terminated contract is out of the MRR and the next run; a tier change asks first and leaves a draft letter', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto('/');
  await page.getByLabel('Taille du portefeuille de démonstration').selectOption('100');
  await page.getByRole('button', { name: 'Charger les données de démonstration' }).click();
  await expect(page.getByTestId('mrr')).toHaveText(/^\d[\d\u00a0]*,\d\d\u00a0€$/, { timeout: 30_000 });

  // Dashboard: overruns of the last measured month, named; the forecast explains each month.
  await expect(page.getByRole('heading', { name: 'Clients en dépassement en novembre 2026' })).toBeVisible();
  const forecast = page.getByTestId('mrr-forecast');
  await expect(forecast.getByRole('row')).toHaveCount(14);
  await expect(forecast.getByRole('row', { name: /décembre 2026/ })).toContainText('au 04/12/2026');
  await expect(forecast.getByRole('row', { name: /janvier 2027/ })).toContainText(/résiliations? effectives?/);
  await expect(page.getByTestId('mrr-forecast-chart').locator('.recharts-bar-rectangle')).toHaveCount(13);
  await expectNoSeriousA11yViolations(page, 'Tableau de bord avec prévision');

  // The contract whose termination took effect on 30/11/2026 reads "Résilié" on 04/12.
  await page.goto('/#/clients/demo-client-00005');
  const card = page.getByRole('region', { name: /Contrat CT-2024-00005/ });
  await expect(card.getByText('Résilié', { exact: true })).toBeVisible();
  const name = (await page.getByRole('heading', { level: 1 }).textContent())!.trim();
  expect(name).toBe('Denis & Masson SAS');
  await expect(card.getByTestId('contract-state')).toContainText('Résilié depuis le 01/12/2026');
  await page.goto('/#/clients?status=terminated');
  await expect(page.getByRole('grid', { name: 'Liste des clients' })).toContainText(name);
  await page.goto('/#/clients?status=notice_received');
  await expect(page.getByRole('grid', { name: 'Liste des clients' })).not.toContainText(name);

  // Absent from January's run, present in November's.
  await page.goto('/#/factures/facturation?mois=2027-01');
  await page.getByRole('button', { name: 'Calculer l’aperçu' }).click();
  const preview = page.getByRole('region', { name: /factures/ }).or(page.locator('.run-preview'));
  await expect(preview.first()).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('.run-preview table')).not.toContainText(name);
  await page.goto('/#/factures/facturation?mois=2026-11');
  await page.getByRole('button', { name: 'Calculer l’aperçu' }).click();
  await expect(page.locator('.run-preview table')).toContainText(name, { timeout: 30_000 });

  // A tier change asks first: the proposed 01/12/2026 is past, so the default is the 1st of next month.
  await page.goto('/#/clients/demo-client-00002');
  await page.getByRole('button', { name: 'Appliquer le changement d’offre…' }).click();
  const dialog = page.getByRole('dialog', { name: /Changement de formule du contrat/ });
  await expect(dialog.getByLabel('À compter du 01/01/2027')).toBeChecked();
  await expect(dialog.getByLabel(/À compter du 01\/12\/2026, date déjà passée au 04\/12\/2026 : changement rétroactif/)).not.toBeChecked();
  await expect(dialog.getByTestId('tier-change-plan')).toContainText('T49 49,00 € → T99 99,00 €');
  await expect(dialog.getByTestId('tier-change-plan')).toContainText('+50,00 €');
  await expectNoSeriousA11yViolations(page, 'Confirmation du changement de formule');
  await dialog.getByRole('button', { name: 'Confirmer le changement au 01/01/2027' }).click();
  await expect(page.getByText('Changement appliqué : formule T99 à partir de janvier 2027.')).toBeVisible();

  // Its notice is a draft letter; while it is, the change can be undone.
  await page.getByRole('button', { name: 'Annuler ce changement' }).click();
  await expect(page.getByRole('button', { name: 'Appliquer le changement d’offre…' })).toBeVisible();
  await page.getByRole('button', { name: 'Appliquer le changement d’offre…' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Confirmer le changement au 01/01/2027' }).click();
  await page.getByRole('link', { name: 'Avis de changement de formule' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Changement de formule (dépassement)' })).toBeVisible();
  await expect(page.getByText('Brouillon').first()).toBeVisible();

  // The overrun work list: November's contracts over their limits, each with its covering tier.
  await page.goto('/#/clients/depassements');
  await expect(page.getByRole('heading', { level: 1, name: 'Dépassements à traiter' })).toBeVisible();
  await expect(page.getByText(/contrats au-delà de leurs limites en novembre 2026/)).toBeVisible();
  await expect(page.getByTestId('overrun-work-list').getByRole('row').nth(1)).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'Dépassements à traiter');
});
