import { useSyncExternalStore } from 'react';

/**
 * Hash routing: the app is loaded from file:// in Electron and from a static
 * server in the browser, so the path part of the URL cannot carry the route.
 * Routes look like `#/clients/42?tier=T99`.
 */
export interface Location {
  path: string;
  segments: string[];
  query: URLSearchParams;
}

function readLocation(): Location {
  const raw = window.location.hash.replace(/^#/, '') || '/';
  const [pathPart = '/', queryPart = ''] = raw.split('?');
  const path = pathPart.startsWith('/') ? pathPart : `/${pathPart}`;
  return { path, segments: path.split('/').filter(Boolean).map(decodeURIComponent), query: new URLSearchParams(queryPart) };
}

let current = readLocation();
const listeners = new Set<() => void>();
window.addEventListener('hashchange', () => {
  current = readLocation();
  listeners.forEach((l) => l());
});

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useLocation(): Location {
  return useSyncExternalStore(subscribe, () => current);
}

/** Builds an href for a route: `href('/clients', { tier: 'T99' })` → `#/clients?tier=T99`. */
export function href(path: string, query?: Record<string, string | undefined>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) if (v) params.set(k, v);
  const q = params.toString();
  return `#${path}${q ? `?${q}` : ''}`;
}

export function navigate(path: string, query?: Record<string, string | undefined>): void {
  window.location.hash = href(path, query).slice(1);
}
