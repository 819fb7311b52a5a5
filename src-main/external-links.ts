import type { Shell } from 'electron';

/**
 * The only places the app may send the user outside itself. Anything else
 * (a link in a note, a URL in imported data) is refused rather than opened,
 * because `shell.openExternal` hands the URL to the OS, which would run any
 * registered protocol handler.
 */
export const EXTERNAL_LINK_ORIGINS: readonly string[] = ['https://dokos.io', 'https://www.dokos.io', 'https://doc.dokos.io'];

export function isAllowedExternalUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  // `origin` already folds in protocol, host and port; credentials are refused
  // because "https://dokos.io:x@…" style URLs are a phishing classic.
  return parsed.protocol === 'https:' && parsed.username === '' && parsed.password === '' && EXTERNAL_LINK_ORIGINS.includes(parsed.origin);
}

/** Opens `url` in the system browser when allow-listed; says whether it did. */
export async function openAllowedExternal(shell: Pick<Shell, 'openExternal'>, url: string): Promise<boolean> {
  if (!isAllowedExternalUrl(url)) return false;
  await shell.openExternal(url);
  return true;
}
