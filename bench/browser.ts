import { rm } from 'node:fs/promises';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/** Debian's Chromium, as the end-to-end tests use it (CHROMIUM_PATH overrides). */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/**
 * A persistent profile in a fresh folder: a plain `newContext()` is off the
 * record, and Chromium keeps an off-the-record IndexedDB in memory, which would
 * measure writes and cold opens the laptop never sees. The folder is emptied
 * first so every size starts from an empty store.
 */
export async function launchProfile(dir: string): Promise<BrowserContext> {
  await rm(dir, { recursive: true, force: true });
  const context = await chromium.launchPersistentContext(dir, { executablePath: CHROMIUM_PATH, headless: true, args: ARGS, viewport: { width: 1440, height: 900 } });
  // tsx compiles bench/*.ts with esbuild's keepNames: named inner functions are wrapped in
  // a __name() helper, which page.evaluate would carry into the page without its definition.
  await context.addInitScript({ content: 'globalThis.__name ??= (fn) => fn;' });
  return context;
}

/** JS heap of the page after a full garbage collection, in MB (CDP, exact unlike performance.memory). */
export async function heapAfterGc(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    return usedSize / 2 ** 20;
  } finally {
    await cdp.detach();
  }
}

export async function chromiumVersion(page: Page): Promise<string> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { product } = await cdp.send('Browser.getVersion');
    return product;
  } finally {
    await cdp.detach();
  }
}
