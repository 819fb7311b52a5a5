import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import type { RendererTarget } from './app-url';
import { buildMainWindowOptions } from './window-options';

export type MainWindow = Pick<BrowserWindow, 'once' | 'on' | 'show' | 'focus' | 'restore' | 'isMinimized' | 'loadURL' | 'webContents'>;

export interface MainWindowDeps {
  BrowserWindow: new (options: BrowserWindowConstructorOptions) => MainWindow;
  target: RendererTarget;
  preloadPath: string;
  iconPath: string;
  /**
   * Asked when the page refuses to unload (a form with unsaved changes,
   * `beforeunload`): true to close or reload anyway. Electron would otherwise
   * keep the window open without a word.
   */
  confirmLeave: () => boolean;
}

/** The app's one window, built with the secure options and pointed at the renderer. */
export function createMainWindow(deps: MainWindowDeps): MainWindow {
  const window = new deps.BrowserWindow(buildMainWindowOptions({ preloadPath: deps.preloadPath, iconPath: deps.iconPath }));
  window.once('ready-to-show', () => window.show());
  window.webContents.on('will-prevent-unload', (event) => {
    if (deps.confirmLeave()) event.preventDefault();
  });
  const loading = window.loadURL(deps.target.kind === 'dev' ? deps.target.url : deps.target.indexUrl);
  loading.catch((error: unknown) => console.error("Chargement de l'interface impossible", error));
  return window;
}
