import { createBrowserPlatform } from './browser';
import { createElectronPlatform, hasElectronBridge } from './electron';
import type { Platform } from './types';

export type * from './types';

/** Chosen once at start-up: the preload bridge exists only inside Electron. */
export const platform: Platform = hasElectronBridge() ? createElectronPlatform() : createBrowserPlatform();
