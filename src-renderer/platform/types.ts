/**
 * What the renderer may ask of its host. Two implementations: Electron (through
 * the preload bridge) and the plain browser (`npm run web`). Everything else in
 * the renderer calls `platform`, never `window.api`.
 */
export interface AppInfo {
  name: string;
  version: string;
  /** "linux", "darwin", "win32", or "browser" (which the interface names in its language). */
  platform: string;
  /** Human-readable runtime, e.g. "Electron 45.5.0 · Chromium 142" or the browser's user agent. */
  runtime: string;
}

export interface DocumentFile {
  suggestedName: string;
  mimeType: string;
  bytes: Uint8Array<ArrayBuffer>;
}

export interface SaveResult {
  saved: boolean;
  /** Where it went, when the platform can tell: a path, or a file name in the browser's downloads folder. */
  location?: string;
  /** In the browser's downloads folder, which the interface names in its language. */
  inDownloads?: boolean;
}

export interface SecretStoreStatus {
  /** False when secrets would only be obfuscated or cannot be kept: the UI says why. */
  persistent: boolean;
  /** The system's own words (Electron's safe storage); absent in the browser, where the interface says it. */
  reason?: string;
  /** Why, as a code the interface says in its language (Electron's safe storage). */
  reasonCode?: 'noKeyring' | 'noEncryption';
}

export interface SecretStore {
  status(): Promise<SecretStoreStatus>;
  get(key: string): Promise<string | null>;
  set(key: string, value: string): Promise<void>;
  delete(key: string): Promise<void>;
}

export type MenuCommand = 'about';

export interface Platform {
  kind: 'electron' | 'browser';
  getAppInfo(): Promise<AppInfo>;
  saveDocument(file: DocumentFile): Promise<SaveResult>;
  /**
   * Several files at once (e.g. a month's invoices as separate PDFs): Electron
   * writes them into a chosen folder; the browser, given `archiveName`, delivers
   * them as that one zip (a page may start only one download without asking, so
   * separate downloads would lose files), else as separate downloads.
   */
  saveDocuments(files: DocumentFile[], options?: { archiveName?: string }): Promise<SaveResult>;
  printDocument(pdf: Uint8Array<ArrayBuffer>, title: string): Promise<void>;
  openExternal(url: string): Promise<void>;
  secrets: SecretStore;
  /** Application-menu commands (Electron); the browser has no menu and never calls back. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
}
