import { expect, test, type Locator, type Page } from '@playwright/test';
import { generateDemoPortfolio } from '../../src-core';

// Two clicks sent at once on a creating action make ONE record (issue 16): each
// action is one command, its button guarded while it runs, and the data layer
// treats a second submit of the same command as a no-op (tests/data/idempotency.test.ts
// submits each twice to the data layer itself).
const demo = generateDemoPortfolio({ seed: 2024, clients: 10 });

async function loadDemo(page: Page) {
  await page.goto('/');
  await page.getByLabel('Taille du portefeuille de démonstration').selectOption('10');
  await page.getByRole('button', { name: 'Charger les données de démonstration' }).click();
  await expect(page.getByRole('button', { name: 'Charger les données de démonstration' })).toBeHidden({ timeout: 30_000 });
}

/**
 * Two clicks sent at once: both dispatched in one task, before React can
 * render anything in between (a button disabled by the first would stop a
 * second real click; these go through).
 */
const twice = (button: Locator) =>
  button.evaluate((element) => {
    for (let i = 0; i < 2; i += 1) element.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, view: window }));
  });

test('invoicing: two clicks at once create one set of drafts, one issue (single and run), one payment, one surcharge, one credit note', async ({ page }) => {
  test.setTimeout(180_000);
  page.on('dialog', (dialog) => void dialog.accept());
  await page.clock.setFixedTime(new Date('2026-10-01T09:00:00+02:00'));
  await loadDemo(page);
  await page.goto('/#/factures/facturation?mois=2026-10');
  await page.getByRole('button', { name: /Calculer l.aperçu/ }).click();
  const create = page.getByRole('button', { name: /^Créer les \d+ brouillon/ });
  const count = Number(/(\d+)/.exec((await create.textContent())!)![1]);
  await twice(create);
  await expect(page.getByRole('heading', { name: new RegExp(`^${count} brouillons à émettre`) })).toBeVisible();

  // One draft issued on its own page: one number.
  await page.goto('/#/factures?mois=2026-10');
  await expect(page.getByRole('link', { name: /^Brouillon — / })).toHaveCount(count);
  await page.getByRole('link', { name: /^Brouillon — / }).first().click();
  await twice(page.getByRole('button', { name: 'Émettre', exact: true }));
  await expect(page.getByRole('heading', { level: 1, name: 'Facture F-2026-000001' })).toBeVisible();

  // The rest issued by the run: numbers follow on, none skipped, none twice.
  await page.goto('/#/factures/facturation?mois=2026-10');
  await twice(page.getByRole('button', { name: /^Émettre les \d+ brouillon/ }));
  const last = `F-2026-${String(count).padStart(6, '0')}`;
  await expect(page.getByText(new RegExp(`^${count - 1} factures émises.*, de F-2026-000002 à ${last}\\.`))).toBeVisible();
  await page.goto('/#/factures?mois=2026-10');
  await expect(page.getByRole('link', { name: /^F-2026-\d{6}$/ })).toHaveCount(count);
  await expect(page.getByRole('link', { name: /^Brouillon — / })).toHaveCount(0);

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

test('letters: two clicks at once save one letter, print, send and record its receipt once; a price-change batch run twice sends nothing twice', async ({ page }) => {
  test.setTimeout(120_000);
  await page.clock.setFixedTime(new Date('2026-11-27T10:00:00+01:00'));
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
  const letterUrl = page.url();

  await twice(page.getByRole('button', { name: 'Marquer comme imprimée' }));
  await page.getByLabel('N° de recommandé').fill('1A 123 456 7890 1');
  await twice(page.getByRole('button', { name: 'Enregistrer l’envoi' }));
  await expect(page.getByRole('button', { name: 'Enregistrer la réception' })).toBeVisible();
  await twice(page.getByRole('button', { name: 'Enregistrer la réception' }));
  await expect(page.getByRole('button', { name: 'Corriger la date de réception' })).toBeVisible();
  await expect(page.locator('.alert.error')).toHaveCount(0);
  // Received the day it was sent, earlier than presumed: the printed cure deadline moves back, and a correction is offered.
  await expect(page.getByTestId('receipt-correction')).toContainText('Date limite de régularisation : 30/12/2026 → 28/12/2026');

  await page.goto(`/#/clients/${client.id}`);
  const timeline = page.getByTestId('timeline');
  await expect(timeline.getByText(/Notification de manquement rédigée/)).toHaveCount(1);
  await expect(timeline.getByText(/Notification de manquement imprimée/)).toHaveCount(1);
  await expect(timeline.getByText(/Notification de manquement envoyée le 27\/11\/2026/)).toHaveCount(1);
  await expect(timeline.getByText(/Notification de manquement reçue le 27\/11\/2026/)).toHaveCount(1);
  await page.goto('/#/courriers');
  await expect(page.getByRole('table', { name: 'Tous les courriers' }).getByRole('row')).toHaveCount(2);
  expect(letterUrl).toMatch(/#\/courriers\//);

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

test('clients: two clicks at once create one client, one contract, one tier change, one usage import', async ({ page }) => {
  test.setTimeout(120_000);
  await page.clock.setFixedTime(new Date('2026-11-27T10:00:00+01:00'));
  await loadDemo(page);

  await page.goto('/#/clients/nouveau');
  await page.getByLabel('Raison sociale').fill('Boulangerie Test SARL');
  await page.getByLabel('SIREN').fill('732829320');
  await page.getByLabel('Adresse', { exact: true }).fill('1 rue de la Paix');
  await page.getByLabel('Code postal').fill('54000');
  await page.getByLabel('Ville').fill('Nancy');
  await page.getByLabel('Nom', { exact: true }).fill('Jeanne Martin');
  await page.getByLabel('E-mail', { exact: true }).fill('jeanne@exemple.fr');
  await page.getByLabel('Téléphone', { exact: true }).fill('03 83 00 00 00');
  await twice(page.getByRole('button', { name: 'Créer le client' }));
  await expect(page.getByRole('heading', { level: 1, name: 'Boulangerie Test SARL' })).toBeVisible();
  const clientUrl = page.url();
  await page.goto('/#/clients');
  await expect(page.getByText(/sur 11\b/)).toBeVisible();
  await expect(page.getByRole('link', { name: 'Boulangerie Test SARL' })).toHaveCount(1);

  await page.goto(clientUrl);
  await page.getByRole('link', { name: 'Nouveau contrat' }).click();
  await twice(page.getByRole('button', { name: 'Créer le contrat' }));
  await expect(page.getByRole('heading', { level: 1, name: 'Boulangerie Test SARL' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: /^Contrat CT-/ })).toHaveCount(1);
  await expect(page.locator('.alert.error')).toHaveCount(0);

  // Its termination notice, saved by two clicks at once: one notice, no refusal of the second.
  await page.getByRole('link', { name: 'Enregistrer un préavis de résiliation' }).click();
  await page.getByLabel('Date de réception du préavis').fill('2026-11-27');
  await twice(page.getByRole('button', { name: 'Enregistrer le préavis' }));
  await expect(page.getByRole('heading', { level: 1, name: 'Boulangerie Test SARL' })).toBeVisible();
  await expect(page.getByTestId('timeline').getByText(/Préavis de résiliation reçu/)).toHaveCount(1);

  // demo-client-00002 is over its limits in November: one tier change, one notice.
  await page.goto('/#/clients/demo-client-00002');
  await page.getByRole('button', { name: 'Appliquer le changement d’offre…' }).click();
  await twice(page.getByRole('dialog').getByRole('button', { name: /^Confirmer le changement au / }));
  await expect(page.getByText(/^Changement appliqué : formule T99/)).toBeVisible();
  await expect(page.getByTestId('timeline').getByText(/Changement de formule : T49 → T99/)).toHaveCount(1);
  await expect(page.getByRole('link', { name: 'Avis de changement de formule' })).toHaveCount(1);
  const reference = (await page.getByRole('heading', { level: 2, name: /^Contrat CT-/ }).first().textContent())!.match(/CT-\d{4}-\d{5}/)![0];

  await page.goto('/#/clients/import');
  const csv = `contrat;mois;cpu_heures;base_go;stockage_go\n${reference};2026-10;0,31;0,2;1,1\n`;
  await page.getByLabel('Fichier CSV à importer').setInputFiles({ name: 'conso.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await expect(page.getByRole('button', { name: 'Importer', exact: true })).toBeEnabled();
  await twice(page.getByRole('button', { name: 'Importer', exact: true }));
  await expect(page.getByText(/^Import terminé : 1 mois de consommation/)).toBeVisible();
  await page.goto('/#/clients/demo-client-00002');
  await expect(page.getByTestId('timeline').getByText(`Consommation importée pour le contrat ${reference} : octobre 2026.`)).toHaveCount(1);
});
