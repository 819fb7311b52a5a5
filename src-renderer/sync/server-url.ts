import { message, type Message } from '../../src-core';

/**
 * Checks the server address typed by the account manager. The token travels
 * in every request, so plain HTTP is refused except on this machine
 * (localhost / 127.0.0.1: tests, a server run next to the app). Returns the
 * normalised origin + path without trailing slash, or the reason as a message code.
 */
export function checkServerUrl(input: string): { ok: true; url: string } | { ok: false; reason: Message } {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return { ok: false, reason: message('sync.url.invalid') };
  }
  const local = url.hostname === 'localhost' || url.hostname === '127.0.0.1' || url.hostname === '[::1]';
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local)) {
    return { ok: false, reason: message('sync.url.unencrypted') };
  }
  if (url.username || url.password) return { ok: false, reason: message('sync.url.credentials') };
  return { ok: true, url: `${url.origin}${url.pathname.replace(/\/+$/, '')}` };
}
