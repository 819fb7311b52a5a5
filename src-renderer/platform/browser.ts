import type { DocumentFile, Platform, SaveResult } from './types';
import { message, refusalError } from '../../src-core';
import { zipDocuments } from './zip';

declare const __APP_VERSION__: string;

function download({ suggestedName, mimeType, bytes }: DocumentFile): void {
  const url = URL.createObjectURL(new Blob([bytes], { type: mimeType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = suggestedName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // The download has started once click() returns; free the bytes soon after.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const ALLOWED_EXTERNAL = ['https://dokos.io', 'https://www.dokos.io', 'https://doc.dokos.io'];

/**
 * The browser implementation: saving becomes a download, printing uses the
 * browser's print dialog on the PDF, secrets live for the session only (no
 * keyring to protect them in a browser profile).
 */
export function createBrowserPlatform(): Platform {
  const sessionSecrets = new Map<string, string>();
  return {
    kind: 'browser',
    async getAppInfo() {
      return { name: 'Contrats', version: __APP_VERSION__, platform: 'browser', runtime: navigator.userAgent };
    },
    async saveDocument(file): Promise<SaveResult> {
      download(file);
      return { saved: true, location: file.suggestedName, inDownloads: true };
    },
    async saveDocuments(files, options): Promise<SaveResult> {
      const archiveName = options?.archiveName;
      if (archiveName && files.length > 0) {
        download({ suggestedName: archiveName, mimeType: 'application/zip', bytes: zipDocuments(files) });
        return { saved: true, location: archiveName, inDownloads: true };
      }
      files.forEach(download);
      return { saved: files.length > 0, inDownloads: true };
    },
    async printDocument(pdf, title) {
      const url = URL.createObjectURL(new Blob([pdf], { type: 'application/pdf' }));
      const frame = document.createElement('iframe');
      frame.title = title;
      frame.style.position = 'fixed';
      frame.style.width = '0';
      frame.style.height = '0';
      frame.style.border = '0';
      frame.src = url;
      frame.onload = () => {
        frame.contentWindow?.print();
        setTimeout(() => {
          frame.remove();
          URL.revokeObjectURL(url);
        }, 60_000);
      };
      document.body.append(frame);
    },
    async openExternal(url) {
      if (!ALLOWED_EXTERNAL.some((origin) => url === origin || url.startsWith(`${origin}/`))) {
        throw refusalError('INVALID_INPUT', message('platform.linkRefused', { url }));
      }
      window.open(url, '_blank', 'noopener,noreferrer');
    },
    secrets: {
      async status() {
        return { persistent: false };
      },
      async get(key) {
        return sessionSecrets.get(key) ?? null;
      },
      async set(key, value) {
        sessionSecrets.set(key, value);
      },
      async delete(key) {
        sessionSecrets.delete(key);
      },
    },
    onMenuCommand() {
      return () => undefined;
    },
  };
}
