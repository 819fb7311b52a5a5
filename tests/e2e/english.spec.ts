import { expect, test, type Page } from '@playwright/test';
import { generateDemoPortfolio } from '../../src-core';

// The English locale is complete (issue 19): every screen, switched to
// English, shows no French word of the interface. What may stay French is
// named here, exactly: the data of the (French) demo clients, proper nouns, and
// the content of the legal documents (invoices and letters are French documents).

const ISSUED_ON = new Date('2026-10-01T09:00:00+02:00');
const MONTH = '2026-10';
const DEMO_SIZE = 10;
/** The seed the dashboard's "Load the demo data" uses (features/dashboard/demo-load.ts). */
const DEMO_SEED = 2024;
const SHOTS = process.env.E2E_SCREENSHOTS;

/** Every text a demo record carries (names, addresses, people, partners): client data, not interface words. */
function demoTexts(): string[] {
  const portfolio = generateDemoPortfolio({ seed: DEMO_SEED, clients: DEMO_SIZE });
  const texts = new Set<string>();
  const walk = (value: unknown) => {
    if (typeof value === 'string') {
      if (value.length > 1) texts.add(value);
    } else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  walk(portfolio.clients);
  walk(portfolio.contracts.map((c) => ({ reference: c.reference })));
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
];

/** Signs of French: its accents and its most common small words and interface words. */
const FRENCH: RegExp[] = [
  /[éèêëàâçùûôîïœ«»]/i,
  /\b(?:janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre)\b|\b(?:janv|févr|avr|juil|sept|oct|nov|déc)\./i,
  /\b(?:le|la|les|des|du|au|aux|et|pour|sur|avec|dans|par|une|est|sont|cette|ces|aucun|aucune|mois|jours?|facture|factures|contrats?|courriers?|formule|brouillon|avoir|majoration|relance|préavis|consommation|enregistrer|annuler|rechercher|retour|suivant|précédent|payée?|émise?|TVA|HT|TTC)\b/i,
];

/** Visible text of the page, plus the names given to assistive technology (aria-label, placeholder, title, alt). */
async function visibleTexts(page: Page): Promise<string[]> {
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
    return out;
  });
}

async function expectNoFrench(page: Page, screen: string, allowedHere: RegExp[] = []) {
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  const data = demoTexts();
  const lines = (await visibleTexts(page)).flatMap((t) => t.split('\n'));
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
  test.setTimeout(240_000);
  page.on('dialog', (dialog) => void dialog.accept());
  await page.clock.setFixedTime(ISSUED_ON);
  await page.goto('/');
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

  await page.getByRole('link', { name: 'New contract' }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expectNoFrench(page, 'contract form');

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
  await expect(page.getByRole('link', { name: 'Back to the invoices' }).or(page.getByRole('button', { name: 'Back to the invoices' })).first()).toBeVisible();
  await expectNoFrench(page, 'invoice');

  await page.getByLabel('Amount (€)').fill('10');
  await page.getByRole('button', { name: 'Record the payment' }).click();
  await expect(page.getByText(/^Payment of .* recorded\.$/)).toBeVisible();
  await expectNoFrench(page, 'invoice with a payment');

  await nav.getByRole('link', { name: 'Letters' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Letters' })).toBeVisible();
  await expectNoFrench(page, 'letters');

  await page.getByRole('link', { name: 'Write a letter' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Write a letter' })).toBeVisible();
  await expectNoFrench(page, 'compose');

  await nav.getByRole('link', { name: 'Synchronisation' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Synchronisation' })).toBeVisible();
  await expectNoFrench(page, 'sync');

  await nav.getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await expectNoFrench(page, 'settings');
});
