/**
 * The Electron security baseline (ARCHITECTURE.md), proved on the functions the
 * main process really runs. Electron cannot load in node, so src-main receives
 * the electron objects as parameters and these tests pass fakes that record what
 * was installed, then fire it.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { IpcMainInvokeEvent } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { startContratsApp, UNSAVED_CHANGES_BOX, type ElectronApi, type StartOptions } from '../../src-main/app';
import { APP_SCHEME_PRIVILEGES } from '../../src-main/app-protocol';
import { isAppFrameUrl, isAppUrl, resolveRendererTarget } from '../../src-main/app-url';
import { CONTENT_SECURITY_POLICY, DEV_SERVER_CONTENT_SECURITY_POLICY, installCspHeader } from '../../src-main/csp';
import { EXTERNAL_LINK_ORIGINS, isAllowedExternalUrl, openAllowedExternal } from '../../src-main/external-links';
import { installNavigationGuards, installPermissionGuards } from '../../src-main/guards';
import { ipcRequestSchemas, MENU_COMMAND_CHANNEL } from '../../src-main/ipc-contract';
import { registerHandler } from '../../src-main/ipc-register';
import { buildMainWindowOptions, buildPrintWindowOptions } from '../../src-main/window-options';

const root = join(import.meta.dirname, '../..');
/** A stand-in for out/renderer (unit tests run before any build): a real folder with a page. */
const rendererDir = join(mkdtempSync(join(tmpdir(), 'contrats-main-')), 'renderer');
const indexHtml = join(rendererDir, 'index.html');
mkdirSync(rendererDir);
writeFileSync(indexHtml, '<!doctype html><title>Contrats</title>');
const appTarget = resolveRendererTarget({ devServerUrl: undefined, rendererDir });
const appPageUrl = 'app://contrats/index.html#/tableau-de-bord';
/** Where the app lived before app://: the same built file, now refused. */
const fileIndexUrl = pathToFileURL(indexHtml).href;

type Listener = (...args: unknown[]) => unknown;

/** A web contents that records its listeners so a test can emit events. */
function fakeWebContents() {
  const listeners = new Map<string, Listener>();
  let windowOpenHandler: Listener | undefined;
  return {
    on: vi.fn((name: string, listener: Listener) => listeners.set(name, listener)),
    setWindowOpenHandler: vi.fn((handler: Listener) => {
      windowOpenHandler = handler;
    }),
    send: vi.fn(),
    emit(name: string, ...args: unknown[]) {
      const listener = listeners.get(name);
      if (!listener) throw new Error(`no listener for ${name}`);
      return listener(...args);
    },
    openWindow: (url: string) => windowOpenHandler?.({ url }),
  };
}

function navigationEvent(url: string, isMainFrame = true) {
  return { url, isMainFrame, preventDefault: vi.fn() };
}

function fakeSession() {
  const handlers: Record<string, Listener> = {};
  return {
    handlers,
    webRequest: { onHeadersReceived: vi.fn((listener: Listener) => (handlers.headers = listener)) },
    setPermissionRequestHandler: vi.fn((handler: Listener) => (handlers.request = handler)),
    setPermissionCheckHandler: vi.fn((handler: Listener) => (handlers.check = handler)),
    setDevicePermissionHandler: vi.fn((handler: Listener) => (handlers.device = handler)),
  };
}

function fakeIpcMain() {
  const handlers = new Map<string, (event: unknown, payload?: unknown) => Promise<unknown>>();
  return { handlers, handle: vi.fn((channel: string, handler: (event: unknown, payload?: unknown) => Promise<unknown>) => handlers.set(channel, handler)) };
}

const fromFrame = (url: string | null) => ({ senderFrame: url === null ? null : { url }, sender: {} }) as unknown as IpcMainInvokeEvent;

