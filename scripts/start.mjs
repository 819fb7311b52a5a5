#!/usr/bin/env node
/**
 * `npm start`: build the app and open it in Electron — but first make sure the
 * Electron binary is really there. The `electron` npm package ships without it
 * (since Electron 45 it is fetched on first launch, which this script does
 * openly); where it cannot be fetched, say so before building anything.
 *
 *   node scripts/start.mjs                  build (electron-vite), then launch
 *   node scripts/start.mjs --electron-path  print the binary's path (exit 0) or why it is missing (exit 1)
 *
 * CONTRATS_ELECTRON_PATH overrides the binary's location (tests, custom installs).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(projectRoot, 'package.json'));

/** What node_modules/electron/install.js would write into path.txt. */
const EXECUTABLE_BY_PLATFORM = { darwin: 'Electron.app/Contents/MacOS/Electron', win32: 'electron.exe', linux: 'electron', freebsd: 'electron', openbsd: 'electron' };

/**
 * Where the Electron binary is, resolved the way node_modules/electron/index.js
 * does (path.txt → dist/<executable>) but WITHOUT its fallback: requiring that
 * module starts a download when the binary is absent.
 */
function locateElectron(env) {
  if (env.CONTRATS_ELECTRON_PATH) {
    return { path: env.CONTRATS_ELECTRON_PATH, found: existsSync(env.CONTRATS_ELECTRON_PATH) };
  }
  let packageDir;
  try {
    packageDir = dirname(require.resolve('electron/package.json'));
  } catch {
    return { path: 'node_modules/electron', found: false };
  }
  const pathFile = join(packageDir, 'path.txt');
  // path.txt is written only after a successful download and extraction.
  if (!existsSync(pathFile)) return { path: join(packageDir, 'dist', EXECUTABLE_BY_PLATFORM[process.platform] ?? 'electron'), found: false };
  const executable = readFileSync(pathFile, 'utf8');
  const binary = env.ELECTRON_OVERRIDE_DIST_PATH ? join(env.ELECTRON_OVERRIDE_DIST_PATH, executable) : join(packageDir, 'dist', executable);
  return { path: binary, found: existsSync(binary) };
}

function explainMissing(expectedPath) {
  return `
Contrats ne peut pas démarrer : le binaire Electron est absent.
  Attendu ici : ${expectedPath}
  Le paquet npm « electron » est installé, mais pas le programme Electron lui-même
  (installation avec ELECTRON_SKIP_BINARY_DOWNLOAD=1, ou sans accès au serveur de
  téléchargement d'Electron).
  Pour l'obtenir, sur une machine qui a accès au réseau :
    npx install-electron           (télécharge le binaire dans node_modules/electron)
    ou réinstallez : npm install   (sans ELECTRON_SKIP_BINARY_DOWNLOAD)
  En attendant, la même application fonctionne dans un navigateur : npm run web

Contrats cannot start: the Electron binary is missing (expected at ${expectedPath}).
  Get it on a machine with network access to Electron's download server:
  \`npx install-electron\`, or reinstall without ELECTRON_SKIP_BINARY_DOWNLOAD.
  Meanwhile \`npm run web\` runs the same app in a browser.
`;
}

function runElectronVite(args, electronPath) {
  const cli = join(dirname(require.resolve('electron-vite/package.json')), 'bin', 'electron-vite.js');
  // electron-vite reads ELECTRON_EXEC_PATH before looking in node_modules itself.
  const result = spawnSync(process.execPath, [cli, ...args], { cwd: projectRoot, stdio: 'inherit', env: { ...process.env, ELECTRON_EXEC_PATH: electronPath } });
  return result.status ?? 1;
}

/**
 * Electron 45 and later fetch their binary on first launch rather than at
 * install: do that fetch here (the package's own install.js), so that
 * `npm install && npm start` opens the app on a connected machine. Where it
 * cannot be fetched (no access to Electron's download server) it fails within
 * seconds and the caller explains what to do. A path set by hand is never
 * replaced by a download.
 */
function fetchOnFirstLaunch(electron) {
  if (process.env.CONTRATS_ELECTRON_PATH) return electron;
  let installer;
  try {
    installer = join(dirname(require.resolve('electron/package.json')), 'install.js');
  } catch {
    return electron;
  }
  console.log('Premier lancement : téléchargement du binaire Electron…');
  const result = spawnSync(process.execPath, [installer], { cwd: projectRoot, stdio: ['ignore', 'inherit', 'pipe'], encoding: 'utf8' });
  if (result.status !== 0) {
    // The downloader's stack trace says little to a person; its first line says why.
    const reason = (result.stderr ?? '').split('\n').find((line) => line.trim()) ?? `code ${result.status}`;
    console.error(`Téléchargement impossible : ${reason.trim()}`);
  }
  return locateElectron(process.env);
}

function main() {
  const electron = locateElectron(process.env);
  if (process.argv.includes('--electron-path')) {
    if (electron.found) console.log(electron.path);
    else console.error(explainMissing(electron.path));
    return electron.found ? 0 : 1;
  }
  const ready = electron.found ? electron : fetchOnFirstLaunch(electron);
  if (!ready.found) {
    console.error(explainMissing(ready.path));
    return 1;
  }
  // `preview` builds main, preload and renderer, then launches Electron on the result.
  return runElectronVite(['preview'], ready.path);
}

process.exitCode = main();
