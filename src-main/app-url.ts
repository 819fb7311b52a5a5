/**
 * Where the renderer is served from: the built files under the app's own
 * `app://contrats/` origin (app-protocol.ts) or, with `electron-vite dev`, the
 * dev server. Used to load the window and to recognise the app's own pages
 * (navigation guard, IPC sender check).
 *
 * Why not file://: every file:// page shares one origin with every file on the
 * disk, gets no response headers (so no CSP header), and a page reached there
 * could read other local files; app://contrats is an origin of its own that
 * serves only the built renderer folder.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'contrats';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

export type RendererTarget = { kind: 'app'; indexUrl: string; rootDir: string } | { kind: 'dev'; url: string };

export function resolveRendererTarget(options: { devServerUrl: string | undefined; rendererDir: string }): RendererTarget {
  return options.devServerUrl ? { kind: 'dev', url: options.devServerUrl } : { kind: 'app', indexUrl: `${APP_ORIGIN}/index.html`, rootDir: options.rendererDir };
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * True only for a page of the app itself: app://contrats/… (no credentials, no
 * port, no other host), or the dev server's origin under `electron-vite dev`.
 */
export function isAppUrl(target: RendererTarget, url: string): boolean {
  const parsed = parse(url);
  if (!parsed) return false;
  if (target.kind === 'dev') return parsed.origin === new URL(target.url).origin;
  // A custom scheme has no "origin" in Node's URL parser ('null'): compare its parts.
  return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && parsed.username === '' && parsed.password === '';
}

/**
 * Where a frame inside the app's page may go: the app's own pages, and blob:
 * URLs the app created itself (the PDF preview, blob:app://contrats/<uuid>).
 */
export function isAppFrameUrl(target: RendererTarget, url: string): boolean {
  const parsed = parse(url);
  if (!parsed) return false;
  if (parsed.protocol === 'blob:') return isAppUrl(target, parsed.pathname);
  return isAppUrl(target, url);
}
