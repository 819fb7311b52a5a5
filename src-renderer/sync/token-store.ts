import { platform } from '../platform';
import type { SecretStoreStatus } from '../platform/types';

const TOKEN_KEY = 'sync.token';

/**
 * Where the platform would only obfuscate the token (a browser profile,
 * safeStorage's basic_text on Linux), it is kept in memory for this session
 * only and the screen says why; otherwise it goes to the secure store.
 */
let sessionToken: string | null = null;

export async function saveToken(token: string): Promise<SecretStoreStatus> {
  const status = await platform.secrets.status();
  if (status.persistent) await platform.secrets.set(TOKEN_KEY, token);
  else sessionToken = token;
  return status;
}

export async function loadToken(): Promise<string | null> {
  return sessionToken ?? (await platform.secrets.get(TOKEN_KEY));
}

export async function deleteToken(): Promise<void> {
  sessionToken = null;
  await platform.secrets.delete(TOKEN_KEY);
}

export const tokenStorageStatus = (): Promise<SecretStoreStatus> => platform.secrets.status();
