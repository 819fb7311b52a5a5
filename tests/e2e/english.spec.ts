import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { DEMO_TODAY, generateDemoPortfolio } from '../../src-core';
import { cliOutput, startServerProcess } from '../server/support/server-process';
import { createUser } from './server-accounts';

// The English locale is complete (issue 19): every screen, switched to
// English, shows no French word of the interface. What may stay French is
// named here, exactly: the data of the (French) demo clients, proper nouns, and
// the content of the legal documents — invoices and letters are French
// documents: their PDF previews (an iframe, outside the page's text) and the
// texts the screens mark `lang="fr"` because they are the documents' own French
// (an invoice's stored lines and VAT mention, the dates a letter announces in
// its words) or stored French records (the history's entries) stay French.

const ISSUED_ON = new Date('2026-10-01T09:00:00+02:00');
const MONTH = '2026-10';
const DEMO_SIZE = 10;
/** The seed the dashboard's "Load the demo data" uses (features/dashboard/demo-load.ts). */
const DEMO_SEED = 2024;
const SHOTS = process.env.E2E_SCREENSHOTS;
/** A breach notice sent and received early enough that its time to cure (receipt + 30 days) has passed on ISSUED_ON. */
const BREACH_NOTICE_DATE = '2026-08-14';
const BREACH_NOTICE_RECEIVED = '2026-08-18';

/** Every text a demo record carries (names, addresses, people, partners): client data, not interface words. */
function demoTexts(portfolio = generateDemoPortfolio({ seed: DEMO_SEED, clients: DEMO_SIZE })): string[] {
  const texts = new Set<string>();
  const walk = (value: unknown) => {
    if (typeof value === 'string') {
      if (value.length > 1) texts.add(value);
    } else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  walk(portfolio.clients);
  walk(portfolio.contracts.map((c) => ({ reference: c.reference })));
  // Who recorded a contract's event (the demo's actor) is a stored name, like a person's.
  walk(portfolio.contracts.flatMap((c) => c.history.map((h) => h.actor)));
  // A price list's name is a stored record's (the seller's French list), like a client's name.
  walk(portfolio.priceLists.map((p) => ({ label: p.label })));
  // Longest first, so a name is removed before a word inside it.
  return [...texts].sort((a, b) => b.length - a.length);
}

/**
 * What may be French in English mode. Each entry says why; anything else in
 * French fails the test.
 */
const ALLOWED: RegExp[] = [
  /Français/g, // the language selector names French in French
  /\bContrats\b/g, // the application's name
  /Dokos|DOKOS SAS/g, // the company
  /https?:\/\/\S+/g, // addresses (the sync server's example URL)
];

/** English country names (the country picker) carry their own accents: Côte d’Ivoire, Curaçao, Réunion… */
const COUNTRY_NAMES = (() => {
  const names = new Intl.DisplayNames('en', { type: 'region' });
  const all: string[] = [];
  for (let a = 65; a <= 90; a++) for (let b = 65; b <= 90; b++) {
    const code = String.fromCharCode(a, b);
    const name = names.of(code);
    if (name && name !== code) all.push(name);
  }
  return all.sort((x, y) => y.length - x.length);
})();

/** Goes to a route of the app without reloading it (the language chosen stays). */
async function go(page: Page, route: string) {
  await page.evaluate((hash) => (window.location.hash = hash), `#${route}`);
}

/** Signs of French: its accents and its most common small words and interface words. */
const FRENCH: RegExp[] = [
  /[éèêëàâçùûôîïœ«»]/i,
  /\b(?:janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre)\b|\b(?:janv|févr|avr|juil|sept|oct|nov|déc)\./i,
  /\b(?:le|la|les|des|du|au|aux|et|pour|sur|avec|dans|par|une|est|sont|cette|ces|aucun|aucune|mois|jours?|facture|factures|contrats?|courriers?|formule|brouillon|avoir|majoration|relance|préavis|consommation|enregistrer|annuler|rechercher|retour|suivant|précédent|payée?|émise?|TVA|HT|TTC)\b/i,
];

/** Visible text of the page, plus the names given to assistive technology (aria-label, placeholder, title, alt). */
async function visibleTexts(page: Page): Promise<{ texts: string[]; markedFrench: string[] }> {
  return page.evaluate(() => {
    const out = [document.body.innerText];
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('[aria-label], [placeholder], [title], img[alt]'))) {
      if (!el.checkVisibility()) continue;
      for (const attr of ['aria-label', 'placeholder', 'title', 'alt']) {
        const v = el.getAttribute(attr);
        if (v) out.push(v);
      }
    }
    out.push(document.title);
    // What the page itself marks as French (document texts, stored records): exempt, and named above.
    const markedFrench = Array.from(document.querySelectorAll<HTMLElement>('body [lang="fr"]')).flatMap((el) => el.innerText.split('\n'));
    return { texts: out, markedFrench: markedFrench.map((t) => t.trim()).filter(Boolean) };
  });
}

