/** `npm start` (scripts/start.mjs) stops with a clear message, before building, when the Electron binary is missing. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const run = (args: string[], electronPath: string) =>
  spawnSync(process.execPath, [join(root, 'scripts/start.mjs'), ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, CONTRATS_ELECTRON_PATH: electronPath },
    timeout: 20_000,
  });

describe('npm start', () => {
  it('exits 1 without building, saying what is missing, how to get it and the browser alternative', () => {
    const result = run([], join(root, 'node_modules/electron/dist/absent-for-this-test'));
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('le binaire Electron est absent');
    expect(result.stderr).toContain('absent-for-this-test');
    expect(result.stderr).toContain('npx install-electron');
    expect(result.stderr).toContain('ELECTRON_SKIP_BINARY_DOWNLOAD');
    expect(result.stderr).toContain('npm run web');
    expect(result.stderr).toContain('the Electron binary is missing');
    // Nothing was built: electron-vite prints "building" as soon as it starts.
    expect(result.stdout + result.stderr).not.toMatch(/building|vite v/);
  });

  it('tells where the binary is when asked (the Electron tests use this)', () => {
    const present = run(['--electron-path'], process.execPath);
    expect(present.status).toBe(0);
    expect(present.stdout.trim()).toBe(process.execPath);
    const absent = run(['--electron-path'], '/nonexistent/electron');
    expect(absent.status).toBe(1);
    expect(absent.stderr).toContain('binaire Electron est absent');
  });
});
