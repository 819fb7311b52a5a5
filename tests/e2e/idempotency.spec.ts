import { expect, test, type Locator, type Page } from '@playwright/test';
import { generateDemoPortfolio } from '../../src-core';

// Two clicks sent at once on a creating action make ONE record (issue 16): each
// action is one command, its button guarded while it runs, and the data layer
// treats a second submit of the same command as a no-op.
const demo = generateDemoPortfolio({ seed: 2024, clients: 10 });

async function loadDemo(page: Page) {
  await page.goto('/');
  await page.getByLabel('Taille du portefeuille de démonstration').selectOption('10');
  await page.getByRole('button', { name: 'Charger les données de démonstration' }).click();
  await expect(page.getByRole('button', { name: 'Charger les données de démonstration' })).toBeHidden({ timeout: 30_000 });
}

/**
 * Two clicks sent at once: a double click dispatches both before the first
 * command can finish (Playwright's separate clicks would wait for the button
 * the first one disabled).
 */
const twice = (button: Locator) => button.dblclick();

test('invoicing: two clicks at once create one set of drafts, one issue, one payment, one surcharge, one credit note', async ({ page }) => {
  test.setTimeout(180_000);
  page.on('dialog', (dialog) => void dialog.accept());
  await page.clock.setFixedTime(new Date('2026-10-01T09:00:00+02:00'));
  await loadDemo(page);
  await page.goto('/#/factures/facturation?mois=2026-10');
  await page.getByRole('button', { name: /Calculer l.aperçu/ }).click();
  const create = page.getByRole('button', { name: /^Créer les \d+ brouillon/ });
  const count = Number(/(\d+)/.exec((await create.textContent())!)![1]);
  await twice(create);
  await expect(page.getByRole('heading', { name: `${count} brouillon(s) à émettre` })).toBeVisible();
  await twice(page.getByRole('button', { name: /^Émettre les \d+ brouillon/ }));
  await expect(page.getByText(new RegExp(`${count} facture\\(s\\) émise\\(s\\), de F-2026-000001 à F-2026-${String(count).padStart(6, '0')}`))).toBeVisible();
  await page.goto('/#/factures?mois=2026-10');
  await expect(page.getByRole('link', { name: /^F-2026-\d{6}$/ })).toHaveCount(count);

  // Seen on 27/11/2026, the invoices are overdue.
  await page.clock.setFixedTime(new Date('2026-11-27T10:00:00+01:00'));
  await page.goto('/#/factures?mois=2026-10');
  await page.getByRole('link', { name: 'F-2026-000001' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Facture F-2026-000001' })).toBeVisible();

  await page.getByLabel('Montant (€)').fill('10,00');
  await twice(page.getByRole('button', { name: 'Enregistrer le paiement' }));
  await expect(page.getByText('Paiement de 10,00 € enregistré.')).toBeVisible();
  const payments = page.locator('section[aria-labelledby="payments-title"] table');
  await expect(payments.getByRole('row')).toHaveCount(2); // header + one payment

  await twice(page.getByRole('button', { name: 'Émettre la majoration de retard' }));
  await expect(page.getByText('Majoration de retard émise.')).toBeVisible();

  await page.getByRole('button', { name: 'Faire un avoir' }).click();
  await page.getByRole('button', { name: 'Vérifier l’avoir' }).click();
  await twice(page.getByRole('button', { name: 'Confirmer et émettre l’avoir' }));
  await expect(page.getByText('Avoir AV-2026-000001 émis.')).toBeVisible();
  const related = page.locator('section[aria-labelledby="related-title"]');
  await expect(related.getByRole('link')).toHaveCount(2); // one surcharge, one credit note
  await expect(related.getByRole('link', { name: /^Majoration de retard F-2026-/ })).toHaveCount(1);
  await expect(related.getByRole('link', { name: 'Avoir AV-2026-000001' })).toHaveCount(1);

  // A payment cancelled with its reason stays listed, no longer counted.
  await page.getByRole('button', { name: 'Annuler ce paiement' }).click();
  await page.getByLabel('Motif de l’annulation').fill('virement rejeté par la banque');
  await twice(page.getByRole('button', { name: 'Annuler le paiement' }));
  await expect(page.getByText(/^Annulé le 27\/11\/2026 : virement rejeté par la banque$/)).toBeVisible();
  await expect(page.getByText(/Paiement de 10,00\s€ du 27\/11\/2026 sur la facture F-2026-000001 annulé : virement rejeté par la banque\./)).toBeVisible();
});

test('letters: two clicks at once save one letter; a price-change batch run twice sends nothing twice', async ({ page }) => {
  test.setTimeout(120_000);
  const client = demo.clients[0]!;
  await loadDemo(page);
  await page.goto('/#/courriers');
  await page.getByRole('link', { name: 'Rédiger un courrier' }).first().click();
  await page.getByLabel('Client destinataire (nom ou SIREN)').fill(client.legalName);
  await page.getByRole('link', { name: client.legalName }).click();
  await page.getByLabel('Type de courrier').selectOption({ label: 'Notification de manquement' });
  await page.getByLabel('Manquement constaté').fill('le module de contrôle de licence a été désactivé (article 3).');
  await twice(page.getByRole('button', { name: 'Enregistrer le brouillon' }));
  await expect(page.getByRole('heading', { level: 1, name: 'Notification de manquement' })).toBeVisible();
  await page.goto('/#/courriers');
  await expect(page.getByRole('table', { name: 'Tous les courriers' }).getByRole('row')).toHaveCount(2);

  const concerned = demo.contracts.filter((c) => c.tier === 'T49' && c.status !== 'terminated' && c.status !== 'draft').length;
  const batch = async () => {
    await page.goto('/#/courriers');
    await page.getByRole('link', { name: 'Envoi groupé : modification des prix' }).click();
    await page.getByLabel('Motif de la modification').fill('la hausse du coût de l’énergie');
    await page.getByLabel('Nouveau prix T49', { exact: true }).fill('54,00');
    await twice(page.getByRole('button', { name: 'Préparer les avis' }));
  };
  await batch();
  await expect(page.getByText(`${concerned} avis préparés.`)).toBeVisible();
  await batch();
  await expect(page.getByText(`Contrats ayant déjà reçu cet avis, laissés de côté : ${concerned}.`, { exact: false })).toBeVisible();
  await page.goto('/#/courriers');
  await page.getByLabel('Type de courrier').selectOption({ label: 'Avis de modification des prix' });
  await expect(page.getByRole('table', { name: 'Tous les courriers' }).getByRole('row')).toHaveCount(concerned + 1);
});
