/**
 * The bridge between the sandboxed renderer and the main process. It exposes
 * named functions only (ipc-contract.ts: ContratsApi), never ipcRenderer itself,
 * so the page can reach nothing but these channels. Built to CommonJS
 * (out/preload/index.cjs): a sandboxed preload cannot be an ES module.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { isMenuCommand, MENU_COMMAND_CHANNEL, type ContratsApi, type IpcChannel, type IpcResponse, type MenuCommand } from './ipc-contract';

/**
 * Electron prefixes a handler's error with "Error invoking remote method '…': Error: ";
 * strip it so the UI can show the main process's French message as is.
 */
async function invoke<C extends IpcChannel>(channel: C, payload?: unknown): Promise<IpcResponse<C>> {
  try {
    return (await ipcRenderer.invoke(channel, payload)) as IpcResponse<C>;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(message.replace(/^Error invoking remote method '[^']*': (?:Error: )?/, ''));
  }
}

const api: ContratsApi = {
  getAppInfo: () => invoke('app:getInfo'),
  saveDocument: (document) => invoke('document:save', document),
  saveDocuments: (request) => invoke('document:saveMany', request),
  printDocument: (request) => invoke('document:print', request),
  openExternal: (url) => invoke('external:open', { url }),
  secureStore: {
    get: (key) => invoke('secureStore:get', { key }),
    set: (key, value) => invoke('secureStore:set', { key, value }),
    delete: (key) => invoke('secureStore:delete', { key }),
    status: () => invoke('secureStore:status'),
  },
  onMenuCommand(listener: (command: MenuCommand) => void) {
    // The IPC event (and its sender) never reaches the page: only the command name.
    const forward = (_event: IpcRendererEvent, command: unknown) => {
      if (isMenuCommand(command)) listener(command);
    };
    ipcRenderer.on(MENU_COMMAND_CHANNEL, forward);
    return () => {
      ipcRenderer.removeListener(MENU_COMMAND_CHANNEL, forward);
    };
  },
};

contextBridge.exposeInMainWorld('api', api);
