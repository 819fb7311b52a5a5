import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import pkg from './package.json' with { type: 'json' };
import { DEV_SERVER_CONTENT_SECURITY_POLICY } from './src-main/csp';

/**
 * index.html carries the strict CSP (kept equal to src-main/csp.ts by a test).
 * Only the dev server swaps in the dev policy, which lets the React Fast Refresh
 * preamble (an inline script) run; the built app keeps the strict one.
 */
function devCspMeta(): Plugin {
  return {
    name: 'contrats-dev-csp',
    apply: 'serve',
    transformIndexHtml: (html) =>
      html.replace(/(http-equiv="Content-Security-Policy"\s+content=")[^"]*(")/, `$1${DEV_SERVER_CONTENT_SECURITY_POLICY}$2`),
  };
}

// electron-vite is pointed at this project's folder names explicitly (issue 2).
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: { input: { index: resolve(__dirname, 'src-main/main.ts') } },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload can require() only 'electron' and a few built-ins:
      // bundle its dependencies (zod, via ipc-contract) instead of externalizing them.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(__dirname, 'src-main/preload.ts') },
        // A sandboxed preload cannot load ES modules: emit CommonJS.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
        // The preload needs only channel names from ipc-contract; zod schema builders
        // (and ipc-contract's wellFormedText, which only builds one) have no side effects,
        // so the unused schemas (and zod) drop out of the bundle.
        treeshake: { manualPureFunctions: ['z', 'wellFormedText'] },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src-renderer'),
    base: './',
    plugins: [react(), devCspMeta()],
    define: { __APP_VERSION__: JSON.stringify(pkg.version) },
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      minify: true,
      rollupOptions: {
        input: { index: resolve(__dirname, 'src-renderer/index.html') },
        treeshake: { moduleSideEffects: (id: string) => !id.includes('/src-core/') },
      },
    },
  },
});
