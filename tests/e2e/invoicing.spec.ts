import { execFileSync } from 'node:child_process';
import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './a11y';

// The month's invoicing as an account manager does it, on the demo portfolio:
// October is issued on 01/10/2026 (an invoice is dated the day it is issued),
// then the browser's clock moves to 27/11/2026, when its invoices are overdue.
const MONTH = '2026-10';
const ISSUED_ON = new Date('2026-10-01T09:00:00+02:00');
const LATER = new Date('2026-11-27T10:00:00+01:00');
const SHOTS = process.env.E2E_SCREENSHOTS;

/** A screenshot of the whole screen when E2E_SCREENSHOTS names a folder; <main> scrolls, so the viewport grows for it. */
async function shot(page: Page, name: string) {
  if (!SHOTS) return;
  const size = page.viewportSize()!;
  await page.setViewportSize({ width: size.width, height: 2400 });
  await page.screenshot({ path: `${SHOTS}/${name}.png` });
  await page.setViewportSize(size);
}

async function loadDemo(page: Page) {
  await page.goto('/');
  await page.getByLabel('Taille du portefeuille de démonstration').selectOption('10');
  await page.getByRole('button', { name: 'Charger les données de démonstration' }).click();
  await expect(page.getByTestId('mrr')).toBeVisible({ timeout: 30_000 });
}

