import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';

/**
 * The renderer is treated as untrusted web content: isolated from the preload's
 * world, sandboxed, without Node, with the same-origin policy on and no
 * <webview>. Every window the app opens gets these.
 */
export const SECURE_WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  experimentalFeatures: false,
} as const satisfies WebPreferences;

export const APP_TITLE = 'Contrats';

export function buildMainWindowOptions(options: { preloadPath: string; iconPath: string }): BrowserWindowConstructorOptions {
  return {
    title: APP_TITLE,
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 600,
    icon: options.iconPath,
    // Shown on 'ready-to-show' so the user never sees an empty white frame.
    show: false,
    webPreferences: { ...SECURE_WEB_PREFERENCES, preload: options.preloadPath },
  };
}

/** An invisible window that only hosts Chromium's PDF viewer for printing: no preload, no bridge. */
export function buildPrintWindowOptions(title: string): BrowserWindowConstructorOptions {
  return {
    title,
    show: false,
    // The PDF viewer is a plugin; without it the PDF would download instead of render.
    webPreferences: { ...SECURE_WEB_PREFERENCES, plugins: true },
  };
}
