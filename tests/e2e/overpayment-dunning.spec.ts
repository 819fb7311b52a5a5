import { expect, test, type Locator, type Page } from '@playwright/test';

// Issue 16: a credit note on a paid invoice offers a refund or an offset on the
// next invoice; a formal notice is written from the overdue invoices' balances.
// Two clicks sent at once on each of these creating actions make ONE record.

async function loadDemo(page: Page) {
  await page.goto('/');
  await page.getByLabel('Taille du portefeuille de démonstration').selectOption('10');
  await page.getByRole('button', { name: 'Charger les données de démonstration' }).click();
  await expect(page.getByRole('button', { name: 'Charger les données de démonstration' })).toBeHidden({ timeout: 30_000 });
}

/** Both clicks dispatched before the first command can finish (see idempotency.spec.ts). */
const twice = (button: Locator) => button.dblclick();

/** October issued on 01/10/2026, seen on 27/11/2026 (every invoice overdue). */
async function octoberIssued(page: Page) {
  page.on('dialog', (dialog) => void dialog.accept());
  await page.clock.setFixedTime(new Date('2026-10-01T09:00:00+02:00'));
  await loadDemo(page);
  await page.goto('/#/factures/facturation?mois=2026-10');
  await page.getByRole('button', { name: /Calculer l.aperçu/ }).click();
  await page.getByRole('button', { name: /^Créer les \d+ brouillon/ }).click();
  await page.getByRole('button', { name: /^Émettre les \d+ brouillon/ }).click();
  await expect(page.getByText(/factures? émises?, de F-2026-000001/)).toBeVisible({ timeout: 30_000 });
  await page.clock.setFixedTime(new Date('2026-11-27T10:00:00+01:00'));
}

test('a paid invoice credited: one refund and one offset per double click; the balance comes back to 0', async ({ page }) => {
  test.setTimeout(180_000);
  await octoberIssued(page);
  await page.goto('/#/factures?mois=2026-10');
  await page.getByRole('link', { name: 'F-2026-000001' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Facture F-2026-000001' })).toBeVisible();
  const total = (await page.getByTestId('total').textContent())!.trim();
  // Paid in full (the form proposes the balance), then cancelled by a credit note.
  await page.getByRole('button', { name: 'Enregistrer le paiement' }).click();
  // Paid in full, the payment form goes (nothing more is expected) with its message: the balance says it.
  await expect(page.getByTestId('balance')).toHaveText('0,00 €');
  await page.getByRole('button', { name: 'Faire un avoir' }).click();
  await page.getByRole('button', { name: 'Vérifier l’avoir' }).click();
  await expect(page.getByText(`le client aura payé ${total} de trop`)).toBeVisible();
  await page.getByRole('button', { name: 'Confirmer et émettre l’avoir' }).click();
  await expect(page.getByRole('heading', { name: `Trop-perçu : ${total}` })).toBeVisible();
  await expect(page.getByTestId('balance')).toHaveText(`-${total}`);

  // A refund of 10,00 €, the button hit twice at once: one refund.
  await page.getByLabel('Montant remboursé (€)').fill('10,00');
  await page.getByLabel('Moyen de remboursement').selectOption({ label: 'Chèque' });
  await twice(page.getByRole('button', { name: 'Enregistrer le remboursement' }));
  await expect(page.getByText('Remboursement de 10,00 € enregistré.')).toBeVisible();
  const entries = page.locator('section[aria-labelledby="payments-title"] tbody tr');
  await expect(entries).toHaveCount(2);
  await expect(entries.filter({ hasText: 'Remboursement (avoir AV-2026-000001)' })).toHaveCount(1);

  // The rest imputed on the next invoice, twice at once: one offset, and nothing left over.
  const rest = (await page.getByRole('heading', { name: /^Trop-perçu : / }).textContent())!.replace('Trop-perçu : ', '');
  await page.getByLabel('Imputer sur la prochaine facture du client').check();
  await page.getByLabel('Montant à imputer (€)').fill(rest.replace(/\s*€$/, ''));
  await twice(page.getByRole('button', { name: 'Imputer sur la prochaine facture' }));
  await expect(page.getByText(`${rest} seront imputés sur la prochaine facture du client.`)).toBeVisible();
  await expect(entries).toHaveCount(3);
  await expect(entries.filter({ hasText: 'À imputer sur la prochaine facture (avoir AV-2026-000001)' })).toHaveCount(1);
  await expect(page.getByRole('heading', { name: /^Trop-perçu/ })).toBeHidden();
  await expect(page.getByTestId('balance')).toHaveText('0,00 €');
  await page.screenshot({ path: 'test-results/overpayment.png', fullPage: true });
});

test('the overdue list writes the formal notice due from the balances; two clicks at once save one letter', async ({ page }) => {
  test.setTimeout(180_000);
  await octoberIssued(page);
  await page.goto('/#/factures/impayes');
  const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: 'F-2026-000002' }) });
  await expect(row.getByText('Mise en demeure de payer')).toBeVisible();
  const balance = (await row.getByRole('cell').nth(4).textContent())!.trim();
  await row.getByRole('link', { name: 'Rédiger ce courrier' }).click();
  await expect(page.getByLabel('Type de courrier')).toHaveValue('formalNotice');
  // The invoice is named with its balance; no amount can be typed.
  // Accessible names normalise the narrow no-break space of "22,80 €".
  await expect(page.getByRole('checkbox', { name: new RegExp(`^Facture F-2026-000002 — échue le 31/10/2026 — reste dû ${balance.replace(/\s/g, '\\s')}$`) })).toBeChecked();
  await expect(page.getByText(`Total des soldes nommés : ${balance}`)).toBeVisible();
  await expect(page.getByRole('textbox', { name: /Montant/ })).toHaveCount(0);
  await twice(page.getByRole('button', { name: 'Enregistrer le brouillon' }));
  await expect(page.getByRole('heading', { level: 1, name: 'Mise en demeure de payer' })).toBeVisible();
  await page.goto('/#/courriers');
  await expect(page.getByRole('table', { name: 'Tous les courriers' }).getByRole('row')).toHaveCount(2);
  // The agenda no longer proposes that invoice's formal notice; others still are.
  const agenda = page.locator('section[aria-labelledby="letters-dunning-due"]');
  await expect(agenda.getByText(/facture F-2026-000002 /)).toHaveCount(0);
  await expect(agenda.getByText(/Mise en demeure de payer — facture F-2026-000001 /)).toHaveCount(1);
});