/** Text of a PDF the page downloaded, as poppler's pdftotext reads it. */
async function downloadedPdfText(page: Page, click: () => Promise<void>): Promise<{ name: string; text: string; path: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = await download.path();
  return { path, name: download.suggestedFilename(), text: execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' }).replace(/[ \u00a0\u202f]+/g, ' ') };
}

test('run a month, issue, record a payment, make a credit note and a surcharge, save the PDFs', async ({ page }) => {
  test.setTimeout(120_000);
  page.on('dialog', (dialog) => void dialog.accept());
  await page.clock.setFixedTime(ISSUED_ON);
  await loadDemo(page);

  // The monthly run: preview with totals per rate and warnings, then drafts, then issue.
  await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Factures' }).click();
  await page.getByRole('link', { name: 'Facturer un mois' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Facturation du mois' })).toBeVisible();
  await page.getByLabel('Mois à facturer').selectOption(MONTH);
  await page.getByRole('button', { name: /Calculer l.aperçu/ }).click();
  await expect(page.getByRole('heading', { name: /^Aperçu : \d+ factures? pour/ })).toBeVisible();
  await expect(page.getByText(/Base HT à 20 %/)).toBeVisible();
  await expect(page.getByText(/sans numéro de TVA intracommunautaire/).first()).toBeVisible();
  await shot(page, 'run-preview');
  await expectNoSeriousA11yViolations(page, 'Facturation du mois (aperçu)');
  await page.getByRole('button', { name: /^Créer les \d+ brouillon/ }).click();
  await expect(page.getByRole('status').filter({ hasText: /brouillons? créés? ;/ })).toBeVisible();

  // Running it again bills nobody twice.
  await page.getByRole('button', { name: /Calculer l.aperçu/ }).click();
  await expect(page.getByText(/Rien à facturer pour ce mois/)).toBeVisible();

  // Before issuing, the series the invoices will take: this laptop has never signed in, so its standalone one.
  await expect(page.getByTestId('next-number')).toHaveText('Série F-2026 : prochain numéro F-2026-000001 (série pas encore confirmée par le serveur central).');
  await page.getByRole('button', { name: /^Émettre les \d+ brouillon/ }).click();
  await expect(page.getByText(/factures? émises?, de F-2026-000001 à F-2026-0000\d\d/)).toBeVisible();

  // The month's list, searched by number, seen on 27/11/2026.
  await page.clock.setFixedTime(LATER);
  await page.goto(`/#/factures?mois=${MONTH}`);
  await expect(page.getByRole('link', { name: 'F-2026-000001' })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'En retard' }).first()).toBeVisible();
  await shot(page, 'list');
  await expectNoSeriousA11yViolations(page, 'Factures du mois');
  await page.getByLabel('Rechercher un numéro').fill('F-2026-000002');
  await expect(page.getByRole('link', { name: /^F-2026-/ })).toHaveCount(1);
  await page.getByRole('link', { name: 'F-2026-000002' }).click();

  // The invoice page: a partial payment leaves it overdue with a smaller balance.
  await expect(page.getByRole('heading', { level: 1, name: 'Facture F-2026-000002' })).toBeVisible();
  const total = (await page.getByTestId('total').textContent())!;
  await page.getByLabel('Montant (€)').fill('10,00');
  await page.getByLabel('Référence').fill('VIR-4242');
  await page.getByRole('button', { name: 'Enregistrer le paiement' }).click();
  await expect(page.getByText('Paiement de 10,00 € enregistré.')).toBeVisible();
  await expect(page.getByRole('cell', { name: 'VIR-4242' })).toBeVisible();
  await expect(page.getByText('En retard').first()).toBeVisible();
  const dunning = page.getByRole('heading', { name: /Relances proposées — \d+ jours? de retard/ });
  await expect(dunning).toBeVisible();
  const daysLate = /(\d+) jour/.exec((await dunning.textContent())!)![1]!;
  await expect(page.getByText('Relance', { exact: true })).toBeVisible();

  // A partial credit note on the first line, then the late surcharge.
  await page.getByRole('button', { name: 'Faire un avoir' }).click();
  await page.getByLabel('Corriger partiellement, ligne par ligne').check();
  await page.getByLabel(/^Montant HT à créditer/).first().fill('5,00');
  await page.getByRole('button', { name: 'Vérifier l’avoir' }).click();
  await expect(page.getByText(/^Cet avoir annulera 5,00\s€ HT \(6,00\s€ TTC\) de la facture F-2026-000002 du 01\/10\/2026/)).toBeVisible();
  await page.getByRole('button', { name: 'Confirmer et émettre l’avoir' }).click();
  await expect(page.getByText('Avoir AV-2026-000001 émis.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Avoir AV-2026-000001' })).toBeVisible();
  await page.getByRole('button', { name: 'Émettre la majoration de retard' }).click();
  await expect(page.getByText('Majoration de retard émise.')).toBeVisible();
  await expect(page.getByText(/Historique/)).toBeVisible();
  await shot(page, 'invoice');
  await expectNoSeriousA11yViolations(page, 'Facture');

  const pdf = await downloadedPdfText(page, () => page.getByRole('button', { name: 'Enregistrer en PDF' }).click());
  expect(pdf.name).toBe('facture-F-2026-000002.pdf');
  expect(pdf.text).toContain('F-2026-000002');
  expect(pdf.text).toContain(total.replace(/[\u00a0\u202f]/g, ' '));
  // Issued, it leaves as Factur-X (issue 18): factur-x.xml attached, every font embedded.
  expect(execFileSync('pdfdetach', ['-list', pdf.path], { encoding: 'utf8' })).toContain('1: factur-x.xml');
  const fontRows = execFileSync('pdffonts', [pdf.path], { encoding: 'utf8' }).trim().split('\n').slice(2);
  expect(fontRows.length).toBeGreaterThan(0);
  expect(fontRows.filter((row) => !/^[A-Z]{6}\+\S+\s+TrueType\s+WinAnsi\s+yes\s/.test(row))).toEqual([]);

  await page.getByRole('link', { name: 'Avoir AV-2026-000001' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Avoir AV-2026-000001' })).toBeVisible();
  const note = await downloadedPdfText(page, () => page.getByRole('button', { name: 'Enregistrer en PDF' }).click());
  expect(note.text).toContain('AV-2026-000001');
  expect(note.text).toContain('F-2026-000002');
  expect(note.text).toContain('-6,00 €');
  expect(note.text).toContain('Avoir sur la facture n° F-2026-000002 du 01/10/2026');
  expect(note.text).not.toMatch(/échéance|Pénalités/i);

  // The overdue list shows the invoice with its days late and the step due.
  await page.goto('/#/factures/impayes');
  await expect(page.getByRole('heading', { level: 1, name: 'Impayés' })).toBeVisible();
  const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: 'F-2026-000002' }) });
  await expect(row.getByRole('cell', { name: daysLate, exact: true })).toBeVisible();
  await expect(row).toContainText(/Relance|Mise en demeure de payer|Résiliation pour défaut de paiement possible/);
  await expect(row).toContainText('Émise'); // the surcharge made above
  await shot(page, 'overdue');
  await expectNoSeriousA11yViolations(page, 'Impayés');

  // "Rédiger ce courrier" opens the letter of the step reached, naming the invoice with its balance (never typed).
  const balance = (await row.getByRole('cell').nth(4).textContent())!.trim();
  const amount = new RegExp(balance.replace(/[\s\u00a0\u202f]+/g, '\\s'));
  await row.getByRole('link', { name: 'Rédiger ce courrier' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Rédiger un courrier' })).toBeVisible();
  // On 27/11 the step is the formal notice: it names the overdue invoices, this one checked (issue 16).
  await expect(page.getByRole('checkbox', { name: /F-2026-000002/ })).toBeChecked();
  await expect(page.getByRole('group', { name: 'Factures impayées nommées' })).toContainText(amount);
  await expect(page.getByLabel('Montant restant dû TTC')).toHaveCount(0);

  // November computed on 27/11 is issued late: the preview says so, and its invoices will bear that day.
  await page.goto('/#/factures/facturation?mois=2026-11');
  await page.getByRole('button', { name: /Calculer l.aperçu/ }).click();
  await expect(page.getByTestId('late-issue')).toContainText('Émission tardive');
  await expect(page.getByTestId('late-issue')).toContainText('27/11/2026');

  // The month exported as one PDF holds every issued document.
  await page.goto(`/#/factures?mois=${MONTH}`);
  const month = await downloadedPdfText(page, () => page.getByRole('button', { name: 'Exporter en un seul PDF' }).click());
  expect(month.name).toBe(`factures-${MONTH}.pdf`);
  expect(month.text).toContain('F-2026-000001');
  expect(month.text).toContain('AV-2026-000001');
  const [separate] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exporter en fichiers séparés' }).click()]);
  // In the browser every separate file comes in one zip (issue 16; export-files.spec.ts reads it).
  expect(separate.suggestedFilename()).toBe(`factures-${MONTH}.zip`);
});

test('Paramètres: the seller profile is validated field by field and saved', async ({ page }) => {
  await page.goto('/#/parametres');
  await expect(page.getByRole('heading', { level: 1, name: 'Paramètres' })).toBeVisible();
  await page.getByLabel('SIREN').fill('12345');
  await page.getByRole('button', { name: 'Enregistrer' }).first().click();
  await expect(page.getByText('Le SIREN compte 9 chiffres.')).toBeVisible();
  await expect(page.getByLabel('SIREN')).toHaveAttribute('aria-invalid', 'true');
  await page.getByLabel('SIREN').fill('732829320');
  await page.getByLabel('Raison sociale').fill('DOKOS SAS (test)');
  await page.getByRole('button', { name: 'Enregistrer' }).first().click();
  await expect(page.getByText('Paramètres enregistrés.')).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Raison sociale')).toHaveValue('DOKOS SAS (test)');
  await shot(page, 'settings');
  await expectNoSeriousA11yViolations(page, 'Paramètres');
});
