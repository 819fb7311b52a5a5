import { access, unlink } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import type { Db } from '../storage/db';
import { describeError } from '../http/log-redaction';
import { ADMIN_COMMANDS, runAdminCommand, type AdminAnswer, type AdminCommand } from './admin-commands';

/** In the data folder: whoever may read the folder may administer the server that owns it. */
const SOCKET_FILE = 'admin.sock';
/** Unix socket paths are limited to about 100 bytes: beyond, no socket (the CLI then refuses, folder locked). */
const MAX_SOCKET_PATH = 100;

function socketPath(dataDir: string): string | undefined {
  const file = path.join(dataDir, SOCKET_FILE);
  return Buffer.byteLength(file) <= MAX_SOCKET_PATH ? file : undefined;
}

/**
 * The server owning an embedded data folder (data-folder-lock) runs the
 * CLI's user commands for it, through a Unix socket only its OS user can
 * open (mode 0600): `revoke-tokens` run while the server is up is in force
 * from the next request, instead of being refused. Resolves with the
 * function that closes the socket.
 */
export async function listenAdminSocket(db: Db, dataDir: string, logError: (failure: unknown) => void): Promise<() => Promise<void>> {
  const file = socketPath(dataDir);
  if (!file) return async () => undefined;
  // We hold the folder's lock: a socket file left there is a dead server's.
  await unlink(file).catch(() => undefined);
  const server = http.createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (body += chunk));
    request.on('end', () => {
      void answer(db, body)
        .catch((error: unknown): AdminAnswer => {
          logError(describeError(error));
          return { ok: false, message: 'Erreur interne du serveur.' };
        })
        .then((result) => response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(result)));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ path: file, readableAll: false, writableAll: false }, resolve);
  });
  return () => new Promise<void>((resolve) => server.close(() => resolve()));
}

async function answer(db: Db, body: string): Promise<AdminAnswer> {
  const command = JSON.parse(body) as AdminCommand;
  if (!ADMIN_COMMANDS.has(command.command)) return { ok: false, message: `Commande inconnue « ${String(command.command)} ».` };
  return runAdminCommand(db, command);
}

/** Sends a command to the server owning `dataDir`; undefined when none listens there (the CLI then opens the storage itself). */
export async function sendAdminCommand(dataDir: string, command: AdminCommand): Promise<AdminAnswer | undefined> {
  const file = socketPath(dataDir);
  if (!file || !(await access(file).then(() => true, () => false))) return undefined;
  return new Promise((resolve, reject) => {
    const request = http.request({ socketPath: file, path: '/', method: 'POST', headers: { 'content-type': 'application/json' } }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => resolve(JSON.parse(text) as AdminAnswer));
    });
    // No server behind the file (killed): the storage's own lock decides.
    request.on('error', (error: NodeJS.ErrnoException) => (error.code === 'ECONNREFUSED' || error.code === 'ENOENT' ? resolve(undefined) : reject(error)));
    request.end(JSON.stringify(command));
  });
}
