import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { SafeStorage } from 'electron';
import type { SecureStoreStatus } from './ipc-contract';

export type SafeStorageLike = Pick<SafeStorage, 'isAsyncEncryptionAvailable' | 'encryptStringAsync' | 'decryptStringAsync' | 'getSelectedStorageBackend'>;

export interface SecureStore {
  status(): Promise<SecureStoreStatus>;
  get(key: string): Promise<string | null>;
  set(key: string, value: string): Promise<void>;
  delete(key: string): Promise<void>;
}

/** On disk: base64 of what safeStorage encrypted, by key. Never a clear secret. */
interface StoreFile {
  version: 1;
  entries: Record<string, string>;
}

const NO_KEYRING =
  "Aucun trousseau de clés (GNOME Keyring, KWallet…) n'est disponible sur ce poste : le jeton ne serait que masqué, pas chiffré. Il n'est donc pas enregistré et devra être saisi à chaque lancement.";
const NO_ENCRYPTION = "Le chiffrement du système n'est pas disponible sur ce poste : le jeton n'est pas enregistré et devra être saisi à chaque lancement.";

/**
 * Secrets (the sync token) encrypted with the OS keyring through safeStorage and
 * kept in one file under userData. Where safeStorage would only obfuscate —
 * Linux without a keyring falls back to 'basic_text', a fixed key — nothing is
 * stored and status() says why, so the UI can tell the user.
 */
export function createSecureStore(deps: { safeStorage: SafeStorageLike; filePath: string; platform: NodeJS.Platform }): SecureStore {
  const { safeStorage, filePath } = deps;
  // Read-modify-write of one file: run the changes one after the other.
  let queue: Promise<unknown> = Promise.resolve();
  const serialized = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  };

  async function status(): Promise<SecureStoreStatus> {
    if (deps.platform === 'linux') {
      // 'unknown' means safeStorage has not settled on a backend: do not trust it either.
      const backend = safeStorage.getSelectedStorageBackend();
      if (backend === 'basic_text' || backend === 'unknown') return { available: false, code: 'noKeyring', reason: NO_KEYRING };
    }
    if (!(await safeStorage.isAsyncEncryptionAvailable())) return { available: false, code: 'noEncryption', reason: NO_ENCRYPTION };
    return { available: true };
  }

  async function load(): Promise<StoreFile> {
    try {
      const parsed = JSON.parse(await readFile(filePath, 'utf8')) as Partial<StoreFile>;
      return { version: 1, entries: parsed.entries && typeof parsed.entries === 'object' ? parsed.entries : {} };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { version: 1, entries: {} };
      throw error;
    }
  }

  async function save(store: StoreFile): Promise<void> {
    await mkdir(dirname(filePath), { recursive: true });
    // Write then rename: a crash mid-write never leaves a truncated file behind.
    const temporary = `${filePath}.tmp`;
    await writeFile(temporary, JSON.stringify(store), { mode: 0o600 });
    await rename(temporary, filePath);
  }

  async function encrypt(value: string): Promise<string> {
    return (await safeStorage.encryptStringAsync(value)).toString('base64');
  }

  return {
    status,

    get: (key) =>
      serialized(async () => {
        if (!(await status()).available) return null;
        const store = await load();
        const encrypted = store.entries[key];
        if (encrypted === undefined) return null;
        try {
          const { result, shouldReEncrypt } = await safeStorage.decryptStringAsync(Buffer.from(encrypted, 'base64'));
          if (shouldReEncrypt) {
            store.entries[key] = await encrypt(result);
            await save(store);
          }
          return result;
        } catch {
          // The keyring lost or changed its key: the secret is unrecoverable, the user signs in again.
          return null;
        }
      }),

    set: (key, value) =>
      serialized(async () => {
        const current = await status();
        if (!current.available) throw new Error(current.reason);
        const store = await load();
        store.entries[key] = await encrypt(value);
        await save(store);
      }),

    // Forgetting a secret is always allowed, keyring or not.
    delete: (key) =>
      serialized(async () => {
        const store = await load();
        if (!(key in store.entries)) return;
        delete store.entries[key];
        await save(store);
      }),
  };
}
