import { isAbsolute, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where the renderer is served from: the built files (file://…/out/renderer) or,
 * with `electron-vite dev`, the dev server. Used both to load the window and to
 * recognise the app's own pages (navigation guard, IPC sender check).
 */
export type RendererTarget = { kind: 'file'; indexHtml: string; rootDir: string } | { kind: 'dev'; url: string };

export function resolveRendererTarget(options: { devServerUrl: string | undefined; rendererDir: string; indexHtml: string }): RendererTarget {
  return options.devServerUrl ? { kind: 'dev', url: options.devServerUrl } : { kind: 'file', indexHtml: options.indexHtml, rootDir: options.rendererDir };
}

/** True only for a page of the app itself: a file inside the renderer folder, or the dev server's origin. */
export function isAppUrl(target: RendererTarget, url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (target.kind === 'dev') return parsed.origin === new URL(target.url).origin;
  if (parsed.protocol !== 'file:' || parsed.host !== '') return false;
  const inside = relative(target.rootDir, fileURLToPath(parsed));
  return inside !== '' && !inside.startsWith('..') && !isAbsolute(inside);
}
