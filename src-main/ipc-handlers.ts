import type { BaseWindow, IpcMain, IpcMainInvokeEvent } from 'electron';
import type { AppInfo } from './ipc-contract';
import type { DocumentService } from './documents';
import { registerHandler, type SenderCheck } from './ipc-register';
import type { SecureStore } from './secure-store';

export interface IpcHandlerDeps {
  ipcMain: Pick<IpcMain, 'handle'>;
  senderCheck: SenderCheck;
  appInfo(): AppInfo;
  documents: DocumentService;
  secureStore: SecureStore;
  openExternal(url: string): Promise<boolean>;
  /** The window a dialog should be attached to (the caller's). */
  windowOf(event: IpcMainInvokeEvent): BaseWindow | undefined;
}

/** Every channel of ipc-contract.ts, each behind registerHandler's sender and payload checks. */
export function registerIpcHandlers(deps: IpcHandlerDeps): void {
  const { ipcMain, senderCheck } = deps;
  registerHandler(ipcMain, 'app:getInfo', () => deps.appInfo(), senderCheck);
  registerHandler(ipcMain, 'document:save', (document, event) => deps.documents.save(document, deps.windowOf(event)), senderCheck);
  registerHandler(ipcMain, 'document:saveMany', ({ documents }, event) => deps.documents.saveMany(documents, deps.windowOf(event)), senderCheck);
  registerHandler(ipcMain, 'document:print', (request) => deps.documents.print(request), senderCheck);
  registerHandler(ipcMain, 'external:open', async ({ url }) => ({ opened: await deps.openExternal(url) }), senderCheck);
  registerHandler(ipcMain, 'secureStore:get', ({ key }) => deps.secureStore.get(key), senderCheck);
  registerHandler(ipcMain, 'secureStore:set', ({ key, value }) => deps.secureStore.set(key, value), senderCheck);
  registerHandler(ipcMain, 'secureStore:delete', ({ key }) => deps.secureStore.delete(key), senderCheck);
  registerHandler(ipcMain, 'secureStore:status', () => deps.secureStore.status(), senderCheck);
}