describe('window options', () => {
  it('isolates, sandboxes and strips Node from the main window, with the preload', () => {
    const options = buildMainWindowOptions({ preloadPath: '/app/out/preload/index.cjs', iconPath: '/app/assets/icon.png' });
    expect(options.title).toBe('Contrats');
    expect(options.webPreferences).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it('gives the print window the same protections and no preload', () => {
    const preferences = buildPrintWindowOptions('Facture').webPreferences;
    expect(preferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false });
    expect(preferences?.preload).toBeUndefined();
  });
});

describe('app URL', () => {
  it('targets app://contrats/index.html, served from the built renderer folder', () => {
    expect(appTarget).toEqual({ kind: 'app', indexUrl: 'app://contrats/index.html', rootDir: rendererDir });
  });

  it('recognises the app:// origin and nothing else, file:// included', () => {
    expect(isAppUrl(appTarget, appPageUrl)).toBe(true);
    expect(isAppUrl(appTarget, 'app://contrats/assets/index.js')).toBe(true);
    expect(isAppUrl(appTarget, fileIndexUrl)).toBe(false);
    expect(isAppUrl(appTarget, pathToFileURL('/etc/passwd').href)).toBe(false);
    expect(isAppUrl(appTarget, 'app://evil/index.html')).toBe(false);
    expect(isAppUrl(appTarget, 'app://contrats.evil/index.html')).toBe(false);
    expect(isAppUrl(appTarget, 'app://user@contrats/index.html')).toBe(false);
    expect(isAppUrl(appTarget, 'app://contrats:8080/index.html')).toBe(false);
    expect(isAppUrl(appTarget, 'blob:app://contrats/6b1f0c1e')).toBe(false);
    expect(isAppUrl(appTarget, 'https://dokos.io/')).toBe(false);
    expect(isAppUrl(appTarget, 'not a url')).toBe(false);
  });

  it('lets frames show the app and the blob: documents it made, nothing else', () => {
    expect(isAppFrameUrl(appTarget, 'app://contrats/index.html')).toBe(true);
    expect(isAppFrameUrl(appTarget, 'blob:app://contrats/6b1f0c1e-8e8b-4a53-9a43-0f3c3f5f9e01')).toBe(true);
    expect(isAppFrameUrl(appTarget, 'blob:https://evil.example/6b1f0c1e')).toBe(false);
    expect(isAppFrameUrl(appTarget, 'blob:app://evil/6b1f0c1e')).toBe(false);
    expect(isAppFrameUrl(appTarget, 'https://evil.example/')).toBe(false);
    expect(isAppFrameUrl(appTarget, 'data:text/html,<script>1</script>')).toBe(false);
    expect(isAppFrameUrl(appTarget, fileIndexUrl)).toBe(false);
  });

  it('recognises the dev server by origin', () => {
    const dev = resolveRendererTarget({ devServerUrl: 'http://localhost:5173', rendererDir });
    expect(isAppUrl(dev, 'http://localhost:5173/#/contrats')).toBe(true);
    expect(isAppUrl(dev, 'http://localhost:5174/')).toBe(false);
    expect(isAppUrl(dev, appPageUrl)).toBe(false);
    expect(isAppFrameUrl(dev, 'blob:http://localhost:5173/6b1f0c1e')).toBe(true);
    expect(isAppFrameUrl(dev, 'blob:http://localhost:5174/6b1f0c1e')).toBe(false);
  });
});

describe('external links', () => {
  it('allows only https on the Dokos origins, from one list', () => {
    expect(EXTERNAL_LINK_ORIGINS).toEqual(['https://dokos.io', 'https://www.dokos.io', 'https://doc.dokos.io']);
    expect(isAllowedExternalUrl('https://dokos.io')).toBe(true);
    expect(isAllowedExternalUrl('https://doc.dokos.io/fr/contrats?x=1#a')).toBe(true);
    expect(isAllowedExternalUrl('http://dokos.io/')).toBe(false);
    expect(isAllowedExternalUrl('https://dokos.io.evil.com/')).toBe(false);
    expect(isAllowedExternalUrl('https://dokos.io@evil.com/')).toBe(false);
    expect(isAllowedExternalUrl('https://user:pw@dokos.io/')).toBe(false);
    expect(isAllowedExternalUrl('https://dokos.io:8443/')).toBe(false);
    expect(isAllowedExternalUrl('file:///etc/passwd')).toBe(false);
    expect(isAllowedExternalUrl('javascript:alert(1)')).toBe(false);
    expect(isAllowedExternalUrl('')).toBe(false);
  });

  it('hands only allow-listed URLs to the shell', async () => {
    const shell = { openExternal: vi.fn(async () => undefined) };
    expect(await openAllowedExternal(shell, 'https://www.dokos.io/')).toBe(true);
    expect(await openAllowedExternal(shell, 'smb://attacker/share')).toBe(false);
    expect(shell.openExternal).toHaveBeenCalledTimes(1);
    expect(shell.openExternal).toHaveBeenCalledWith('https://www.dokos.io/');
  });
});

describe('navigation guards', () => {
  const setup = () => {
    const contents = fakeWebContents();
    const openExternal = vi.fn(async (url: string) => isAllowedExternalUrl(url));
    installNavigationGuards(contents as never, { isAppUrl: (url) => isAppUrl(appTarget, url), isAppFrameUrl: (url) => isAppFrameUrl(appTarget, url), openExternal });
    return { contents, openExternal };
  };

  it('cancels navigation away from the app and lets the app navigate within itself', () => {
    const { contents, openExternal } = setup();
    const foreign = navigationEvent('https://evil.example/');
    contents.emit('will-navigate', foreign);
    expect(foreign.preventDefault).toHaveBeenCalled();

    const own = navigationEvent(appPageUrl);
    contents.emit('will-navigate', own);
    expect(own.preventDefault).not.toHaveBeenCalled();

    // An allow-listed link clicked in the page goes to the system browser, not the window.
    const dokos = navigationEvent('https://doc.dokos.io/');
    contents.emit('will-navigate', dokos);
    expect(dokos.preventDefault).toHaveBeenCalled();
    expect(openExternal).toHaveBeenCalledWith('https://doc.dokos.io/');
  });

  it('cancels navigation back to file://, where the app no longer lives', () => {
    const { contents, openExternal } = setup();
    const local = navigationEvent(fileIndexUrl);
    contents.emit('will-navigate', local);
    expect(local.preventDefault).toHaveBeenCalled();
    const frame = navigationEvent(fileIndexUrl, false);
    contents.emit('will-frame-navigate', frame);
    expect(frame.preventDefault).toHaveBeenCalled();
    expect(openExternal).toHaveBeenCalledTimes(1);
  });

  it('guards every frame like the page: a frame may show the app or its own blob: PDF, nothing else, and never opens the browser', () => {
    const { contents, openExternal } = setup();
    const foreignFrame = navigationEvent('https://evil.example/', false);
    contents.emit('will-frame-navigate', foreignFrame);
    expect(foreignFrame.preventDefault).toHaveBeenCalled();
    // Even an allow-listed address: a frame navigating is not the user clicking a link.
    const dokosFrame = navigationEvent('https://dokos.io/', false);
    contents.emit('will-frame-navigate', dokosFrame);
    expect(dokosFrame.preventDefault).toHaveBeenCalled();
    const foreignBlob = navigationEvent('blob:https://evil.example/1b2c', false);
    contents.emit('will-frame-navigate', foreignBlob);
    expect(foreignBlob.preventDefault).toHaveBeenCalled();
    expect(openExternal).not.toHaveBeenCalled();

    const preview = navigationEvent('blob:app://contrats/6b1f0c1e-8e8b-4a53-9a43-0f3c3f5f9e01', false);
    contents.emit('will-frame-navigate', preview);
    expect(preview.preventDefault).not.toHaveBeenCalled();
    const ownFrame = navigationEvent('app://contrats/index.html', false);
    contents.emit('will-frame-navigate', ownFrame);
    expect(ownFrame.preventDefault).not.toHaveBeenCalled();

    // The main frame keeps the stricter rule: not even the app's blob: documents.
    const mainBlob = navigationEvent('blob:app://contrats/6b1f0c1e', true);
    contents.emit('will-frame-navigate', mainBlob);
    expect(mainBlob.preventDefault).toHaveBeenCalled();
    const mainOwn = navigationEvent(appPageUrl, true);
    contents.emit('will-frame-navigate', mainOwn);
    expect(mainOwn.preventDefault).not.toHaveBeenCalled();
  });

  it('cancels a redirect out of the app, in the page or in a frame, without opening anything', () => {
    const { contents, openExternal } = setup();
    const outOfPage = navigationEvent('https://evil.example/phish', true);
    contents.emit('will-redirect', outOfPage);
    expect(outOfPage.preventDefault).toHaveBeenCalled();
    const outOfFrame = navigationEvent('https://dokos.io/', false);
    contents.emit('will-redirect', outOfFrame);
    expect(outOfFrame.preventDefault).toHaveBeenCalled();
    expect(openExternal).not.toHaveBeenCalled();

    const within = navigationEvent('app://contrats/index.html', true);
    contents.emit('will-redirect', within);
    expect(within.preventDefault).not.toHaveBeenCalled();
  });

  it('denies every new window, sending allow-listed https links to the system browser', async () => {
    const { contents, openExternal } = setup();
    expect(contents.openWindow('https://dokos.io/')).toEqual({ action: 'deny' });
    expect(contents.openWindow('https://evil.example/')).toEqual({ action: 'deny' });
    expect(contents.openWindow(appPageUrl)).toEqual({ action: 'deny' });
    const opened = await Promise.all(openExternal.mock.results.map((result) => result.value));
    expect(opened).toEqual([true, false, false]);
  });

  it('never attaches a webview', () => {
    const { contents } = setup();
    const event = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', event, {}, {});
    expect(event.preventDefault).toHaveBeenCalled();
  });
});

describe('permissions', () => {
  it('denies every permission request and check', () => {
    const session = fakeSession();
    installPermissionGuards(session as never);
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen']) {
      const callback = vi.fn();
      session.handlers.request?.({}, permission, callback, {});
      expect(callback).toHaveBeenCalledWith(false);
      expect(session.handlers.check?.({}, permission, 'file://', {})).toBe(false);
    }
    expect(session.handlers.device?.({ deviceType: 'usb' })).toBe(false);
  });
});

