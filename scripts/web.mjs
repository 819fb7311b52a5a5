#!/usr/bin/env node
// `npm run web`: builds the renderer and serves it on 127.0.0.1, the same app as
// the desktop one with the browser platform (downloads instead of save dialogs,
// browser print, session-only secrets).
//   npm run web -- --port 8080      (or PORT=8080)   --no-build to serve the last build
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

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

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

const server = createServer(async (req, res) => {
  try {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    // Refuse anything that would leave out/renderer once resolved.
    const file = normalize(join(outDir, pathname === '/' ? 'index.html' : pathname));
    if (file !== outDir && !file.startsWith(outDir + sep)) {
      res.writeHead(403).end('Interdit');
      return;
    }
    const info = await stat(file).catch(() => null);
    if (!info?.isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Introuvable');
      return;
    }
    res.writeHead(200, {
      // frame-ancestors cannot be set by the page's meta CSP: the server sends it.
      'content-security-policy': "frame-ancestors 'none'",
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-cache',
    });
    res.end(await readFile(file));
  } catch {
    res.writeHead(400).end('Requête invalide');
  }
});

server.listen(port, host, () => {
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  console.log(`Contrats (navigateur) : http://${host}:${actualPort}/`);
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.close(() => process.exit(0)));
