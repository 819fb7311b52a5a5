import { defineConfig } from '@playwright/test';

// The built app in the real Electron (`npm run build` first). Where the Electron
// binary is not installed, global-setup.ts prints why and every test is skipped.
export default defineConfig({
  testDir: 'tests/electron',
  globalSetup: './tests/electron/global-setup.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: [['list']],
});
