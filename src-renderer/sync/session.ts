import { useEffect } from 'react';
import { refusalError } from '../../src-core';
import { SYNC_KEYS, forgetServer, readSyncValue, wipeLocalData, writeSyncValue, type SyncServer } from '../data/sync-state';
import { usePendingOutboxCount, useDataLayer, type DataLayer } from '../data';
import { createApiClient } from './api-client';
import { createSyncEngine, type SyncEngine } from './engine';
import { loadPerson, rememberSignedIn } from './person';
import { checkServerUrl } from './server-url';
import { deleteToken, loadToken, saveToken } from './token-store';
import { useSyncUi } from './session-store';

/** The one engine of this window: syncing is app-wide, not tied to the Synchronisation screen being open. */
let engine: SyncEngine | null = null;

export const currentEngine = () => engine;

/** The engine while signed in (re-rendering when that changes), for the screens that act through the central API; null otherwise. */
export function useConnectedEngine(): SyncEngine | null {
  const connected = useSyncUi((s) => s.connected);
  return connected ? engine : null;
}

function startEngine(dataLayer: DataLayer, url: string, token: string): SyncEngine {
  engine?.stop();
  const ui = useSyncUi.getState();
  engine = createSyncEngine({ dataLayer, baseUrl: url, token, onStatus: ui.setStatus });
  ui.setConnected(true);
  engine.start();
  return engine;
}

function checkedUrl(urlInput: string): string {
  const checked = checkServerUrl(urlInput);
  if (!checked.ok) throw refusalError('INVALID_INPUT', checked.reason);
  return checked.url;
}

/**
 * Signs in with a user name and password: the server answers a token of this
 * laptop's own (bound to its device id) and who the person is; then as with a token.
 */
export async function signInWithPassword(dataLayer: DataLayer, urlInput: string, user: string, password: string) {
  const url = checkedUrl(urlInput);
  const answer = await createApiClient({ baseUrl: url, token: '' }).login({ user: user.trim(), password, deviceId: dataLayer.ctx.deviceId });
  return connect(dataLayer, url, answer.token);
}

/** Signs in with a token an admin gave (advanced): checks the address and the token against the server with a first sync. Throws a French message. */
export async function signIn(dataLayer: DataLayer, urlInput: string, token: string) {
  return connect(dataLayer, checkedUrl(urlInput), token.trim());
}

async function connect(dataLayer: DataLayer, url: string, token: string) {
  // Who the token belongs to, before anything else: a refused token stops here, and the audit names the person from the first change.
  const me = await createApiClient({ baseUrl: url, token }).me();
  const previous = await readSyncValue<SyncServer>(dataLayer.db, SYNC_KEYS.server);
  // Cursors belong to one server: another address starts from scratch (local records and outbox are kept).
  if (previous && previous.url !== url) await forgetServer(dataLayer.db);
  await writeSyncValue(dataLayer.db, SYNC_KEYS.server, { url } satisfies SyncServer);
  await rememberSignedIn(dataLayer.db, me.user);
  const storage = await saveToken(token);
  const started = startEngine(dataLayer, url, token);
  await started.syncNow();
  return storage;
}

/**
 * Signs out: the token is revoked on the server when it can be reached (a
 * copy of it left on this laptop is then worthless), then forgotten here.
 * Answers whether the server revoked it; if not, an admin should.
 */
export async function signOut(dataLayer: DataLayer, wipe: boolean): Promise<boolean> {
  engine?.stop();
  engine = null;
  useSyncUi.getState().setConnected(false);
  const [server, token] = await Promise.all([readSyncValue<SyncServer>(dataLayer.db, SYNC_KEYS.server), loadToken()]);
  const revoked = !!server && !!token && (await createApiClient({ baseUrl: server.url, token, timeoutMs: 5_000 }).revokeToken().then(() => true, () => false));
  await deleteToken();
  if (wipe) await wipeLocalData(dataLayer.db);
  else await forgetServer(dataLayer.db);
  // The signed-in person was forgotten with the server: the laptop's own name names its changes again.
  await loadPerson(dataLayer.db);
  return revoked;
}

/**
 * Mounted once by the app shell: resumes syncing with the saved server and
 * token, syncs again when the network comes back, and soon after each local change.
 */
export function useBackgroundSync(): void {
  const dataLayer = useDataLayer();
  const pending = usePendingOutboxCount();
  useEffect(() => {
    let cancelled = false;
    void (async () => {
      await loadPerson(dataLayer.db);
      const server = await readSyncValue<SyncServer>(dataLayer.db, SYNC_KEYS.server);
      const token = await loadToken();
      if (!cancelled && server && token && !engine) {
        startEngine(dataLayer, server.url, token);
        // The display name may have changed on the server since: refreshed when it answers (offline, the stored one stays).
        void createApiClient({ baseUrl: server.url, token })
          .me()
          .then((me) => rememberSignedIn(dataLayer.db, me.user), () => undefined);
      }
    })();
    const online = () => void engine?.syncNow().catch(() => undefined);
    window.addEventListener('online', online);
    return () => {
      cancelled = true;
      window.removeEventListener('online', online);
    };
  }, [dataLayer]);
  useEffect(() => {
    if (pending) engine?.nudge();
  }, [pending]);
}
