import type { Session } from 'electron';

/**
 * The app's Content-Security-Policy, defined once. src-renderer/index.html carries
 * the same string in its meta tag (a test keeps them equal; `npm run web` relies on
 * it); the main process sends it as a header too: on the app:// answers
 * (app-protocol.ts) and on http(s) responses, i.e. the dev server. Both apply: the
 * browser enforces each of them.
 *
 * - no 'unsafe-eval' and no inline script: injected markup cannot run code;
 * - style 'unsafe-inline': style attributes and libraries' inline styles only;
 * - connect-src https: and localhost: the sync server's address is a user setting,
 *   so it cannot be pinned at build time;
 * - frame-src blob: lets the renderer preview a PDF it generated itself;
 * - no frame-ancestors: ignored (with a console warning) in a meta tag; in the
 *   desktop app, app-protocol.ts refuses any request started by another origin,
 *   which framing is.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self' https: http://localhost:* http://127.0.0.1:*",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'self' blob:",
].join('; ');

/**
 * Under `electron-vite dev` only: @vitejs/plugin-react injects an inline module
 * script (the Fast Refresh preamble) into index.html, which the strict policy
 * blocks. The built app never gets this policy.
 */
export const DEV_SERVER_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'");

type HeadersListener = Parameters<Session['webRequest']['onHeadersReceived']>[0];
type HeadersDetails = Parameters<NonNullable<HeadersListener>>[0];
type HeadersCallback = Parameters<NonNullable<HeadersListener>>[1];

/** Sets `policy` on http(s) responses; app:// answers carry it already (app-protocol.ts). */
function cspHeaderListener(policy: string) {
  return (details: Pick<HeadersDetails, 'url' | 'responseHeaders'>, callback: HeadersCallback): void => {
    if (!/^https?:/.test(details.url)) {
      callback({});
      return;
    }
    const headers = { ...details.responseHeaders };
    // Replace, never merge: a second, looser policy from the server must not survive.
    for (const name of Object.keys(headers)) {
      if (name.toLowerCase() === 'content-security-policy') delete headers[name];
    }
    callback({ responseHeaders: { ...headers, 'Content-Security-Policy': [policy] } });
  };
}

export function installCspHeader(session: Pick<Session, 'webRequest'>, policy: string): void {
  session.webRequest.onHeadersReceived(cspHeaderListener(policy));
}
