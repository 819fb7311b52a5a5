/** Token storage: encrypted with safeStorage on disk, refused where safeStorage would only obfuscate. */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSecureStore, type SafeStorageLike } from '../../src-main/secure-store';

/** Reversible stand-in for the OS keyring: "enc:" + reversed text. */
function fakeSafeStorage(backend: ReturnType<SafeStorageLike['getSelectedStorageBackend']> = 'gnome_libsecret', available = true) {
  return {
    getSelectedStorageBackend: vi.fn(() => backend),
    isAsyncEncryptionAvailable: vi.fn(async () => available),
    encryptStringAsync: vi.fn(async (text: string) => Buffer.from(`enc:${[...text].reverse().join('')}`)),
    decryptStringAsync: vi.fn(async (buffer: Buffer) => ({ result: [...buffer.toString().slice(4)].reverse().join(''), shouldReEncrypt: false })),
  } satisfies SafeStorageLike;
}

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'contrats-secrets-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('secure store', () => {
  it('keeps secrets encrypted on disk and gives them back', async () => {
    const filePath = join(folder, 'secrets.json');
    const store = createSecureStore({ safeStorage: fakeSafeStorage(), filePath, platform: 'linux' });
    expect(await store.status()).toEqual({ available: true });
    expect(await store.get('sync-token')).toBeNull();
    await store.set('sync-token', 'tok_123456');
    expect(await store.get('sync-token')).toBe('tok_123456');
    const onDisk = await readFile(filePath, 'utf8');
    expect(onDisk).not.toContain('tok_123456');
    expect(JSON.parse(onDisk)).toEqual({ version: 1, entries: { 'sync-token': Buffer.from('enc:654321_kot').toString('base64') } });

    // A second store on the same file (next launch) reads it back.
    const next = createSecureStore({ safeStorage: fakeSafeStorage(), filePath, platform: 'linux' });
    expect(await next.get('sync-token')).toBe('tok_123456');
    await next.delete('sync-token');
    expect(await next.get('sync-token')).toBeNull();
  });

  it('refuses to store anything on Linux without a keyring (basic_text) and says why in French', async () => {
    const safeStorage = fakeSafeStorage('basic_text');
    const store = createSecureStore({ safeStorage, filePath: join(folder, 'secrets.json'), platform: 'linux' });
    const status = await store.status();
    expect(status).toEqual({ available: false, code: 'noKeyring', reason: expect.stringContaining("Aucun trousseau de clés") });
    await expect(store.set('sync-token', 'tok')).rejects.toThrow(/trousseau de clés/);
    expect(safeStorage.encryptStringAsync).not.toHaveBeenCalled();
    await expect(readFile(join(folder, 'secrets.json'))).rejects.toThrow(/ENOENT/);
    expect(await store.get('sync-token')).toBeNull();
  });

  it('refuses when the OS cannot encrypt (macOS/Windows check, no Linux backend asked)', async () => {
    const safeStorage = fakeSafeStorage('gnome_libsecret', false);
    const store = createSecureStore({ safeStorage, filePath: join(folder, 'secrets.json'), platform: 'win32' });
    expect(await store.status()).toEqual({ available: false, code: 'noEncryption', reason: expect.stringContaining("chiffrement du système n'est pas disponible") });
    expect(safeStorage.getSelectedStorageBackend).not.toHaveBeenCalled();
    await expect(store.set('k', 'v')).rejects.toThrow(/chiffrement/);
  });

  it('re-encrypts when the keyring rotated its key, and forgets what it can no longer decrypt', async () => {
    const filePath = join(folder, 'secrets.json');
    const safeStorage = fakeSafeStorage();
    const store = createSecureStore({ safeStorage, filePath, platform: 'darwin' });
    await store.set('a', 'one');
    await store.set('b', 'two');
    safeStorage.decryptStringAsync.mockResolvedValueOnce({ result: 'one', shouldReEncrypt: true });
    expect(await store.get('a')).toBe('one');
    expect(safeStorage.encryptStringAsync).toHaveBeenCalledTimes(3);
    safeStorage.decryptStringAsync.mockRejectedValueOnce(new Error('key lost'));
    expect(await store.get('b')).toBeNull();
  });

  it('runs concurrent writes one after the other, losing none', async () => {
    const store = createSecureStore({ safeStorage: fakeSafeStorage(), filePath: join(folder, 'secrets.json'), platform: 'linux' });
    await Promise.all(['a', 'b', 'c', 'd'].map((key) => store.set(key, `value-${key}`)));
    expect(await Promise.all(['a', 'b', 'c', 'd'].map((key) => store.get(key)))).toEqual(['value-a', 'value-b', 'value-c', 'value-d']);
  });
});
