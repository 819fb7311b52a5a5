/**
 * Electron entry point (built to out/main/index.js). All behaviour lives in
 * startContratsApp, which tests drive with fakes; this file only wires the real
 * electron module and the built files' locations.
 */
import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, safeStorage, session, shell } from 'electron';
import { startContratsApp } from './app';

// out/main → the sibling out/preload and out/renderer folders.
const here = import.meta.dirname;

startContratsApp(
  { app, BrowserWindow, dialog, ipcMain, Menu, protocol, safeStorage, session, shell },
  {
    preloadPath: join(here, '../preload/index.cjs'),
    rendererDir: join(here, '../renderer'),
    iconPath: join(app.getAppPath(), 'assets/icon.png'),
    devServerUrl: process.env.ELECTRON_RENDERER_URL,
    platform: process.platform,
    arch: process.arch,
    versions: process.versions,
  },
).catch((error: unknown) => {
  console.error('Démarrage de Contrats impossible', error);
  app.exit(1);
});
