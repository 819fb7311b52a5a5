import { readFile, realpath, stat } from 'node:fs/promises';
import { extname, isAbsolute, join, relative } from 'node:path';
import type { CustomScheme, Protocol } from 'electron';
import { APP_HOST, APP_ORIGIN, APP_SCHEME } from './app-url';
import { CONTENT_SECURITY_POLICY } from './csp';

/**
 * app:// as a real web origin: standard (relative URLs, IndexedDB, localStorage),
 * secure (a secure context, like https), fetch() allowed, V8 code cache. Not
 * corsEnabled: that privilege would let other origins read the scheme's answers.
 * Must be registered before the app is ready.
 */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
};

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
};

function refused(status: 403 | 404 | 405, text: string): Response {
  return new Response(text, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' } });
}

/** True when `path` is strictly inside `folder` (not the folder itself, not beside it). */
function isInside(folder: string, path: string): boolean {
  const inside = relative(folder, path);
  return inside !== '' && !inside.startsWith('..') && !isAbsolute(inside);
}

/**
 * The file a request asks for, or null when it would leave the renderer folder.
 * The URL parser already folds "/../"; what is checked here is what it cannot
 * see: encoded separators (%2F, %5C), NUL bytes, and symbolic links pointing
 * out of the folder.
 */
async function resolveInside(rootDir: string, pathname: string): Promise<string | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const candidate = join(rootDir, decoded === '/' ? 'index.html' : decoded);
  if (!isInside(rootDir, candidate)) return null;
  try {
    const [realRoot, realFile] = await Promise.all([realpath(rootDir), realpath(candidate)]);
    return isInside(realRoot, realFile) && (await stat(realFile)).isFile() ? realFile : null;
  } catch {
    return null;
  }
}

/**
 * Answers app://contrats/… from the built renderer folder only. Nothing else is
 * served: another host, a method other than GET/HEAD, a request started by a
 * page of another origin, a path leaving the folder. Every answer carries the
 * app's CSP as a header (file:// pages could only have the meta tag).
 */
export function createAppProtocolHandler(rootDir: string) {
  return async (request: Request & { initiatorOrigin?: string }): Promise<Response> => {
    const url = new URL(request.url);
    // (A Request cannot carry credentials in its URL: the host is all there is to check.)
    if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return refused(404, 'Introuvable');
    if (request.method !== 'GET' && request.method !== 'HEAD') return refused(405, 'Méthode non autorisée');
    // Absent when the browser itself loads the window; set to the page's origin for what a page asks.
    if (request.initiatorOrigin !== undefined && request.initiatorOrigin !== APP_ORIGIN) return refused(403, 'Interdit');
    const file = await resolveInside(rootDir, url.pathname);
    if (!file) return refused(404, 'Introuvable');
    const body = request.method === 'HEAD' ? null : await readFile(file);
    return new Response(body, {
      status: 200,
      headers: {
        'Content-Type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
        'Content-Security-Policy': CONTENT_SECURITY_POLICY,
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'no-cache',
      },
    });
  };
}

export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
}

export function serveAppProtocol(protocol: Pick<Protocol, 'handle'>, rootDir: string): void {
  protocol.handle(APP_SCHEME, createAppProtocolHandler(rootDir));
}
