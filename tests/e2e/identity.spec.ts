import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './a11y';

// The demo portfolio is generated as of 27/11/2026; the app's clock is set to that day.
test.beforeEach(async ({ page }) => {
  await page.clock.setFixedTime(new Date('2026-11-27T10:00:00+01:00'));
});

async function loadDemo(page: Page): Promise<void> {
  await page.goto('/');
  await page.getByLabel('Taille du portefeuille de démonstration').selectOption('10');
  await page.getByRole('button', { name: 'Charger les données de démonstration' }).click();
  await expect(page.getByTestId('mrr')).toHaveText(/€$/, { timeout: 30_000 });
}

/** The reference of the first contract on a client's page. */
async function firstReference(page: Page, clientId: string): Promise<string> {
  await page.goto(`/#/clients/${clientId}`);
  const heading = page.getByRole('heading', { level: 2, name: /^Contrat CT-/ }).first();
  await expect(heading).toBeVisible();
  return (await heading.textContent())!.match(/CT-\d{4}-\d{5}/)![0];
}

test('identity: a duplicate reference is refused, the assigned one is found by search, a CSV import shows the months it replaces', async ({ page }) => {
  test.setTimeout(180_000);
  await loadDemo(page);
  const taken = await firstReference(page, 'demo-client-00002');

  // A new contract is offered the next free reference of the year; a taken one is refused in French, nothing written.
  await page.goto('/#/clients/demo-client-00003/contrats/nouveau');
  const reference = page.getByLabel('Référence du contrat');
  await expect(reference).toHaveValue(/^CT-2026-\d{5}$/);
  const assigned = await reference.inputValue();
  await reference.fill(taken);
  await page.getByRole('button', { name: 'Créer le contrat' }).click();
  await expect(page.getByRole('alert')).toContainText(`La référence ${taken} est déjà celle d’un autre contrat : choisissez-en une autre.`);
  await expectNoSeriousA11yViolations(page, 'Nouveau contrat (référence en double)');
  // A start before the first price list is refused on its field.
  await reference.fill(assigned);
  await page.getByLabel('Date de début').fill('2024-08-01');
  await page.getByRole('button', { name: 'Créer le contrat' }).click();
  await expect(page.getByLabel('Date de début')).toHaveAccessibleDescription(/avant la première grille tarifaire \(01\/09\/2024\)/);
  await page.getByLabel('Date de début').fill('2026-11-01');
  await page.getByRole('button', { name: 'Créer le contrat' }).click();
  await expect(page.getByRole('heading', { level: 2, name: new RegExp(`Contrat ${assigned}`) })).toBeVisible();
  const clientName = (await page.getByRole('heading', { level: 1 }).textContent())!.trim();

  // The list finds the client by the contract's reference.
  await page.goto('/#/clients');
  await page.getByLabel('Rechercher').fill(assigned.toLowerCase());
  await expect(page.getByText(/affichés? sur/)).toContainText('1 client affiché sur 10');
  await expect(page.getByRole('grid', { name: 'Liste des clients' }).getByRole('row').nth(1)).toContainText(clientName);

  // A notice "received" in the future is refused before anything is saved.
  await page.goto('/#/clients/demo-client-00002');
  await page.getByRole('link', { name: 'Enregistrer un préavis de résiliation' }).first().click();
  await page.getByLabel('Date de réception du préavis').fill('2026-12-15');
  await page.getByRole('button', { name: 'Enregistrer le préavis' }).click();
  await expect(page.getByLabel('Date de réception du préavis')).toHaveAccessibleDescription(/Un préavis ne peut pas avoir été reçu dans le futur \(15\/12\/2026, après aujourd’hui 27\/11\/2026\)/);

  // The usage import states its limit, then shows which stored months it will replace before writing.
  await page.goto('/#/clients/import');
  await expect(page.getByText(/Taille maximale : 20 Mo/)).toBeVisible();
  const csv = `contrat;mois;cpu_heures;base_go;stockage_go\n${taken};2026-10;0,31;0,2;1,1\n${taken};2026-09;0,3;0,2;1\n${assigned};2026-11;0,1;0,1;0,5\n`;
  await page.getByLabel('Fichier CSV à importer').setInputFiles({ name: 'conso.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  const overwritten = page.getByRole('region', { name: 'Mois déjà enregistrés qui seront remplacés : 2' });
  await expect(overwritten).toContainText('octobre 2026 — contrats concernés : 1');
  await expect(overwritten).toContainText('septembre 2026 — contrats concernés : 1');
  await expectNoSeriousA11yViolations(page, 'Import CSV (mois remplacés)');
  await page.getByRole('button', { name: 'Importer', exact: true }).click();
  await expect(page.getByText('Import terminé : 3 mois de consommation enregistrés pour 2 contrats.')).toBeVisible();
});

test('deadlines page: reached from the dashboard, filtered by kind, exported as CSV', async ({ page }) => {
  await loadDemo(page);
  await page.getByRole('link', { name: 'Toutes les échéances des 90 prochains jours' }).click();
  await expect(page).toHaveURL(/#\/clients\/echeances\?jours=90$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Échéances à venir' })).toBeVisible();
  await expect(page.getByText(/^Échéances du 27\/11\/2026 au 25\/02\/2027 : \d+$/)).toBeVisible();
  const rows = page.getByRole('table').getByRole('row');
  const all = (await rows.count()) - 1;
  expect(all).toBeGreaterThan(0);
  await page.getByLabel('Type d’échéance').selectOption({ label: 'Résiliation effective' });
  await expect(page).toHaveURL(/type=termination_effective/);
  const kept = (await rows.count()) - 1;
  expect(kept).toBeGreaterThan(0);
  for (let i = 1; i <= kept; i++) await expect(rows.nth(i)).toContainText('Résiliation effective');
  await expectNoSeriousA11yViolations(page, 'Échéances');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Exporter en CSV' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('echeances-2026-11-27-2027-02-25.csv');
  const text = await readFile((await file.path())!, 'utf8');
  expect(text.startsWith('\ufeffDate;Échéance;Client;Contrat;Règle;Clause\r\n')).toBe(true);
  const lines = text.trim().split('\r\n');
  expect(lines).toHaveLength(kept + 1);
  expect(lines[1]).toMatch(/^\d{4}-\d{2}-\d{2};Résiliation effective;.+;CT-\d{4}-\d{5};.+;§1$/);
  // A client link opens its page.
  await rows.nth(1).getByRole('link').click();
  await expect(page.getByRole('heading', { name: 'Identité' })).toBeVisible();
});
