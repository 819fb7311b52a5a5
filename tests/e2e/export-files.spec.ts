import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { unzipSync } from 'fflate';

// The browser's « Exporter en fichiers séparés » (issue 16): a page may start
// only one download without asking, so every file the export counts comes as
// one zip with French file names; each entry is a PDF of its own.
test('a month exported as separate files in the browser is one zip holding every document it counts', async ({ page }) => {
  test.setTimeout(120_000);
  page.on('dialog', (dialog) => void dialog.accept());
  await page.clock.setFixedTime(new Date('2026-10-01T09:00:00+02:00'));
  await page.goto('/');
  await page.getByLabel('Taille du portefeuille de démonstration').selectOption('10');
  await page.getByRole('button', { name: 'Charger les données de démonstration' }).click();
  await expect(page.getByTestId('mrr')).toBeVisible({ timeout: 30_000 });

  await page.goto('/#/factures/facturation?mois=2026-10');
  await page.getByRole('button', { name: /Calculer l.aperçu/ }).click();
  await page.getByRole('button', { name: /^Créer les \d+ brouillon/ }).click();
  await page.getByRole('button', { name: /^Émettre les \d+ brouillon/ }).click();
  await expect(page.getByText(/, de F-2026-000001 à F-2026-\d{6}\./)).toBeVisible();

  await page.goto('/#/factures?mois=2026-10');
  await expect(page.getByRole('link', { name: /^F-2026-\d{6}$/ }).first()).toBeVisible();
  const numbers = (await page.getByRole('link', { name: /^F-2026-\d{6}$/ }).allTextContents()).sort();
  expect(numbers.length).toBeGreaterThan(1);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exporter en fichiers séparés' }).click()]);
  expect(download.suggestedFilename()).toBe('factures-2026-10.zip');
  const status = page.getByRole('status').filter({ hasText: /export/ });
  await expect(status).toBeVisible();
  const counted = Number(/^([\d\s\u202f\u00a0]+) document/.exec((await status.textContent())!)![1]!.replace(/\D/g, ''));

  const entries = unzipSync(new Uint8Array(await readFile(await download.path())));
  const names = Object.keys(entries).sort();
  expect(names).toHaveLength(counted);
  expect(names).toEqual(numbers.map((n) => `facture-${n}.pdf`));
  for (const name of names) expect(new TextDecoder().decode(entries[name]!.subarray(0, 5))).toBe('%PDF-');
});
