import type { App } from 'electron';
import type { AppInfo } from './ipc-contract';

/** What the "À propos" dialog shows; the name and version come from package.json via Electron. */
export function readAppInfo(app: Pick<App, 'getName' | 'getVersion'>, proc: Pick<NodeJS.Process, 'platform' | 'arch' | 'versions'>): AppInfo {
  return {
    name: app.getName(),
    version: app.getVersion(),
    platform: proc.platform,
    arch: proc.arch,
    electronVersion: proc.versions.electron ?? '',
    chromeVersion: proc.versions.chrome ?? '',
    nodeVersion: proc.versions.node,
  };
}
