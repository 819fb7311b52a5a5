import { execFileSync } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { generateDemoPortfolio } from '../../src-core';

// DOMAIN.md: entering a receipt date that moves a date already printed in a
// sent letter warns, and proposes a corrective letter (issue 16).
const demo = generateDemoPortfolio({ seed: 2024, clients: 10 });

test('a late acknowledgement warns, then drafts one corrective letter citing the first by its own date', async ({ page }) => {
  test.setTimeout(120_000);
  const client = demo.clients[0]!;
  await page.clock.setFixedTime(new Date('2026-11-27T10:00:00+01:00'));
  await page.goto('/');
  await page.getByLabel('Taille du portefeuille de démonstration').selectOption('10');
  await page.getByRole('button', { name: 'Charger les données de démonstration' }).click();
  await expect(page.getByRole('button', { name: 'Charger les données de démonstration' })).toBeHidden({ timeout: 30_000 });

  // A price change notice dated and sent on 27/11/2026: it prints dates from a receipt presumed on 30/11.
  await page.goto('/#/courriers');
  await page.getByRole('link', { name: 'Rédiger un courrier' }).first().click();
  await page.getByLabel('Client destinataire (nom ou SIREN)').fill(client.legalName);
  await page.getByRole('link', { name: client.legalName }).click();
  await page.getByLabel('Type de courrier').selectOption({ label: 'Avis de modification des prix' });
  await page.getByLabel(/Motif de la modification/).fill('la hausse du coût de l’énergie');
  await page.getByLabel('Nouveau prix mensuel HT').fill('109,00');
  await page.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Avis de modification des prix' })).toBeVisible();
  await page.getByRole('button', { name: 'Marquer comme imprimée' }).click();
  await page.getByLabel('N° de recommandé').fill('1A 123 456 7890 1');
  await page.getByRole('button', { name: 'Enregistrer l’envoi' }).click();
  await expect(page.getByRole('button', { name: 'Enregistrer la réception' })).toBeVisible();

  // Seen on 07/12, the acknowledgement says 04/12: the form warns before anything is recorded.
  await page.clock.setFixedTime(new Date('2026-12-07T10:00:00+01:00'));
  await page.reload();
  const receipt = page.getByLabel('Date de l’accusé de réception');
  await receipt.fill('2026-11-30');
  await expect(page.getByTestId('receipt-moves')).toHaveCount(0);
  await receipt.fill('2026-12-04');
  await expect(page.getByTestId('receipt-moves')).toContainText('Date limite d’opposition : 30/12/2026 → 04/01/2027');
  if (process.env.E2E_SCREENSHOTS) await page.screenshot({ path: `${process.env.E2E_SCREENSHOTS}/receipt-moves.png`, fullPage: true });
  await page.getByRole('button', { name: 'Enregistrer la réception' }).click();

  const due = page.getByTestId('receipt-correction');
  await expect(due).toContainText('reçue le 04/12/2026 et non le 30/11/2026');
  await expect(due).toContainText('Application des nouveaux tarifs : 01/02/2027 → 01/03/2027');
  if (process.env.E2E_SCREENSHOTS) await page.screenshot({ path: `${process.env.E2E_SCREENSHOTS}/receipt-correction.png`, fullPage: true });
  // Two clicks at once: one corrective letter.
  await due.getByRole('button', { name: 'Rédiger le courrier rectificatif' }).evaluate((element) => {
    for (let i = 0; i < 2; i += 1) element.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, view: window }));
  });
  await expect(page.getByRole('heading', { level: 1, name: 'Rectification des dates d’un courrier' })).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Enregistrer le PDF' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^rectification-dates-CT-\d{4}-\d{5}-2026-12-07\.pdf$/);
  const text = execFileSync('pdftotext', [await download.path(), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  expect(text).toContain('Objet : Rectification des dates de notre lettre du 27 novembre 2026');
  expect(text).toContain('vous a été remise le 4 décembre 2026');
  expect(text).toContain('Date limite d’opposition : le 4 janvier 2027, et non le 30 décembre 2026');

  // Written: no longer proposed on the first letter; the contract has two letters.
  await page.goto('/#/courriers');
  await expect(page.getByRole('table', { name: 'Tous les courriers' }).getByRole('row')).toHaveCount(3);
  await page.getByRole('table', { name: 'Tous les courriers' }).getByRole('link', { name: 'Avis de modification des prix' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Avis de modification des prix' })).toBeVisible();
  await expect(page.getByTestId('receipt-correction')).toHaveCount(0);
});
