import type { ContratsApi } from '../../src-main/ipc-contract';
import { message, refusalError } from '../../src-core';
import type { Platform } from './types';

declare global {
  interface Window {
    /** Exposed by src-main/preload.ts through contextBridge, only inside Electron. */
    api?: ContratsApi;
  }
}

export function hasElectronBridge(): boolean {
  return typeof window !== 'undefined' && window.api !== undefined;
}

/** The Electron implementation: a thin adapter over the preload's named functions. */
export function createElectronPlatform(): Platform {
  const api = window.api;
  if (!api) throw new Error('Pont Electron absent : cette fenêtre n’a pas été ouverte par Contrats.');
  return {
    kind: 'electron',
    async getAppInfo() {
      const info = await api.getAppInfo();
      return {
        name: info.name,
        version: info.version,
        platform: `${info.platform} (${info.arch})`,
        runtime: `Electron ${info.electronVersion} · Chromium ${info.chromeVersion} · Node ${info.nodeVersion}`,
      };
    },
    async saveDocument(file) {
      const result = await api.saveDocument(file);
      return { saved: result.saved, location: result.path };
    },
    // The folder keeps every file by its own name: no archive on the desktop.
    async saveDocuments(files) {
      const result = await api.saveDocuments({ documents: files });
      return { saved: result.saved, location: result.folder };
    },
    async printDocument(bytes, title) {
      const result = await api.printDocument({ bytes, title });
      if (!result.printed && result.reason && result.reason !== 'cancelled') {
        throw refusalError('INVALID_INPUT', message('platform.printFailed', { reason: result.reason }));
      }
    },
    async openExternal(url) {
      const { opened } = await api.openExternal(url);
      if (!opened) throw refusalError('INVALID_INPUT', message('platform.linkRefused', { url }));
    },
    secrets: {
      async status() {
        const status = await api.secureStore.status();
        return status.available ? { persistent: true } : { persistent: false, reason: status.reason, reasonCode: status.code };
      },
      get: (key) => api.secureStore.get(key),
      set: (key, value) => api.secureStore.set(key, value),
      delete: (key) => api.secureStore.delete(key),
    },
    onMenuCommand: (listener) => api.onMenuCommand(listener),
  };
}
