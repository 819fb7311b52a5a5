import type { Session } from 'electron';

/**
 * The app's Content-Security-Policy, defined once. src-renderer/index.html carries
 * the same string in its meta tag (a test keeps them equal); the main process adds
 * it as a header to http(s) responses, i.e. the dev server, because file:// pages
 * get no response headers.
 *
 * - no 'unsafe-eval' and no inline script: injected markup cannot run code;
 * - style 'unsafe-inline': style attributes and libraries' inline styles only;
 * - connect-src https: and localhost: the sync server's address is a user setting,
 *   so it cannot be pinned at build time;
 * - frame-src blob: lets the renderer preview a PDF it generated itself.
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
  "frame-ancestors 'none'",
  "frame-src 'self' blob:",
].join('; ');

type HeadersListener = Parameters<Session['webRequest']['onHeadersReceived']>[0];
type HeadersDetails = Parameters<NonNullable<HeadersListener>>[0];
type HeadersCallback = Parameters<NonNullable<HeadersListener>>[1];

/** The listener installed on the session, exported so a test can run it. */
export function addCspHeader(details: Pick<HeadersDetails, 'url' | 'responseHeaders'>, callback: HeadersCallback): void {
  if (!/^https?:/.test(details.url)) {
    callback({});
    return;
  }
  const headers = { ...details.responseHeaders };
  // Replace, never merge: a second, looser policy from the server must not survive.
  for (const name of Object.keys(headers)) {
    if (name.toLowerCase() === 'content-security-policy') delete headers[name];
  }
  callback({ responseHeaders: { ...headers, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
}

export function installCspHeader(session: Pick<Session, 'webRequest'>): void {
  session.webRequest.onHeadersReceived(addCspHeader);
}
