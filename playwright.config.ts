import { defineConfig } from '@playwright/test';

// End-to-end tests drive the built renderer (`npm run build` first) served by
// `npm run web`, in Debian's Chromium: Playwright's own browser download is not
// reachable from these machines.
const port = Number(process.env.E2E_PORT ?? 5181);

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    acceptDownloads: true,
    // An action that cannot happen fails with its locator named, not as a bare test timeout.
    actionTimeout: 20_000,
    navigationTimeout: 30_000,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--lang=fr-FR'],
    },
  },
  webServer: {
    command: `node scripts/web.mjs --no-build --port ${port}`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: 30_000,
  },
});
