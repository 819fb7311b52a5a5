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
/** The hash `current` was read from: a hash change already shown by `navigate` is not shown twice. */
let currentHash = window.location.hash;
/** The route shown before the current one: a list focuses the row it was left from when coming back. */
let previous: Location | null = null;
const listeners = new Set<() => void>();
/**
 * Forms with unsaved changes hold navigation (useLeaveGuard): the first one
 * is given the way to go on, asks, and goes on only if the person agrees. A
 * hash change cannot be cancelled, so the address is put back until then.
 */
const leaveGuards = new Set<(proceed: () => void) => void>();
let leaving = false;
window.addEventListener('hashchange', (event) => {
  const [guard] = leaveGuards;
  if (guard && !leaving) {
    const target = window.location.hash;
    window.history.replaceState(window.history.state, '', event.oldURL);
    guard(() => {
      leaving = true;
      window.location.hash = target;
    });
    return;
  }
  leaving = false;
  if (window.location.hash !== currentHash) show();
});

function show(): void {
  previous = current;
  current = readLocation();
  currentHash = window.location.hash;
  listeners.forEach((l) => l());
}

/** Holds every route change with `guard` until the returned release is called. */
export function holdNavigation(guard: (proceed: () => void) => void): () => void {
  leaveGuards.add(guard);
  return () => leaveGuards.delete(guard);
}

/** The route shown before this one, if any. */
export function previousLocation(): Location | null {
  return previous;
}

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

/**
 * Goes to a route. With no form holding navigation, the route is shown at
 * once rather than at the `hashchange` event, a task later: a controlled
 * input that reads the route (the clients list's filter checkboxes) would
 * otherwise snap back to its old state for a render after its click.
 */
export function navigate(path: string, query?: Record<string, string | undefined>): void {
  window.location.hash = href(path, query).slice(1);
  if (leaveGuards.size === 0 && window.location.hash !== currentHash) show();
}