describe('Content-Security-Policy', () => {
  const directives = new Map(CONTENT_SECURITY_POLICY.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));

  it('is strict: self by default, no eval, no inline script, no plugins, no base or form hijack', () => {
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('form-action')).toEqual(["'none'"]);
    expect(CONTENT_SECURITY_POLICY).not.toContain("'unsafe-eval'");
    // No wildcard source anywhere (ports on localhost aside).
    for (const values of directives.values()) expect(values).not.toContain('*');
  });

  it('is the very string the renderer page carries in its meta tag', () => {
    const html = readFileSync(join(root, 'src-renderer/index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html);
    expect(meta?.[1]).toBe(CONTENT_SECURITY_POLICY);
  });

  it('is set as a header on http(s) responses, replacing any other policy, and leaves file:// alone', () => {
    const session = fakeSession();
    installCspHeader(session as never, CONTENT_SECURITY_POLICY);
    const addHeader = session.handlers.headers!;

    const callback = vi.fn();
    addHeader({ url: 'http://localhost:5173/', responseHeaders: { 'content-security-policy': ['default-src *'], 'Content-Type': ['text/html'] } }, callback);
    expect(callback).toHaveBeenCalledWith({ responseHeaders: { 'Content-Type': ['text/html'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });

    const untouched = vi.fn();
    addHeader({ url: appPageUrl, responseHeaders: {} }, untouched);
    expect(untouched).toHaveBeenCalledWith({});
  });

  it('relaxes only script-src, and only for the dev server (Vite injects an inline preamble)', () => {
    expect(DEV_SERVER_CONTENT_SECURITY_POLICY).toBe(CONTENT_SECURITY_POLICY.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'"));
    expect(DEV_SERVER_CONTENT_SECURITY_POLICY).not.toContain("'unsafe-eval'");
  });
});

describe('registerHandler', () => {
  const senderCheck = { isTrustedSenderUrl: (url: string) => isAppUrl(appTarget, url) };

  it('refuses a call from a frame that is not the app, before doing anything', async () => {
    const ipcMain = fakeIpcMain();
    const handler = vi.fn(() => ({ opened: true }));
    registerHandler(ipcMain, 'external:open', handler, senderCheck);
    const invoke = ipcMain.handlers.get('external:open')!;
    await expect(invoke(fromFrame('https://evil.example/'), { url: 'https://dokos.io' })).rejects.toThrow(/refusée : elle ne provient pas de l'application Contrats/);
    await expect(invoke(fromFrame(null), { url: 'https://dokos.io' })).rejects.toThrow(/ne provient pas/);
    await expect(invoke(fromFrame('blob:app://contrats/6b1f0c1e'), { url: 'https://dokos.io' })).rejects.toThrow(/ne provient pas/);
    // The built files under file:// are no longer the app: only app://contrats is.
    await expect(invoke(fromFrame(fileIndexUrl), { url: 'https://dokos.io' })).rejects.toThrow(/ne provient pas/);
    await expect(invoke(fromFrame('app://evil/index.html'), { url: 'https://dokos.io' })).rejects.toThrow(/ne provient pas/);
    expect(handler).not.toHaveBeenCalled();
    await expect(invoke(fromFrame(appPageUrl), { url: 'https://dokos.io' })).resolves.toEqual({ opened: true });
  });

  it('refuses a bad payload with a French message naming the field, before doing anything', async () => {
    const ipcMain = fakeIpcMain();
    const handler = vi.fn(() => ({ saved: true }));
    registerHandler(ipcMain, 'document:save', handler, senderCheck);
    const invoke = ipcMain.handlers.get('document:save')!;
    const good = { suggestedName: 'Facture F-2026-0001.pdf', mimeType: 'application/pdf', bytes: new Uint8Array([37, 80, 68, 70]) };
    await expect(invoke(fromFrame(appPageUrl), { ...good, suggestedName: '../../.bashrc' })).rejects.toThrow(
      /Requête « document:save » refusée : données invalides \(suggestedName : caractère interdit dans un nom de fichier\)\. Aucune action/,
    );
    // zod's own reasons come in French too.
    await expect(invoke(fromFrame(appPageUrl), { ...good, bytes: 'JVBERi0=' })).rejects.toThrow(/données invalides \(bytes : Entrée invalide/);
    await expect(invoke(fromFrame(appPageUrl), { ...good, extra: true })).rejects.toThrow(/données invalides \(contenu : Clé non reconnue : "extra"\)/);
    await expect(invoke(fromFrame(appPageUrl), undefined)).rejects.toThrow(/données invalides \(contenu : /);
    expect(handler).not.toHaveBeenCalled();

    await expect(invoke(fromFrame(appPageUrl), good)).resolves.toEqual({ saved: true });
    expect(handler).toHaveBeenCalledWith(good, expect.anything());
  });
});

/** Fakes for the whole electron surface startContratsApp uses. */
function fakeElectron(options: { singleInstance?: boolean } = {}) {
  const calls: string[] = [];
  const appListeners = new Map<string, Listener>();
  const windows: FakeWindow[] = [];
  const session = fakeSession();
  const ipcMain = fakeIpcMain();
  const menu: { template?: unknown[] } = {};
  const protocolHandlers = new Map<string, (request: Request) => Promise<Response>>();

  class FakeWindow {
    readonly listeners = new Map<string, Listener>();
    readonly webContents = fakeWebContents();
    loaded?: { url: string };
    focused = false;
    constructor(readonly options: Record<string, unknown>) {
      windows.push(this);
    }
    once(name: string, listener: Listener) {
      this.listeners.set(name, listener);
      return this;
    }
    on(name: string, listener: Listener) {
      this.listeners.set(name, listener);
      return this;
    }
    show() {}
    restore() {}
    isMinimized() {
      return false;
    }
    focus() {
      this.focused = true;
    }
    destroy() {}
    async loadURL(url: string) {
      this.loaded = { url };
    }
    static fromWebContents() {
      return null;
    }
  }

  const electron = {
    app: {
      isPackaged: false,
      enableSandbox: vi.fn(() => calls.push('enableSandbox')),
      requestSingleInstanceLock: vi.fn(() => options.singleInstance ?? true),
      quit: vi.fn(() => calls.push('quit')),
      on: vi.fn((name: string, listener: Listener) => appListeners.set(name, listener)),
      whenReady: vi.fn(async () => {
        calls.push('ready');
      }),
      getName: () => 'Contrats',
      getVersion: () => '0.1.0',
      getPath: (name: string) => `/tmp/contrats-test/${name}`,
    },
    BrowserWindow: FakeWindow,
    dialog: { showSaveDialog: vi.fn(), showOpenDialog: vi.fn(), showMessageBoxSync: vi.fn(() => 1) },
    ipcMain,
    Menu: { buildFromTemplate: vi.fn((template: unknown[]) => template), setApplicationMenu: vi.fn((template: unknown[]) => (menu.template = template)) },
    safeStorage: { isAsyncEncryptionAvailable: vi.fn(async () => false), encryptStringAsync: vi.fn(), decryptStringAsync: vi.fn(), getSelectedStorageBackend: vi.fn(() => 'basic_text') },
    session: { defaultSession: session },
    protocol: {
      registerSchemesAsPrivileged: vi.fn((schemes: Array<{ scheme: string }>) => calls.push(`registerSchemesAsPrivileged:${schemes.map((s) => s.scheme).join(',')}`)),
      handle: vi.fn((scheme: string, handler: (request: Request) => Promise<Response>) => {
        calls.push(`handle:${scheme}`);
        protocolHandlers.set(scheme, handler);
      }),
    },
    shell: { openExternal: vi.fn(async () => undefined) },
  };
  return { electron: electron as unknown as ElectronApi, calls, appListeners, windows, session, ipcMain, menu, shell: electron.shell, protocol: electron.protocol, protocolHandlers };
}

const startOptions: StartOptions = {
  preloadPath: join(root, 'out/preload/index.cjs'),
  rendererDir,
  iconPath: join(root, 'assets/icon.png'),
  devServerUrl: undefined,
  platform: 'linux',
  arch: 'x64',
  versions: { ...process.versions, electron: '45.5.0', chrome: '142.0.0.0' },
};

describe('startContratsApp: the start-up main.ts runs', () => {
  it('enables the sandbox and registers app:// before ready, serves it after, and opens one secure window on it', async () => {
    const fake = fakeElectron();
    const window = await startContratsApp(fake.electron, startOptions);
    expect(fake.calls.slice(0, 4)).toEqual(['enableSandbox', 'registerSchemesAsPrivileged:app', 'ready', 'handle:app']);
    expect(fake.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([APP_SCHEME_PRIVILEGES]);
    expect(APP_SCHEME_PRIVILEGES.privileges).toEqual({ standard: true, secure: true, supportFetchAPI: true, codeCache: true });
    expect(fake.windows).toHaveLength(1);
    expect(window).toBe(fake.windows[0]);
    const created = fake.windows[0]!;
    expect(created.options).toEqual(buildMainWindowOptions({ preloadPath: startOptions.preloadPath, iconPath: startOptions.iconPath }));
    expect(created.loaded).toEqual({ url: 'app://contrats/index.html' });
    // The handler given to Electron answers from the renderer folder passed in, with the CSP header.
    const answer = await fake.protocolHandlers.get('app')!(new Request('app://contrats/index.html'));
    expect(answer.status).toBe(200);
    expect(await answer.text()).toBe(readFileSync(join(rendererDir, 'index.html'), 'utf8'));
    expect(answer.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('loads the dev server URL under electron-vite dev, with the dev-server policy', async () => {
    const fake = fakeElectron();
    await startContratsApp(fake.electron, { ...startOptions, devServerUrl: 'http://localhost:5173' });
    expect(fake.windows[0]!.loaded).toEqual({ url: 'http://localhost:5173' });
    // The scheme is still registered (only possible before ready) but serves nothing: the dev server does.
    expect(fake.protocol.handle).not.toHaveBeenCalled();
    const callback = vi.fn();
    fake.session.handlers.headers?.({ url: 'http://localhost:5173/', responseHeaders: {} }, callback);
    expect(callback).toHaveBeenCalledWith({ responseHeaders: { 'Content-Security-Policy': [DEV_SERVER_CONTENT_SECURITY_POLICY] } });
  });

  it('installs the navigation guards on every web contents created, with the app URL and the allow-list', async () => {
    const fake = fakeElectron();
    await startContratsApp(fake.electron, startOptions);
    const contents = fakeWebContents();
    fake.appListeners.get('web-contents-created')?.({}, contents);
    const foreign = navigationEvent('https://evil.example/');
    contents.emit('will-navigate', foreign);
    expect(foreign.preventDefault).toHaveBeenCalled();
    const own = navigationEvent(appPageUrl);
    contents.emit('will-navigate', own);
    expect(own.preventDefault).not.toHaveBeenCalled();
    const frame = navigationEvent('https://evil.example/', false);
    contents.emit('will-frame-navigate', frame);
    expect(frame.preventDefault).toHaveBeenCalled();
    const preview = navigationEvent('blob:app://contrats/6b1f0c1e', false);
    contents.emit('will-frame-navigate', preview);
    expect(preview.preventDefault).not.toHaveBeenCalled();
    const redirect = navigationEvent('https://evil.example/', true);
    contents.emit('will-redirect', redirect);
    expect(redirect.preventDefault).toHaveBeenCalled();
    expect(contents.openWindow('https://dokos.io/')).toEqual({ action: 'deny' });
    expect(contents.openWindow('https://evil.example/')).toEqual({ action: 'deny' });
    await vi.waitFor(() => expect(fake.shell.openExternal).toHaveBeenCalledWith('https://dokos.io/'));
    expect(fake.shell.openExternal).toHaveBeenCalledTimes(1);
  });

  it('installs the permission guards and the CSP header on the default session', async () => {
    const fake = fakeElectron();
    await startContratsApp(fake.electron, startOptions);
    const decision = vi.fn();
    fake.session.handlers.request?.({}, 'media', decision, {});
    expect(decision).toHaveBeenCalledWith(false);
    expect(fake.session.handlers.check?.({}, 'media', 'file://', {})).toBe(false);
    const headers = vi.fn();
    fake.session.handlers.headers?.({ url: 'http://127.0.0.1:8080/', responseHeaders: {} }, headers);
    expect(headers).toHaveBeenCalledWith({ responseHeaders: { 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });

  it('registers every contract channel behind the sender check, app:getInfo answering for the About dialog', async () => {
    const fake = fakeElectron();
    await startContratsApp(fake.electron, startOptions);
    expect([...fake.ipcMain.handlers.keys()].sort()).toEqual(Object.keys(ipcRequestSchemas).sort());
    const getInfo = fake.ipcMain.handlers.get('app:getInfo')!;
    await expect(getInfo(fromFrame(appPageUrl))).resolves.toEqual({
      name: 'Contrats',
      version: '0.1.0',
      platform: 'linux',
      arch: 'x64',
      electronVersion: '45.5.0',
      chromeVersion: '142.0.0.0',
      nodeVersion: process.versions.node,
    });
    await expect(getInfo(fromFrame('https://evil.example/'))).rejects.toThrow(/ne provient pas/);
  });

  it('refuses to store a secret where safeStorage would only obfuscate it', async () => {
    const fake = fakeElectron();
    await startContratsApp(fake.electron, startOptions);
    const status = await fake.ipcMain.handlers.get('secureStore:status')!(fromFrame(appPageUrl));
    expect(status).toMatchObject({ available: false, reason: expect.stringMatching(/trousseau/) });
    await expect(fake.ipcMain.handlers.get('secureStore:set')!(fromFrame(appPageUrl), { key: 'sync-token', value: 'secret' })).rejects.toThrow(/trousseau/);
  });

  it('sends the About command to the window from the Aide menu', async () => {
    const fake = fakeElectron();
    await startContratsApp(fake.electron, startOptions);
    const help = (fake.menu.template as Array<{ label: string; submenu: Array<{ label?: string; click?: () => void }> }>).find((item) => item.label === 'Aide');
    help?.submenu.find((item) => item.label === 'À propos de Contrats')?.click?.();
    expect(fake.windows[0]!.webContents.send).toHaveBeenCalledWith(MENU_COMMAND_CHANNEL, 'about');
  });

  it('asks before closing over unsaved changes: "Rester" keeps the window, "Quitter sans enregistrer" closes it', async () => {
    const fake = fakeElectron();
    await startContratsApp(fake.electron, startOptions);
    const contents = fake.windows[0]!.webContents;
    const refuse = { preventDefault: vi.fn() };
    contents.emit('will-prevent-unload', refuse);
    expect(fake.electron.dialog.showMessageBoxSync).toHaveBeenCalledWith(UNSAVED_CHANGES_BOX);
    expect(refuse.preventDefault).not.toHaveBeenCalled();
    vi.mocked(fake.electron.dialog.showMessageBoxSync).mockReturnValueOnce(0);
    const leave = { preventDefault: vi.fn() };
    contents.emit('will-prevent-unload', leave);
    expect(leave.preventDefault).toHaveBeenCalled();
  });

  it('keeps a single instance: a second launch quits and focuses the first window', async () => {
    const second = fakeElectron({ singleInstance: false });
    await expect(startContratsApp(second.electron, startOptions)).resolves.toBeNull();
    expect(second.calls).toEqual(['enableSandbox', 'quit']);
    expect(second.windows).toHaveLength(0);

    const first = fakeElectron();
    await startContratsApp(first.electron, startOptions);
    first.appListeners.get('second-instance')?.();
    expect(first.windows[0]!.focused).toBe(true);
  });

  it('is what main.ts runs, with the real electron module', () => {
    const source = readFileSync(join(root, 'src-main/main.ts'), 'utf8');
    expect(source).toMatch(/import \{ startContratsApp \} from '\.\/app';/);
    expect(source).toMatch(/import \{ app, BrowserWindow, dialog, ipcMain, Menu, protocol, safeStorage, session, shell \} from 'electron';/);
    expect(source).toMatch(/startContratsApp\(\s*\{ app, BrowserWindow, dialog, ipcMain, Menu, protocol, safeStorage, session, shell \}/);
    expect(source).toContain("join(here, '../preload/index.cjs')");
    expect(source).toContain('process.env.ELECTRON_RENDERER_URL');
  });
});
