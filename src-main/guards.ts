import type { Session, WebContents } from 'electron';

export interface NavigationPolicy {
  /** The app's own pages: the only place a window may navigate to. */
  isAppUrl(url: string): boolean;
  /** Opens allow-listed URLs in the system browser, ignores the rest; says whether it opened. */
  openExternal(url: string): Promise<boolean>;
}

/** Hands a foreign URL to the system browser (allow-listed only), never to the app's window. */
function sendOutside(policy: NavigationPolicy, url: string): void {
  policy.openExternal(url).catch((error: unknown) => console.error(`Ouverture du lien externe impossible : ${url}`, error));
}

/**
 * No window, page or <webview> can take the app somewhere else: new windows are
 * denied (allow-listed links go to the system browser instead), navigation away
 * from the app's own pages is cancelled, and webviews never attach.
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
