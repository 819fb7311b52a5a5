import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

/**
 * Serves the built app and the bench page from ONE origin on 127.0.0.1, so the
 * bench page can fill the app's IndexedDB before the app is opened on it.
 * Mounts: a URL prefix → a folder; longest prefix first.
 */
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

export async function serve(mounts: Record<string, string>): Promise<{ url: string; server: Server }> {
  const ordered = Object.entries(mounts).sort(([a], [b]) => b.length - a.length);
  const server = createServer(async (req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    const mount = ordered.find(([prefix]) => pathname.startsWith(prefix));
    if (!mount) return void res.writeHead(404).end();
    const [prefix, dir] = mount;
    const rest = pathname.slice(prefix.length) || 'index.html';
    const file = normalize(join(dir, rest));
    if (!file.startsWith(dir + sep)) return void res.writeHead(403).end();
    const info = await stat(file).catch(() => null);
    if (!info?.isFile()) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'content-length': info.size, 'cache-control': 'no-cache' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('bench server: no port');
  return { url: `http://127.0.0.1:${address.port}`, server };
}
