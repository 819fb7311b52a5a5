import { findElectronBinary, SKIP_REASON } from './electron-binary';

/** Says once, in the runner's output, why the Electron tests are about to be skipped. */
export default function globalSetup(): void {
  const electron = findElectronBinary();
  if (!electron.found) console.log(`\n${electron.explanation}\n\n${SKIP_REASON}\n`);
}
