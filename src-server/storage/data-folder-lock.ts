import { mkdir, open, readFile, unlink } from 'node:fs/promises';
import path from 'node:path';

/** Next to PostgreSQL's own files in the data folder: whoever holds it owns the folder. */
const LOCK_FILE = 'contrats.lock';

/** A second process wanted a data folder some live process owns. */
export class DataFolderLockedError extends Error {}

interface Holder {
  pid: number;
  command: string;
  since: string;
}

/**
 * The embedded engine keeps the database in the memory of the process that
 * opened it and writes its own copy back: a second process on the same
 * folder (a CLI command while the server runs) has its writes silently lost.
 * So one process at a time owns a folder, through an exclusively created lock
 * file naming it. A lock left by a dead process (kill -9, power cut) is taken
 * over. Resolves with the function that releases it.
 */
export async function lockDataFolder(dataDir: string): Promise<() => Promise<void>> {
  await mkdir(dataDir, { recursive: true });
  const file = path.join(dataDir, LOCK_FILE);
  const me: Holder = { pid: process.pid, command: process.argv.slice(2, 3).join(' ') || 'node', since: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(file, 'wx', 0o600);
      await handle.writeFile(JSON.stringify(me));
      await handle.close();
      return async () => {
        if ((await readHolder(file))?.pid === process.pid) await unlink(file).catch(() => undefined);
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = await readHolder(file);
      if (holder && isAlive(holder.pid)) throw lockedBy(dataDir, holder);
      // Left by a process that no longer runs (or half written by one that died creating it).
      await unlink(file).catch(() => undefined);
    }
  }
  throw new DataFolderLockedError(`Le dossier de données ${dataDir} est verrouillé par un autre processus qui vient de le prendre : réessayez.`);
}

async function readHolder(file: string): Promise<Holder | undefined> {
  try {
    const parsed = JSON.parse(await readFile(file, 'utf8')) as Partial<Holder>;
    return typeof parsed.pid === 'number' ? { pid: parsed.pid, command: String(parsed.command ?? ''), since: String(parsed.since ?? '') } : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function lockedBy(dataDir: string, holder: Holder): DataFolderLockedError {
  const what = holder.command === 'serve' ? 'le serveur' : `la commande « ${holder.command} »`;
  return new DataFolderLockedError(
    `Le dossier de données ${dataDir} est utilisé par ${what} (processus ${holder.pid}, depuis ${holder.since}) : ` +
      'un seul processus à la fois sur un stockage embarqué, sinon ses écritures seraient perdues. ' +
      'Arrêtez d’abord ce processus (serveur lancé, create-user, create-token et revoke-tokens passent par lui).',
  );
}
