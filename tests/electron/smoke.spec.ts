/**
 * The built app (out/, `npm run build` first) in the real Electron: the window,
 * the renderer reached through the preload, the menu → About round trip, and the
 * security baseline as the page sees it. Skipped, with the reason printed by
 * global-setup.ts, where the Electron binary is not installed.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { _electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { findElectronBinary, projectRoot, SKIP_REASON } from './electron-binary';

const electron = findElectronBinary();
const version = (JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { version: string }).version;

test.describe('Contrats in Electron', () => {
  test.skip(!electron.found, SKIP_REASON);

  let app: ElectronApplication;
  let page: Page;

  test.beforeAll(async () => {
    if (!electron.found) return;
    const entry = join(projectRoot, 'out/main/index.js');
    if (!existsSync(entry)) throw new Error(`Application non construite : ${entry} est absent. Lancez d'abord « npm run build ».`);
    // The built files, not a dev server that may happen to be set in the environment.
    const env = Object.fromEntries(Object.entries(process.env).filter((entry): entry is [string, string] => entry[0] !== 'ELECTRON_RENDERER_URL' && entry[1] !== undefined));
    // With the binary present, Playwright's own lookup finds it without downloading and
    // adds its loader (which holds 'ready' until the test is attached); an explicit
    // CONTRATS_ELECTRON_PATH is passed through as is.
    app = await _electron.launch({ executablePath: process.env.CONTRATS_ELECTRON_PATH, args: [projectRoot], env, cwd: projectRoot });
    page = await app.firstWindow();
  });

  test.afterAll(async () => {
    await app?.close();
  });

  test('opens one window titled Contrats, on the dashboard', async () => {
    await expect(page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Tableau de bord' })).toBeVisible();
    // The page names its section in the title ("Tableau de bord — Contrats"); the OS window follows it.
    const titles = await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().map((window) => window.getTitle()));
    expect(titles).toHaveLength(1);
    expect(titles[0]).toMatch(/Contrats$/);
  });

  test('the Aide menu opens the About dialog, which shows the version from the main process', async () => {
    await app.evaluate(({ Menu }) => {
      const help = Menu.getApplicationMenu()?.items.find((item) => item.label === 'Aide');
      help?.submenu?.items.find((item) => item.label === 'À propos de Contrats')?.click();
    });
    const dialog = page.getByRole('dialog', { name: 'À propos de Contrats' });
    await expect(dialog.getByTestId('about-version')).toHaveText(version);
    await expect(dialog).toContainText('Electron');
    await dialog.getByRole('button', { name: 'Fermer' }).click();
    await expect(dialog).toBeHidden();
  });

  test('the page has the named bridge only: no Node, no ipcRenderer, no pop-up, CSP enforced', async () => {
    const seen = await page.evaluate(
      () =>
        new Promise((resolve) => {
          const scope = window as unknown as Record<string, unknown>;
          const violations: string[] = [];
          document.addEventListener('securitypolicyviolation', (event) => violations.push(event.violatedDirective));
          // Code run by page.evaluate itself escapes the CSP (DevTools); these two run later, as the page.
          setTimeout('window.__evalRan = true', 0);
          const inline = document.createElement('script');
          inline.textContent = 'window.__inlineRan = true';
          document.body.append(inline);
          const popup = window.open('https://example.org/');
          setTimeout(
            () =>
              resolve({
                apiKeys: Object.keys((scope.api as object | undefined) ?? {}).sort(),
                require: typeof scope.require,
                process: typeof scope.process,
                popupDenied: popup === null,
                evalRan: scope.__evalRan === true,
                inlineRan: scope.__inlineRan === true,
                violations: violations.sort(),
              }),
            300,
          );
        }),
    );
    expect(seen).toEqual({
      apiKeys: ['getAppInfo', 'onMenuCommand', 'openExternal', 'printDocument', 'saveDocument', 'saveDocuments', 'secureStore'],
      require: 'undefined',
      process: 'undefined',
      popupDenied: true,
      evalRan: false,
      inlineRan: false,
      violations: ['script-src', 'script-src-elem'],
    });
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
  });

  test('the renderer lives at app://contrats, a secure origin of its own that serves only the built files', async () => {
    expect(page.url()).toMatch(/^app:\/\/contrats\/index\.html/);
    const seen = await page.evaluate(async () => {
      const own = await fetch('app://contrats/index.html');
      const outside = await fetch('app://contrats/..%2F..%2Fpackage.json').then((answer) => answer.status);
      const local = await fetch('file:///etc/hostname').then(
        () => 'lu',
        () => 'refusé',
      );
      return { origin: location.origin, secure: window.isSecureContext, status: own.status, csp: own.headers.get('content-security-policy'), outside, local };
    });
    expect(seen).toMatchObject({ origin: 'app://contrats', secure: true, status: 200, outside: 404, local: 'refusé' });
    expect(seen.csp).toContain("script-src 'self'");
  });

  test('navigation away from the app is cancelled', async () => {
    const before = page.url();
    await page.evaluate(() => {
      window.location.href = 'https://example.org/';
    });
    await page.waitForTimeout(500);
    expect(page.url()).toBe(before);
  });
});