async function expectNoFrench(page: Page, screen: string, allowedHere: RegExp[] = []) {
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  const { texts, markedFrench } = await visibleTexts(page);
  const data = [...markedFrench, ...demoTexts(), ...COUNTRY_NAMES];
  const lines = texts.flatMap((t) => t.split('\n'));
  const french = lines
    .map((line) => {
      let rest = line;
      for (const d of data) rest = rest.replaceAll(d, ' ');
      for (const a of [...ALLOWED, ...allowedHere]) rest = rest.replace(a, ' ');
      return { line, rest };
    })
    .filter(({ rest }) => FRENCH.some((p) => p.test(rest)))
    .map(({ line }) => line.trim());
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/english-${screen.replace(/\W+/g, '-')}.png`, fullPage: true });
  expect.soft([...new Set(french)], `French text on the ${screen} screen in English mode`).toEqual([]);
}

test('every screen speaks English once English is chosen', async ({ page }) => {
  test.setTimeout(300_000);
  page.on('dialog', (dialog) => void dialog.accept());
  await page.clock.setFixedTime(ISSUED_ON);
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await page.getByLabel('Langue').selectOption('en');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expectNoFrench(page, 'empty dashboard');

  await page.getByLabel('Size of the demo portfolio').selectOption(String(DEMO_SIZE));
  await page.getByRole('button', { name: 'Load the demo data' }).click();
  await expect(page.getByTestId('mrr')).toBeVisible({ timeout: 30_000 });
  await expectNoFrench(page, 'dashboard');

  const nav = page.getByRole('navigation', { name: 'Main navigation' });
  await nav.getByRole('link', { name: 'Clients' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Clients' })).toBeVisible();
  await expectNoFrench(page, 'clients list');

  await page.getByRole('grid', { name: 'Client list' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('link', { name: 'Back to the client list' })).toBeVisible();
  await expect(page.getByRole('figure').first()).toBeVisible({ timeout: 30_000 });
  await expectNoFrench(page, 'client page');
  const clientRoute = new URL(page.url()).hash.slice(1);

  // The first demo client is over its limits: the tier change dialog, opened then cancelled.
  await page.getByRole('button', { name: 'Apply the tier change…' }).first().click();
  const tierDialog = page.getByRole('dialog', { name: /^Tier change of contract / });
  await expect(tierDialog).toBeVisible();
  await expectNoFrench(page, 'tier change dialog');
  await tierDialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(tierDialog).toBeHidden();

  // Archiving a client whose contract runs is refused, in English; deleting asks first.
  await page.getByRole('button', { name: 'Archive' }).click();
  await expect(page.getByRole('alert').filter({ hasText: /^Cannot archive/ })).toBeVisible();
  await expectNoFrench(page, 'client page, archive refused');
  await page.getByRole('button', { name: 'Delete…' }).click();
  await expect(page.getByRole('button', { name: 'Delete for good' })).toBeVisible();
  await expectNoFrench(page, 'client page, delete asked');
  await page.getByRole('button', { name: 'Cancel', exact: true }).click();

  // The About dialog.
  await page.getByRole('button', { name: 'About' }).click();
  await expect(page.getByRole('dialog', { name: 'About Contrats' })).toBeVisible();
  await expectNoFrench(page, 'about');
  await page.getByRole('button', { name: 'Close' }).click();

  // The termination notice form, and its refusal of a notice received in the future.
  await page.getByRole('link', { name: 'Record a termination notice' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: /^Termination notice — contract / })).toBeVisible();
  await expectNoFrench(page, 'termination notice form');
  await page.getByLabel('Date the notice was received').fill('2026-12-15');
  await page.getByRole('button', { name: 'Record the notice' }).click();
  await expect(page.getByText(/^A notice cannot have been received in the future/)).toBeVisible();
  await expectNoFrench(page, 'termination notice form, a future date refused');
  await go(page, clientRoute);
  await expect(page.getByRole('link', { name: 'Back to the client list' })).toBeVisible();

  await page.getByRole('link', { name: 'Edit client' }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expectNoFrench(page, 'client form');
  // Wrong values are refused field by field, in English (src-core's validation messages, by their codes).
  const city = await page.getByLabel('City').inputValue();
  await page.getByLabel('SIREN').fill('123456780');
  await page.getByLabel('City').fill('');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('Invalid SIREN: the check digit (Luhn) does not match.')).toBeVisible();
  await expect(page.getByText('The city is required.')).toBeVisible();
  await expectNoFrench(page, 'client form, validation errors');
  await page.getByLabel('SIREN').fill('');
  await page.getByLabel('City').fill(city);
  // Saved, the edit is a line of the client's history, written as a code: said in English.
  await page.getByLabel('City').fill('Lyon');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('link', { name: 'Back to the client list' })).toBeVisible();
  await expect(page.getByTestId('timeline')).toContainText(/Client “.+” edited\./);
  await expectNoFrench(page, 'client page, its history');

  // A terminated contract's page: its status, end date and rules.
  const portfolio = generateDemoPortfolio({ seed: DEMO_SEED, clients: DEMO_SIZE });
  const ended = portfolio.contracts.find((c) => c.terminationEffectiveDate && c.terminationEffectiveDate < MONTH)!;
  await go(page, `/clients/${encodeURIComponent(ended.clientId)}`);
  await expect(page.getByText('Terminated').first()).toBeVisible();
  await expectNoFrench(page, 'client page, a terminated contract');

  await go(page, clientRoute);
  await page.getByRole('link', { name: 'New contract' }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expectNoFrench(page, 'contract form');
  // A start before the first price list: no list is in force on that date — the hint and the refusal, in English.
  await page.getByLabel('Start date').fill('2024-01-01');
  await page.getByRole('button', { name: 'Create the contract' }).click();
  await expect(page.getByText('No stored price list is in force on this date: synchronise to receive the price lists.')).toBeVisible();
  await expect(page.getByText(/^A contract cannot start before the first price list \(.+\)\.$/)).toBeVisible();
  await expectNoFrench(page, 'contract form, no price list in force');
  // Back to the date it opened with: nothing left unsaved, the page can be left.
  await page.getByLabel('Start date').fill('2026-10-01');

  await go(page, '/clients/depassements');
  await expect(page.getByRole('heading', { level: 1, name: 'Overruns to handle' })).toBeVisible();
  await expectNoFrench(page, 'overrun work list');

  await go(page, '/clients/import');
  await expect(page.getByRole('heading', { level: 1, name: 'Import usage (CSV)' })).toBeVisible();
  // The CSV's column names are the file format's own (French) header.
  await expectNoFrench(page, 'usage import', [/\b(?:contrat|mois|cpu_heures|base_go|stockage_go)\b/g]);
  // A file with errors: its report says each in English (the column names are the file's own).
  await page.getByLabel('CSV file to import').setInputFiles({
    name: 'usage.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('contrat;mois;cpu_heures;base_go;stockage_go\nCT-9999;2026-13;abc;-1;\n552100554;2026-09;1;1;1\n'),
  });
  await expect(page.getByText('Unknown contract: “CT-9999”.')).toBeVisible({ timeout: 30_000 });
  await expectNoFrench(page, 'usage import errors', [/\b(?:contrat|mois|cpu_heures|base_go|stockage_go)\b/g]);

  await go(page, '/clients/echeances');
  await expect(page.getByRole('heading', { level: 1, name: 'Upcoming deadlines' })).toBeVisible();
  await expectNoFrench(page, 'deadlines');

  await nav.getByRole('link', { name: 'Invoices' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Invoices' })).toBeVisible();
  await expectNoFrench(page, 'invoices list (empty month)');

  await page.getByRole('link', { name: 'Bill a month' }).first().click();
  await page.getByLabel('Month to bill').selectOption(MONTH);
  await page.getByRole('button', { name: 'Compute the preview' }).click();
  await expect(page.getByRole('heading', { name: /^Preview: / })).toBeVisible();
  await expectNoFrench(page, 'monthly run preview');
  await page.getByRole('button', { name: /^Create the \d+ drafts?$/ }).click();
  await page.getByRole('button', { name: /^Issue the (\d+ )?drafts?$/ }).click();
  await expect(page.getByText(/invoices? issued, from/)).toBeVisible({ timeout: 30_000 });
  await expectNoFrench(page, 'monthly run issued');

  await nav.getByRole('link', { name: 'Invoices' }).click();
  await page.getByLabel('Month', { exact: true }).selectOption(MONTH);
  await expect(page.getByRole('table').getByRole('row').nth(1)).toBeVisible();
  await expectNoFrench(page, 'invoices list');

  await page.getByRole('table').getByRole('row').nth(1).getByRole('link').first().click();
  await expect(page.getByRole('heading', { level: 1, name: /^Invoice F-2026-\d+$/ })).toBeVisible();
  await expectNoFrench(page, 'invoice');

  // A refused action says why in English (src-core's refusal, by its code).
  await page.getByLabel('Amount (€)').fill('999999');
  await page.getByRole('button', { name: 'Record the payment' }).click();
  await expect(page.getByText(/^The payment \(€999,999\.00\) exceeds the balance due \(€[\d,.]+\)\.$/)).toBeVisible();
  await expectNoFrench(page, 'invoice, a payment refused');

  await page.getByLabel('Amount (€)').fill('10');
  await page.getByRole('button', { name: 'Record the payment' }).click();
  await expect(page.getByText(/^Payment of .* recorded\.$/)).toBeVisible();
  await expectNoFrench(page, 'invoice with a payment');

  // A credit note: its form, an unreadable amount refused, its confirmation; then the overpayment refunded and offset.
  await page.getByRole('button', { name: 'Make a credit note' }).click();
  await expectNoFrench(page, 'credit note form');
  await page.getByLabel('Correct in part, line by line').check();
  await page.getByLabel(/^Amount excl\. VAT to credit — /).first().fill('abc');
  await page.getByRole('button', { name: 'Review the credit note' }).click();
  await expect(page.getByText('Unreadable amount: “abc” (example: 1,234.56).')).toBeVisible();
  await expectNoFrench(page, 'credit note form, an amount refused');
  await page.getByLabel(/^Cancel everything that remains/).check();
  await page.getByRole('button', { name: 'Review the credit note' }).click();
  await expectNoFrench(page, 'credit note, before it is issued');
  await page.getByRole('button', { name: 'Confirm and issue the credit note' }).click();
  await expect(page.getByLabel('Amount refunded (€)')).toBeVisible();
  await expectNoFrench(page, 'invoice credited, its overpayment');
  await page.getByLabel('Amount refunded (€)').fill('4');
  await page.getByLabel('Refund method').selectOption({ label: 'Cheque' });
  await page.getByRole('button', { name: 'Record the refund' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Refund of / })).toBeVisible();
  await expectNoFrench(page, 'invoice credited, a refund');
  await page.getByLabel('Apply to the client’s next invoice').check();
  await page.getByLabel('Amount to apply (€)').fill('6');
  await page.getByRole('button', { name: 'Apply to the next invoice' }).click();
  await expect(page.getByLabel('Amount refunded (€)')).toBeHidden();
  await expectNoFrench(page, 'invoice credited, refunded and offset');

  await go(page, '/factures/impayes');
  await expect(page.getByRole('heading', { level: 1, name: 'Unpaid' })).toBeVisible();
  await expectNoFrench(page, 'overdue list');

  await go(page, '/factures/e-reporting');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expectNoFrench(page, 'e-reporting');

  await nav.getByRole('link', { name: 'Letters' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Letters' })).toBeVisible();
  await expectNoFrench(page, 'letters and their agenda');

  const client = generateDemoPortfolio({ seed: DEMO_SEED, clients: DEMO_SIZE }).clients[0]!;
  await page.getByRole('link', { name: 'Write a letter' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Write a letter' })).toBeVisible();
  await expectNoFrench(page, 'letter editor');
  await page.getByLabel('Recipient client (name or SIREN)').fill(client.legalName);
  await page.getByRole('link', { name: client.legalName }).click();
  await page.getByLabel('Kind of letter').selectOption({ label: 'Breach notice' });
  await page.getByLabel('Letter date').fill(BREACH_NOTICE_DATE);
  // The breach is described in French: it is the letter's own text.
  await page.getByLabel('Breach observed (French)').fill('le module de contrôle de licence a été désactivé (article 3).');
  await expectNoFrench(page, 'letter editor, filled');
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Breach notice' })).toBeVisible();
  await expectNoFrench(page, 'letter');
  // Sent and received long enough ago: the time to cure has passed, and the follow-up is proposed.
  await page.getByRole('button', { name: 'Mark as printed' }).click();
  await page.getByLabel('Sending date').fill(BREACH_NOTICE_DATE);
  await page.getByLabel('Registered mail number').fill('1A 123 456 7890 1');
  await page.getByRole('button', { name: 'Record sending' }).click();
  await page.getByLabel('Acknowledgement of receipt date').fill(BREACH_NOTICE_RECEIVED);
  await page.getByRole('button', { name: 'Record receipt' }).click();
  await expect(page.getByRole('link', { name: 'Write the termination for an uncured breach' })).toBeVisible();
  await expectNoFrench(page, 'letter received, its follow-up');
  // Received a day after it was presumed: the corrective letter.
  await page.getByRole('button', { name: 'Write the corrective letter' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Correction of a letter’s dates' })).toBeVisible();
  await expectNoFrench(page, 'corrective letter');
  await nav.getByRole('link', { name: 'Letters' }).click();
  await expect(page.getByRole('link', { name: 'Write the termination for an uncured breach' })).toBeVisible();
  await expectNoFrench(page, 'letters agenda with a follow-up');

  await go(page, '/courriers/envoi-groupe');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  // The reason is written in French (it is printed in the letter): the hint's example is French.
  await expectNoFrench(page, 'price change batch', [/la hausse du coût de l’énergie/g]);

  await nav.getByRole('link', { name: 'Synchronisation' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Synchronisation' })).toBeVisible();
  await expectNoFrench(page, 'sync');

  // What a server answers is kept in the sync bookkeeping: a conflict (the server's answer, its French and its
  // message code) and a change it refused, written there as the engine writes them, so the screen shows both without a server.
  await page.evaluate(async ({ clientId, legalName, city }) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('contrats');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const at = '2026-10-01T09:00:00+02:00';
    const mutation = (mutationId: string) => ({ mutationId, deviceId: 'laptop-e2e', entity: 'clients', recordId: clientId, op: 'upsert', baseVersion: 1, changes: { billingAddress: { lines: ['1 rue Neuve'], postalCode: '54000', city: 'Lyon' } }, madeAt: at });
    const conflict = {
      mutation: mutation('0b0e6f3c-3f0e-4d57-9b7e-5c1d2a3b4c5d'), serverVersion: 2,
      serverRecord: { id: clientId, legalName, billingAddress: { lines: ['1 rue Neuve'], postalCode: '54000', city } }, localRecord: null,
      conflicts: [{ field: 'billingAddress', serverValue: city, clientValue: 'Lyon' }],
      reason: 'Modifié sur le serveur depuis votre version : choisissez la valeur à garder.', said: { code: 'sync.conflict.reason' }, at,
    };
    // An answer of an older server: its French only, shown as it is and marked French.
    const setAside = { mutation: mutation('1c1f7a4d-4a1f-4e68-8c8f-6d2e3b4c5d6e'), reason: 'Saisie refusée (Client). Ville : La ville est obligatoire.', at };
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('syncState', 'readwrite');
      tx.objectStore('syncState').put({ key: `conflict.${conflict.mutation.mutationId}`, value: conflict });
      tx.objectStore('syncState').put({ key: `setAside.${setAside.mutation.mutationId}`, value: setAside });
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, { clientId: client.id, legalName: client.legalName, city: client.billingAddress.city });
  // Written behind Dexie's back (its queries' cache does not see it): the app opened again, in English still.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Synchronisation' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Conflicts to resolve' })).toBeVisible();
  await expect(page.getByText('Changed on the server since your version: choose the value to keep.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Changes refused by the server' })).toBeVisible();
  await expectNoFrench(page, 'sync, a conflict and a change set aside');

  await nav.getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await expectNoFrench(page, 'settings');

  // Weeks later an invoice is overdue: its suggested reminders.
  await page.clock.setFixedTime(new Date('2026-11-20T09:00:00+01:00'));
  await go(page, '/factures/impayes');
  await expect(page.getByRole('link', { name: /^F-2026-\d+$/ }).first()).toBeVisible();
  await expectNoFrench(page, 'overdue list with overdue invoices');
  await page.getByRole('link', { name: /^F-2026-\d+$/ }).first().click();
  await expect(page.getByRole('heading', { name: /^Suggested reminders — / })).toBeVisible();
  await expectNoFrench(page, 'invoice overdue, its reminders');
  await nav.getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();

  // French stays the default: switched back, the interface and <html lang> are French again.
  await page.getByLabel('Language').selectOption('fr');
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.getByRole('heading', { level: 1, name: 'Paramètres' })).toBeVisible();
});

// Issue 19, s12: what only a real server and a refused action show — a settings
// form's refusal, an issuing refused by the EN 16931 rules, a sign-in the
// server refuses (its answer carries the message's code: said in English), the
// join of a server that already holds data, and the sign-out dialog.
test('settings refusals, an e-invoicing refusal, a server refusal, the join and the sign-out speak English', async ({ page }) => {
  test.setTimeout(300_000);
  const dataDir = await mkdtemp(join(tmpdir(), 'contrats-e2e-english-'));
  const PASSWORD = 'mot de passe e2e';
  await createUser(dataDir, ['--name', 'e2e', '--role', 'account_manager', '--display-name', 'Emily Test'], { CONTRATS_PASSWORD: PASSWORD });
  // The server already holds a portfolio: signing in from a laptop with its own data is a join.
  const seeded = await cliOutput(['seed-demo', '--user', 'e2e', '--clients', '3', '--seed', '7', '--data-dir', dataDir]);
  expect(seeded.code, seeded.stdout + seeded.stderr).toBe(0);
  const server = await startServerProcess(['--data-dir', dataDir]);
  // The server's records are client data too (the join lists them beside the laptop's).
  const serverData = demoTexts(generateDemoPortfolio({ seed: 7, clients: 3, today: DEMO_TODAY })).map((text) => new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'g'));
  try {
    page.on('dialog', (dialog) => void dialog.accept());
    await page.clock.setFixedTime(ISSUED_ON);
    await page.goto('/');
    await page.getByLabel('Langue').selectOption('en');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await page.getByLabel('Size of the demo portfolio').selectOption(String(DEMO_SIZE));
    await page.getByRole('button', { name: 'Load the demo data' }).click();
    await expect(page.getByTestId('mrr')).toBeVisible({ timeout: 30_000 });
    const nav = page.getByRole('navigation', { name: 'Main navigation' });

    // Reminder delays out of order: refused by src-core's rule, in English.
    await nav.getByRole('link', { name: 'Settings' }).click();
    await page.getByLabel('Formal notice (days after the due date)').fill('3');
    await page.getByRole('form', { name: 'Rules' }).getByRole('button', { name: 'Save' }).click();
    await expect(page.getByText(/^Inconsistent reminder delays: “Formal notice to pay” at 3 days after the due date/)).toBeVisible();
    await expectNoFrench(page, 'settings, reminder delays refused');
    await page.getByLabel('Formal notice (days after the due date)').fill('15');

    // A company SIREN whose check digit is wrong: issuing is refused by the EN 16931 rules, each said in English.
    await page.getByRole('form', { name: 'Company profile' }).getByLabel('SIREN').fill('123456789');
    await page.getByRole('form', { name: 'Company profile' }).getByRole('button', { name: 'Save' }).click();
    await expect(page.getByRole('form', { name: 'Company profile' }).getByText('Settings saved.')).toBeVisible();
    await nav.getByRole('link', { name: 'Invoices' }).click();
    await page.getByRole('link', { name: 'Bill a month' }).first().click();
    await page.getByLabel('Month to bill').selectOption(MONTH);
    await page.getByRole('button', { name: 'Compute the preview' }).click();
    await page.getByRole('button', { name: /^Create the \d+ drafts?$/ }).click();
    await page.getByRole('button', { name: /^Issue the (\d+ )?drafts?$/ }).click();
    await expect(page.getByText(/^Issuing refused, nothing was issued\./)).toBeVisible({ timeout: 30_000 });
    await expect(page.getByText(/The seller’s SIREN \(BT-30, scheme 0002\) is required and must be valid\./).first()).toBeVisible();
    await expectNoFrench(page, 'monthly run, issuing refused (EN 16931)');

    // The server refuses a wrong password: its answer's code, said in English.
    await nav.getByRole('link', { name: 'Synchronisation' }).click();
    await page.getByLabel('Server address').fill(server.url);
    await page.getByLabel('User name').fill('e2e');
    await page.getByLabel('Password').fill('not the password');
    await page.getByLabel('Password').press('Enter');
    await expect(page.getByRole('alert').filter({ hasText: 'Wrong user name or password.' })).toBeVisible({ timeout: 30_000 });
    await expectNoFrench(page, 'sync, a sign-in refused by the server');

    // Signed in: the server holds data and so does the laptop — the join, in English.
    await page.getByLabel('User name').fill('e2e');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByLabel('Password').press('Enter');
    await expect(page.getByText(`Connected to ${server.url}`)).toBeVisible({ timeout: 30_000 });
    await expect(page.getByRole('heading', { name: 'Joining the server: this laptop’s own data' })).toBeVisible({ timeout: 60_000 });
    await expectNoFrench(page, 'sync, joining a server with data', serverData);

    // The sign-out dialog (the join's records, the server's, still listed behind it).
    await page.getByRole('button', { name: 'Sign out…' }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await expectNoFrench(page, 'sync, sign-out dialog', serverData);
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
  } finally {
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
});

// Issue 19, s13: a change the real server refuses is set aside and shown on the
// Synchronisation screen in the interface's language (the answer's said).
test('a change the real server refuses is set aside and said in English', async ({ page }) => {
  test.setTimeout(300_000);
  const dataDir = await mkdtemp(join(tmpdir(), 'contrats-e2e-english-refused-'));
  const PASSWORD = 'mot de passe e2e';
  await createUser(dataDir, ['--name', 'e2e', '--role', 'account_manager', '--display-name', 'Emily Test'], { CONTRATS_PASSWORD: PASSWORD });
  const server = await startServerProcess(['--data-dir', dataDir]);
  try {
    await page.clock.setFixedTime(ISSUED_ON);
    await page.goto('/');
    await page.getByLabel('Langue').selectOption('en');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    await nav.getByRole('link', { name: 'Synchronisation' }).click();
    await page.getByLabel('Server address').fill(server.url);
    await page.getByLabel('User name').fill('e2e');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByLabel('Password').press('Enter');
    await expect(page.getByText(`Connected to ${server.url}`)).toBeVisible({ timeout: 30_000 });
    await expect(page.getByRole('button', { name: 'Sync now' })).toBeEnabled({ timeout: 60_000 });

    // Changes an older version could have queued, bypassing the forms. A client without a city: the laptop
    // sends it (the wire's format is right), the server's rules refuse it.
    const client = { ...generateDemoPortfolio({ seed: DEMO_SEED, clients: DEMO_SIZE }).clients[0]! };
    const refused = { ...client, id: 'e2e-refused-client', billingAddress: { ...client.billingAddress, city: '' } };
    await page.evaluate(async (record) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('contrats');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const read = <T,>(store: string, key: string) =>
        new Promise<T>((resolve, reject) => {
          const get = db.transaction(store).objectStore(store).get(key);
          get.onsuccess = () => resolve(get.result as T);
          get.onerror = () => reject(get.error);
        });
      const { value: deviceId } = await read<{ value: string }>('syncState', 'deviceId');
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction('outbox', 'readwrite');
        const at = '2026-10-01T09:00:00+02:00';
        tx.objectStore('outbox').add({ mutationId: '2d2a8b5e-5b2a-4f79-9d9a-7e3f4c5d6e7f', deviceId, entity: 'clients', recordId: record.id, op: 'upsert', baseVersion: 0, changes: record, madeAt: at });
        // Half an emoji in a name: the laptop itself refuses to send it (the wire's format), and says why.
        const halfEmoji = { ...record, id: 'e2e-half-emoji', legalName: `Café ${String.fromCharCode(0xd83d)}`, billingAddress: { ...record.billingAddress, city: 'Nancy' } };
        tx.objectStore('outbox').add({ mutationId: '3e3b9c6f-6c3b-4a8a-8eab-8f4a5d6e7f80', deviceId, entity: 'clients', recordId: halfEmoji.id, op: 'upsert', baseVersion: 0, changes: halfEmoji, madeAt: at });
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    }, refused);
    // Written behind Dexie's back, but the push reads the outbox afresh (the token lives in this session: no reload).
    await page.getByRole('button', { name: 'Sync now' }).click();
    await expect(page.getByRole('heading', { name: 'Changes refused by the server' })).toBeVisible({ timeout: 60_000 });
    await expect(page.getByText('Input refused (Client). City: The city is required.')).toBeVisible();
    await expect(page.getByText(/^Invalid change, not sent \(changes\.legalName: Malformed text: .+\)\. Correct the record or discard the change\.$/)).toBeVisible();
    await expectNoFrench(page, 'sync, a change the real server refused');
  } finally {
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
});
