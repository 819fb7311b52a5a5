import { join } from 'node:path';
import type { App, BrowserWindow, BrowserWindowConstructorOptions, Dialog, IpcMain, Menu, Protocol, Session, Shell, WebContents } from 'electron';
import { readAppInfo } from './app-info';
import { registerAppScheme, serveAppProtocol } from './app-protocol';
import { isAppFrameUrl, isAppUrl, resolveRendererTarget } from './app-url';
import { CONTENT_SECURITY_POLICY, DEV_SERVER_CONTENT_SECURITY_POLICY, installCspHeader } from './csp';
import { createDocumentService, type PrintWindow } from './documents';
import { openAllowedExternal } from './external-links';
import { installNavigationGuards, installPermissionGuards } from './guards';
import { MENU_COMMAND_CHANNEL } from './ipc-contract';
import { registerIpcHandlers } from './ipc-handlers';
import { createMainWindow, type MainWindow } from './main-window';
import { buildMenuTemplate } from './menu';
import { createSecureStore, type SafeStorageLike } from './secure-store';
import { buildPrintWindowOptions } from './window-options';

/**
 * The parts of the `electron` module the app uses, passed in rather than imported
 * so that tests run this exact start-up with fakes (electron cannot load in node).
 */
export interface ElectronApi {
  app: Pick<App, 'enableSandbox' | 'requestSingleInstanceLock' | 'quit' | 'on' | 'whenReady' | 'isPackaged' | 'getName' | 'getVersion' | 'getPath'>;
  BrowserWindow: {
    new (options: BrowserWindowConstructorOptions): MainWindow & PrintWindow;
    fromWebContents(contents: WebContents): BrowserWindow | null;
  };
  dialog: Pick<Dialog, 'showSaveDialog' | 'showOpenDialog' | 'showMessageBoxSync'>;
  ipcMain: Pick<IpcMain, 'handle'>;
  Menu: Pick<typeof Menu, 'buildFromTemplate' | 'setApplicationMenu'>;
  protocol: Pick<Protocol, 'registerSchemesAsPrivileged' | 'handle'>;
  safeStorage: SafeStorageLike;
  session: { defaultSession: Pick<Session, 'webRequest' | 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'> };
  shell: Pick<Shell, 'openExternal'>;
}

/** The question asked when the window is closed or reloaded over unsaved changes (button 0 leaves). */
export const UNSAVED_CHANGES_BOX = {
  type: 'warning' as const,
  title: 'Modifications non enregistrées',
  message: 'Vous avez modifié un formulaire sans l’enregistrer.',
  detail: 'Si vous quittez, ces modifications seront perdues.',
  buttons: ['Quitter sans enregistrer', 'Rester'],
  defaultId: 1,
  cancelId: 1,
};

export interface StartOptions {
  /** Built preload (CommonJS: sandboxed preloads cannot be ES modules). */
  preloadPath: string;
  /** Folder of the built renderer, served as app://contrats/ (index.html is loaded). */
  rendererDir: string;
  iconPath: string;
  /** ELECTRON_RENDERER_URL, set by `electron-vite dev`. */
  devServerUrl: string | undefined;
  platform: NodeJS.Platform;
  versions: NodeJS.ProcessVersions;
  arch: NodeJS.Architecture;
}

/**
 * Starts the app: sandbox everywhere, one instance, the app:// scheme, guards on
 * every web contents and on the session, the IPC surface, the French menu, then
 * the main window.
 * Resolves with the main window, or null when another instance already runs.
 */
export async function startContratsApp(electron: ElectronApi, options: StartOptions): Promise<MainWindow | null> {
  const { app } = electron;
  // Before 'ready': from here on every renderer is sandboxed, whatever its options say.
  app.enableSandbox();
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return null;
  }
  // Also before 'ready' (Electron refuses it later): app:// becomes a standard, secure origin.
  registerAppScheme(electron.protocol);

  const target = resolveRendererTarget({ devServerUrl: options.devServerUrl, rendererDir: options.rendererDir });
  const isOwnPage = (url: string) => isAppUrl(target, url);
  const isOwnFrame = (url: string) => isAppFrameUrl(target, url);
  const openExternal = (url: string) => openAllowedExternal(electron.shell, url);
  let mainWindow: MainWindow | null = null;

  // Every web contents, including ones created later (print window), gets the guards.
  app.on('web-contents-created', (_event, contents) => installNavigationGuards(contents, { isAppUrl: isOwnPage, isAppFrameUrl: isOwnFrame, openExternal }));
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => {
    if (options.platform !== 'darwin') app.quit();
  });

  await app.whenReady();
  if (target.kind === 'app') serveAppProtocol(electron.protocol, target.rootDir);

  const { defaultSession } = electron.session;
  installPermissionGuards(defaultSession);
  installCspHeader(defaultSession, target.kind === 'dev' ? DEV_SERVER_CONTENT_SECURITY_POLICY : CONTENT_SECURITY_POLICY);

  registerIpcHandlers({
    ipcMain: electron.ipcMain,
    senderCheck: { isTrustedSenderUrl: isOwnPage },
    appInfo: () => readAppInfo(app, { platform: options.platform, arch: options.arch, versions: options.versions }),
    documents: createDocumentService({
      dialog: electron.dialog,
      documentsFolder: () => app.getPath('documents'),
      tempFolder: () => app.getPath('temp'),
      createPrintWindow: (title) => new electron.BrowserWindow(buildPrintWindowOptions(title)),
    }),
    secureStore: createSecureStore({ safeStorage: electron.safeStorage, filePath: join(app.getPath('userData'), 'secrets.json'), platform: options.platform }),
    openExternal,
    windowOf: (event) => electron.BrowserWindow.fromWebContents(event.sender) ?? undefined,
  });

  electron.Menu.setApplicationMenu(
    electron.Menu.buildFromTemplate(
      buildMenuTemplate({
        isPackaged: app.isPackaged,
        platform: options.platform,
        sendMenuCommand: (command) => mainWindow?.webContents.send(MENU_COMMAND_CHANNEL, command),
        openExternal: (url) => void openExternal(url),
      }),
    ),
  );

  const openMainWindow = (): MainWindow => {
    const window = createMainWindow({
      BrowserWindow: electron.BrowserWindow, target, preloadPath: options.preloadPath, iconPath: options.iconPath,
      confirmLeave: () => electron.dialog.showMessageBoxSync(UNSAVED_CHANGES_BOX) === 0,
    });
    window.on('closed', () => {
      mainWindow = null;
    });
    mainWindow = window;
    return window;
  };
  // macOS keeps the app alive without windows; clicking the dock icon reopens one.
  app.on('activate', () => {
    if (!mainWindow) openMainWindow();
  });
  return openMainWindow();
}
