import { expect, test, type Page } from '@playwright/test';
import { addDays, breachCureDeadline, formatDateFr, generateDemoPortfolio, toParisWallClock } from '../../src-core';
import { expectNoSeriousA11yViolations } from './a11y';

/**
 * A breach notice from writing to follow-up, as an account manager does it.
 * The client page does not mount the letters block yet (Clients owns it), so
 * the letter is written from the Courriers screen. Dates are set relative to
 * the real today, far enough in the past for the cure period to run out.
 */
const today = toParisWallClock(Date.now()).date;
const letterDate = addDays(today, -90);
const demo = generateDemoPortfolio({ seed: 2024, clients: 10 });
const client = demo.clients[0]!;

async function loadDemo(page: Page) {
  await page.goto('/');
  await page.getByLabel('Taille du portefeuille de démonstration').selectOption('10');
  await page.getByRole('button', { name: 'Charger les données de démonstration' }).click();
  await expect(page.getByRole('button', { name: 'Charger les données de démonstration' })).toBeHidden({ timeout: 30_000 });
}

/** The cure deadline as the letter page lists it. */
const cureLine = (page: Page) => page.getByTestId('letter-deadlines').getByText(/^Date limite de régularisation/);

test('a breach notice: written, sent, received, its cure deadline following the receipt date, then the termination proposed', async ({ page }) => {
  await loadDemo(page);
  await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Courriers' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Courriers' })).toBeVisible();
  await expect(page.getByText('Aucun courrier pour l’instant')).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'Courriers');

  // Write the breach notice.
  await page.getByRole('link', { name: 'Rédiger un courrier' }).first().click();
  await page.getByLabel('Client destinataire (nom ou SIREN)').fill(client.legalName);
  await page.getByRole('link', { name: client.legalName }).click();
  await page.getByLabel('Type de courrier').selectOption({ label: 'Notification de manquement' });
  await page.getByLabel('Date de la lettre').fill(letterDate);
  await page.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
  await expect(page.getByLabel('Manquement constaté')).toHaveAccessibleDescription('Ce champ est obligatoire.');
  await page.getByLabel('Manquement constaté').fill('le module de contrôle de licence a été désactivé (article 3).');
  await expect(page.getByText(/Date limite de régularisation : /)).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'Rédiger un courrier');
  await page.getByRole('button', { name: 'Enregistrer le brouillon' }).click();

  // The letter page: draft → printed → sent.
  await expect(page.getByRole('heading', { level: 1, name: 'Notification de manquement' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Étapes du courrier' }).locator('[aria-current="step"]')).toHaveText(/Brouillon/);
  await page.getByRole('button', { name: 'Marquer comme imprimée' }).click();
  await page.getByLabel('Date d’envoi').fill(letterDate);
  await page.getByLabel('N° de recommandé').fill('1A 123 456 7890 1');
  await page.getByRole('button', { name: 'Enregistrer l’envoi' }).click();
  await expect(page.getByRole('list', { name: 'Étapes du courrier' }).locator('[aria-current="step"]')).toHaveText(/Envoyée/);
  // Until the acknowledgement comes back, the deadline runs from the presumed receipt (sending + 3 days).
  const presumed = addDays(letterDate, 3);
  await expect(page.getByText(`Réception présumée de l’avis : ${formatDateFr(presumed)}`)).toBeVisible();
  await expect(cureLine(page)).toHaveText(`Date limite de régularisation : ${formatDateFr(breachCureDeadline(presumed))}`);
  await expectNoSeriousA11yViolations(page, 'Courrier envoyé');

  // Received recently: the cure deadline moves with the receipt date and is still ahead.
  const lateReceipt = addDays(today, -10);
  await page.getByLabel('Date de l’accusé de réception').fill(lateReceipt);
  await page.getByRole('button', { name: 'Enregistrer la réception' }).click();
  await expect(cureLine(page)).toHaveText(`Date limite de régularisation : ${formatDateFr(breachCureDeadline(lateReceipt))}`);
  await expect(page.getByText(`Dates recalculées depuis l’accusé de réception du ${formatDateFr(lateReceipt)}.`)).toBeVisible();
  await expect(page.getByRole('link', { name: 'Rédiger la résiliation pour manquement non corrigé' })).toBeHidden();

  // The acknowledgement actually says an earlier date: the deadline moves back and has passed — termination is proposed.
  const receipt = addDays(letterDate, 4);
  await page.getByLabel('Date de l’accusé de réception').fill(receipt);
  await page.getByRole('button', { name: 'Corriger la date de réception' }).click();
  await expect(cureLine(page)).toHaveText(`Date limite de régularisation : ${formatDateFr(breachCureDeadline(receipt))}`);
  const followUp = page.getByRole('link', { name: 'Rédiger la résiliation pour manquement non corrigé' });
  await expect(followUp).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'Courrier reçu, suite proposée');

  // The Courriers screen lists it, findable by registered number, with the follow-up.
  await page.getByRole('link', { name: 'Retour aux courriers' }).first().click();
  await page.getByLabel('Rechercher (client ou n° de recommandé)').fill('1A1234567890');
  await expect(page.getByRole('table', { name: 'Tous les courriers' }).getByRole('row')).toHaveCount(2);
  await expect(page.getByRole('link', { name: 'Rédiger la résiliation pour manquement non corrigé' })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'Courriers avec suite à donner');

  // The termination letter is prefilled from the notice it follows.
  await page.getByRole('link', { name: 'Rédiger la résiliation pour manquement non corrigé' }).click();
  await expect(page.getByLabel('Type de courrier')).toHaveValue('breachTermination');
  await expect(page.getByLabel('Notification du manquement reçue le')).toHaveValue(receipt);
  await expect(page.getByLabel('Manquement constaté')).toHaveValue('le module de contrôle de licence a été désactivé (article 3).');
  await page.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Résiliation pour manquement non résolu' })).toBeVisible();
});

test('price change notices for a whole price list: progress, one PDF to print, one record per contract', async ({ page }) => {
  const concerned = demo.contracts.filter((c) => c.tier === 'T49' && c.status !== 'terminated' && c.status !== 'draft').length;
  expect(concerned).toBeGreaterThan(0);
  await loadDemo(page);
  await page.goto('/#/courriers');
  await page.getByRole('link', { name: 'Envoi groupé : modification des prix' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Avis de modification des prix' })).toBeVisible();
  await page.getByLabel('Motif de la modification').fill('la hausse du coût de l’énergie');
  await page.getByLabel('Nouveau prix T49', { exact: true }).fill('54,00');
  await expectNoSeriousA11yViolations(page, 'Envoi groupé');
  await page.getByRole('button', { name: 'Préparer les avis' }).click();
  await expect(page.getByText(`${concerned} avis préparés.`)).toBeVisible();
  await page.getByRole('button', { name: 'Imprimer le lot' }).click();
  await expect(page.getByText('Lot imprimé : les avis sont marqués « Imprimée ».')).toBeVisible();

  await page.getByRole('link', { name: 'Voir les courriers' }).click();
  await page.getByLabel('Statut').selectOption({ label: 'Imprimée' });
  await page.getByLabel('Type de courrier').selectOption({ label: 'Avis de modification des prix' });
  await expect(page.getByRole('table', { name: 'Tous les courriers' }).getByRole('row')).toHaveCount(concerned + 1);
});
