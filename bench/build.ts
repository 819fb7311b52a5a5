import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { build } from 'vite';

/**
 * The app is built once per run, as `npm run web` builds it (electron-vite:
 * out/renderer). The bench page is built apart with Vite into bench/tmp/web,
 * so no bench code ships in the app; both are then served from one origin.
 */
export function buildApp(root: string): void {
  const result = spawnSync(process.execPath, [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`electron-vite build failed (exit ${result.status})`);
}

/** Builds src-renderer/bench/index.html for the URL prefix `base`; returns the folder to serve. */
export async function buildBenchPage(root: string, base: string): Promise<string> {
  const outDir = join(root, 'bench', 'tmp', 'web');
  await build({
    configFile: false,
    root: join(root, 'src-renderer', 'bench'),
    base,
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, chunkSizeWarningLimit: 4096 },
  });
  return outDir;
}
