import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './a11y';

const SECTIONS = ['Tableau de bord', 'Clients', 'Factures', 'Courriers', 'Synchronisation', 'Paramètres'];

test('every section opens from the navigation, titled in French, with no serious accessibility violation', async ({ page }) => {
  await page.goto('/');
  const nav = page.getByRole('navigation', { name: 'Navigation principale' });
  for (const section of SECTIONS) {
    await nav.getByRole('link', { name: section }).click();
    await expect(page.getByRole('heading', { level: 1, name: section })).toBeVisible();
    await expect(nav.getByRole('link', { name: section })).toHaveAttribute('aria-current', 'page');
    await expect(page).toHaveTitle(`${section} — Contrats`);
    await expectNoSeriousA11yViolations(page, section);
  }
});

test('the interface switches to English and back', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Langue').selectOption('en');
  const nav = page.getByRole('navigation', { name: 'Main navigation' });
  await nav.getByRole('link', { name: 'Invoices' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Invoices' })).toBeVisible();
  await page.getByLabel('Language').selectOption('fr');
  await expect(page.getByRole('heading', { level: 1, name: 'Factures' })).toBeVisible();
});

test('the dark theme keeps every screen readable', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Thème').selectOption('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expectNoSeriousA11yViolations(page, 'Tableau de bord (sombre)');
});

test('the About dialog shows the version from the platform', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'À propos' }).click();
  const dialog = page.getByRole('dialog', { name: 'À propos de Contrats' });
  await expect(dialog.getByTestId('about-version')).toHaveText(/^\d+\.\d+\.\d+$/);
  await expect(dialog).toContainText('navigateur');
  await dialog.getByRole('button', { name: 'Fermer' }).click();
  await expect(dialog).toBeHidden();
});

test('an unknown address says so and leads back', async ({ page }) => {
  await page.goto('/#/nulle-part');
  await expect(page.getByRole('heading', { level: 1, name: 'Page introuvable' })).toBeVisible();
  await page.getByRole('link', { name: 'Revenir au tableau de bord' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Tableau de bord' })).toBeVisible();
});

test('a screen whose code cannot be loaded says so, and the navigation still works', async ({ page }) => {
  await page.route('**/assets/UsageImportScreen-*.js', (route) => route.abort('internetdisconnected'));
  await page.goto('/#/clients/import');
  await expect(page.getByRole('alert').getByRole('heading', { name: 'Cet écran n’a pas pu s’afficher' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Recharger l’application' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Paramètres' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Paramètres' })).toBeVisible();
});
