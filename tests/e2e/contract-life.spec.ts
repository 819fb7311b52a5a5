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

test('a price change notice: counted in the forecast from its presumed receipt once sent, billed at its new price from its effective month once received', async ({ page }) => {
  test.setTimeout(240_000);
  await page.goto('/');
  await page.getByLabel('Taille du portefeuille de démonstration').selectOption('100');
  await page.getByRole('button', { name: 'Charger les données de démonstration' }).click();
  await expect(page.getByTestId('mrr')).toHaveText(/^\d[\d\u00a0]*,\d\d\u00a0€$/, { timeout: 30_000 });
  await page.goto('/#/clients/demo-client-00002');
  // The page says « Chargement… » until the client is read: take its name once it is there.
  const heading = page.getByRole('heading', { level: 1 });
  await expect(heading).not.toHaveText('Chargement…');
  const name = (await heading.textContent())!.trim();

  // A notice to 59,00 € for its T49 contract, sent on 01/12/2026.
  await page.goto('/#/courriers');
  await page.getByRole('link', { name: 'Rédiger un courrier' }).first().click();
  await page.getByLabel('Client destinataire (nom ou SIREN)').fill(name);
  await page.getByRole('link', { name }).click();
  await page.getByLabel('Type de courrier').selectOption({ label: 'Avis de modification des prix' });
  await page.getByLabel('Date de la lettre').fill('2026-12-01');
  await page.getByLabel('Motif de la modification (« en raison de … »)').fill('la hausse du coût de l’énergie');
  await page.getByLabel('Nouveau prix mensuel HT').fill('59,00');
  await page.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Avis de modification des prix' })).toBeVisible();
  const letterUrl = page.url();
  await page.getByRole('button', { name: 'Marquer comme imprimée' }).click();
  await page.getByLabel('Date d’envoi').fill('2026-12-01');
  await page.getByLabel('N° de recommandé').fill('1A 123 456 7890 1');
  await page.getByRole('button', { name: 'Enregistrer l’envoi' }).click();
  await expect(page.getByRole('list', { name: 'Étapes du courrier' }).locator('[aria-current="step"]')).toHaveText(/Envoyée/);

  // Receipt unknown: presumed on 04/12/2026 (sending + 3 days), new prices from 01/03/2027 in the forecast, said so.
  await page.goto('/');
  const forecast = page.getByTestId('mrr-forecast');
  await expect(forecast.getByRole('row', { name: /mars 2027/ })).toContainText('réception est présumée', { timeout: 20_000 });
  await expect(forecast.getByRole('row', { name: /février 2027/ })).not.toContainText('réception est présumée');

  // The runs bill the contract's own price: until the receipt is known, January and February at 49,00 €.
  const netOf = async (month: string) => {
    await page.goto(`/#/factures/facturation?mois=${month}`);
    await page.getByRole('button', { name: 'Calculer l’aperçu' }).click();
    const row = page.locator('.run-preview table').getByRole('row', { name: new RegExp(name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) });
    await expect(row).toBeVisible({ timeout: 30_000 });
    const net = (await row.getByRole('cell').nth(2).textContent())!;
    return Math.round(Number(net.replace(/[^\d,]/g, '').replace(',', '.')) * 100);
  };
  const before = { january: await netOf('2027-01'), february: await netOf('2027-02') };

  // Received on 03/12/2026: the new price applies from 01/02/2027 (the 1st of a month on or after receipt + 60 days).
  await page.goto(letterUrl);
  await page.getByLabel('Date de l’accusé de réception').fill('2026-12-03');
  await page.getByRole('button', { name: 'Enregistrer la réception' }).click();
  await expect(page.getByRole('list', { name: 'Étapes du courrier' }).locator('[aria-current="step"]')).toHaveText(/Reçue/);

  // January unchanged; February billed 10,00 € more (59,00 € instead of 49,00 €), whatever else the month bills.
  expect(await netOf('2027-01')).toBe(before.january);
  expect((await netOf('2027-02')) - before.february).toBe(1000);
  await page.goto('/');
  await expect(forecast.getByRole('row', { name: /février 2027/ })).toContainText('1 nouveau prix (+10,00', { timeout: 20_000 });
  await expect(forecast.getByRole('row', { name: /mars 2027/ })).not.toContainText('réception est présumée');
});
