import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { cliOutput, startServerProcess, type ServerProcess } from '../server/support/server-process';
import { createUser, submitTokenSignIn } from './server-accounts';

// A new laptop (fresh browser profile) signs in to a server holding a portfolio: its pull pages come
// compressed and are read by the page worker (src-renderer/sync/page-reader.worker.ts) in Chromium,
// then everything is in and the reconciliation says both sides hold the same data.
let server: ServerProcess;
let token: string;
let dataDir: string;

test.beforeAll(async () => {
  test.setTimeout(240_000);
  dataDir = await mkdtemp(join(tmpdir(), 'contrats-e2e-first-sync-'));
  token = await createUser(dataDir, ['--name', 'neuf', '--role', 'account_manager', '--display-name', 'Nora Neuf']);
  const seeded = await cliOutput(['seed-demo', '--user', 'neuf', '--clients', '150', '--data-dir', dataDir]);
  if (seeded.code !== 0) throw new Error(`seed-demo a échoué :\n${seeded.stdout}${seeded.stderr}`);
  server = await startServerProcess(['--data-dir', dataDir]);
});

test.afterAll(async () => {
  await server?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

test('a new laptop pulls the portfolio compressed, reads its pages in a worker, and holds what the server holds', async ({ page }) => {
  test.setTimeout(180_000);
  const workers: string[] = [];
  const encodings: (string | null)[] = [];
  page.on('worker', (worker) => workers.push(worker.url()));
  page.on('response', async (response) => {
    if (response.url().endsWith('/sync/pull') && response.ok()) encodings.push(await response.headerValue('content-encoding'));
  });

  await submitTokenSignIn(page, server.url, token);
  await expect(page.getByText(`Connecté à ${server.url}`)).toBeVisible({ timeout: 30_000 });
  // The first sync of a new laptop ends with the reconciliation check.
  await expect(page.getByText(/détiennent les mêmes données/)).toBeVisible({ timeout: 120_000 });

  // The large pages were read by the page worker, not on the screen's thread.
  expect(workers.some((url) => /page-reader\.worker/.test(url))).toBe(true);
  // Both streams' pages (150 clients: one page each, pages holding up to MAX_PULL_LIMIT changes) travelled compressed
  // (Chromium asks for brotli on https, gzip at least everywhere); an answer under 1 KB goes as it is.
  expect(encodings.length).toBeGreaterThanOrEqual(2);
  expect(encodings.filter((e) => e === 'br' || e === 'gzip').length).toBeGreaterThanOrEqual(2);
  test.info().annotations.push({ type: 'encodings', description: [...new Set(encodings)].join(', ') });

  await page.goto('#/clients');
  await expect(page.getByText('150 clients affichés sur 150')).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('first-sync-clients.png') });
});
