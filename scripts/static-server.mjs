// A small static file server for the built renderer, used by `npm run web` and
// by the benchmarks (which mount the bench page beside the app, on one origin,
// so the bench page can fill the app's IndexedDB before the app opens on it).
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

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

/**
 * Mounts: a URL prefix → a folder (longest prefix first); `prefix/` serves the
 * folder's index.html. Anything that would leave its folder once resolved is refused.
 */
export function createStaticServer(mounts) {
  const ordered = Object.entries(mounts).sort(([a], [b]) => b.length - a.length);
  return createServer(async (req, res) => {
    try {
      const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
      const mount = ordered.find(([prefix]) => pathname.startsWith(prefix));
      if (!mount) return void res.writeHead(404).end('Introuvable');
      const [prefix, dir] = mount;
      const file = normalize(join(dir, pathname.slice(prefix.length) || 'index.html'));
      if (!file.startsWith(dir + sep)) return void res.writeHead(403).end('Interdit');
      const info = await stat(file).catch(() => null);
      if (!info?.isFile()) return void res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Introuvable');
      res.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'content-length': info.size,
        'x-content-type-options': 'nosniff',
        // frame-ancestors cannot be set by the page's meta CSP: the server sends it.
        'content-security-policy': "frame-ancestors 'none'",
        'cache-control': 'no-cache',
      });
      createReadStream(file).pipe(res);
    } catch {
      res.writeHead(400).end('Requête invalide');
    }
  });
}
