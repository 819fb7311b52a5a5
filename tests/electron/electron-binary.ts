import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

export const projectRoot = join(import.meta.dirname, '../..');

export type ElectronBinary = { found: true; path: string } | { found: false; explanation: string };

/**
 * Asks scripts/start.mjs where the Electron binary is — the same check as
 * `npm start`. Playwright's own lookup (require('electron')) would instead try to
 * download the binary when it is missing.
 */
export function findElectronBinary(): ElectronBinary {
  const result = spawnSync(process.execPath, [join(projectRoot, 'scripts/start.mjs'), '--electron-path'], { encoding: 'utf8' });
  return result.status === 0 ? { found: true, path: result.stdout.trim() } : { found: false, explanation: result.stderr.trim() };
}

export const SKIP_REASON = 'Tests Electron ignorés : binaire Electron absent sur cette machine (voir le message ci-dessus ; `npx install-electron` pour les lancer).';
