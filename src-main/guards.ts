import type { Session, WebContents } from 'electron';

export interface NavigationPolicy {
  /** The app's own pages: the only place a window may navigate to. */
  isAppUrl(url: string): boolean;
  /** Where a frame inside a page may go: the app's pages and the blob: URLs it made (PDF preview). */
  isAppFrameUrl(url: string): boolean;
  /** Opens allow-listed URLs in the system browser, ignores the rest; says whether it opened. */
  openExternal(url: string): Promise<boolean>;
}

/** Hands a foreign URL to the system browser (allow-listed only), never to the app's window. */
function sendOutside(policy: NavigationPolicy, url: string): void {
  policy.openExternal(url).catch((error: unknown) => console.error(`Ouverture du lien externe impossible : ${url}`, error));
}

/** A main frame may only show the app; a sub-frame also the app's own blob: documents. */
function isAllowedDestination(policy: NavigationPolicy, url: string, isMainFrame: boolean): boolean {
  return isMainFrame ? policy.isAppUrl(url) : policy.isAppFrameUrl(url);
}

/**
 * No window, frame, redirect or <webview> can take the app somewhere else: new
 * windows are denied (allow-listed links go to the system browser instead),
 * navigation of the page or of any frame in it away from the app is cancelled,
 * so is a server redirect out of it, and webviews never attach.
 *
 * Electron emits 'will-navigate' (main frame) before 'will-frame-navigate'
 * (every frame) for the same navigation: only the first hands a clicked
 * allow-listed link to the system browser, so it opens once. A frame or a
 * redirect is never sent outside: the user did not choose that address.
 */
export function installNavigationGuards(contents: Pick<WebContents, 'on' | 'setWindowOpenHandler'>, policy: NavigationPolicy): void {
  contents.setWindowOpenHandler(({ url }) => {
    sendOutside(policy, url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event) => {
    if (policy.isAppUrl(event.url)) return;
    event.preventDefault();
    sendOutside(policy, event.url);
  });
  contents.on('will-frame-navigate', (event) => {
    if (!isAllowedDestination(policy, event.url, event.isMainFrame)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAllowedDestination(policy, event.url, event.isMainFrame)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/**
 * The app needs no camera, microphone, geolocation, notifications, clipboard
 * read, HID/USB/serial device…: every request and every check answers no.
 */
export function installPermissionGuards(session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'>): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}
