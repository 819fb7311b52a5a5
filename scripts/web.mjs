#!/usr/bin/env node
// `npm run web`: builds the renderer and serves it on 127.0.0.1, the same app as
// the desktop one with the browser platform (downloads instead of save dialogs,
// browser print, session-only secrets).
//   npm run web -- --port 8080      (or PORT=8080)   --no-build to serve the last build
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createStaticServer } from './static-server.mjs';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const outDir = join(root, 'out', 'renderer');
const args = process.argv.slice(2);
const argValue = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const port = Number(argValue('--port') ?? process.env.PORT ?? 5180);
const host = '127.0.0.1';

if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`Port invalide : ${argValue('--port') ?? process.env.PORT}`);
  process.exit(2);
}

if (!args.includes('--no-build')) {
  console.log('Construction de l’application (electron-vite build)…');
  const build = spawnSync(process.execPath, [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
if (!existsSync(join(outDir, 'index.html'))) {
  console.error('Aucune construction trouvée dans out/renderer : lancez `npm run web` sans --no-build.');
  process.exit(1);
}

const server = createStaticServer({ '/': outDir });

server.listen(port, host, () => {
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  console.log(`Contrats (navigateur) : http://${host}:${actualPort}/`);
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.close(() => process.exit(0)));
