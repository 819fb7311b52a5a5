import { expect, test, type Page } from '@playwright/test';

// The demo portfolio is generated as of 27/11/2026; the app's clock is set to that day.
test.beforeEach(async ({ page }) => {
  await page.clock.setFixedTime(new Date('2026-11-27T10:00:00+01:00'));
  await page.setViewportSize({ width: 1366, height: 768 });
});

async function loadDemo(page: Page): Promise<void> {
  await page.goto('/');
  await page.getByLabel('Taille du portefeuille de démonstration').selectOption('10');
  await page.getByRole('button', { name: 'Charger les données de démonstration' }).click();
  await expect(page.getByTestId('mrr')).toHaveText(/€$/, { timeout: 30_000 });
}

test('« Retour à la liste » brings the focus back to the row of the client left, ready for the keyboard', async ({ page }) => {
  await loadDemo(page);
  await page.getByRole('navigation').getByRole('link', { name: 'Clients' }).click();
  const grid = page.getByRole('grid', { name: 'Liste des clients' });
  const third = grid.getByRole('row').nth(3);
  const name = (await third.getByRole('link').textContent())!.trim();
  await third.getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();

  await page.getByRole('link', { name: 'Retour à la liste des clients' }).click();
  await expect(grid).toBeFocused();
  const active = await grid.getAttribute('aria-activedescendant');
  await expect(page.locator(`[id="${active}"]`)).toContainText(name);
  // The keyboard goes on from there: Entrée opens the same client again.
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();

  // Any other screen whose link disappears with it keeps the focus in the page's content rather than dropping it.
  await page.getByRole('navigation').getByRole('link', { name: 'Factures' }).click();
  await page.getByRole('link', { name: 'E-reporting' }).click();
  await expect(page).toHaveURL(/#\/factures\/e-reporting$/);
  await page.getByRole('link', { name: 'Retour aux factures' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Factures' })).toBeVisible();
  await expect(page.locator('#contenu')).toBeFocused();
});

test('unsaved changes: leaving a form by a link asks first, staying keeps the typing, leaving drops it; closing the window asks too', async ({ page }) => {
  await loadDemo(page);
  await page.goto('/#/clients/demo-client-00002/modifier');
  const city = page.getByLabel('Ville');
  const stored = await city.inputValue();
  await city.fill('Épinal');

  // A link elsewhere: the dialog asks, the address stays the form's.
  await page.getByRole('navigation').getByRole('link', { name: 'Factures' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Modifications non enregistrées' });
  await expect(dialog).toBeVisible();
  await expect(page).toHaveURL(/#\/clients\/demo-client-00002\/modifier$/);
  await expect(dialog.getByRole('button', { name: 'Rester sur la page' })).toBeFocused();
  await dialog.getByRole('button', { name: 'Rester sur la page' }).click();
  await expect(dialog).toBeHidden();
  await expect(city).toHaveValue('Épinal');

  // Closing the window (or reloading) over the change asks the browser's question.
  const asked = page.waitForEvent('dialog');
  await page.close({ runBeforeUnload: true });
  const beforeUnload = await asked;
  expect(beforeUnload.type()).toBe('beforeunload');
  await beforeUnload.dismiss();
  expect(page.isClosed()).toBe(false);

  // Leaving drops the change: nothing is saved.
  await page.getByRole('navigation').getByRole('link', { name: 'Factures' }).click();
  await dialog.getByRole('button', { name: 'Quitter sans enregistrer' }).click();
  await expect(page).toHaveURL(/#\/factures/);
  await expect(dialog).toBeHidden();
  await page.goto('/#/clients/demo-client-00002/modifier');
  await expect(page.getByLabel('Ville')).toHaveValue(stored);

  // A saved form goes on without asking.
  await page.getByLabel('Ville').fill('Épinal');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page).toHaveURL(/#\/clients\/demo-client-00002$/);
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Épinal').first()).toBeVisible();

  // Settings forms too: a changed rule asks before another screen; once saved, nothing is asked.
  await page.getByRole('navigation').getByRole('link', { name: 'Paramètres' }).click();
  const term = page.getByLabel('Délai de paiement par défaut (jours)');
  await term.fill('45');
  await page.getByRole('navigation').getByRole('link', { name: 'Clients' }).click();
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Rester sur la page' }).click();
  await page.getByRole('form', { name: 'Règles' }).getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByRole('form', { name: 'Règles' }).getByRole('status')).toBeVisible();
  await page.getByRole('navigation').getByRole('link', { name: 'Clients' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Clients' })).toBeVisible();
  await expect(dialog).toBeHidden();
});
