import { parseArgs } from 'node:util';
import { createTokenFor, createUser, UserError } from './auth/users';
import { startServer } from './server';
import type { Queryable } from './storage/db';
import { describeStorage, openStorage, storageFromEnv } from './storage/open-storage';

const USAGE = `Usage : npx tsx src-server/cli.ts <commande> [options]

  serve [--port 8787] [--host 127.0.0.1] [--data-dir .data/server] [--rate-limit 1200] [--log-level info]
  create-user --name <nom> --role <admin|account_manager|ingest> [--data-dir …]
  create-token --user <nom> [--data-dir …]

Stockage : PostgreSQL si DATABASE_URL est défini, sinon PostgreSQL embarqué (PGlite)
dans --data-dir. Avec le stockage embarqué, arrêtez le serveur avant create-user /
create-token (un seul processus à la fois sur un dossier de données).`;

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    port: { type: 'string' },
    host: { type: 'string' },
    'data-dir': { type: 'string' },
    'rate-limit': { type: 'string' },
    'log-level': { type: 'string' },
    name: { type: 'string' },
    role: { type: 'string' },
    user: { type: 'string' },
  },
});
const storage = storageFromEnv(process.env, values['data-dir']);

async function serve(): Promise<void> {
  const server = await startServer({
    storage,
    port: Number(values.port ?? 8787),
    host: values.host ?? '127.0.0.1',
    rateLimitPerMinute: values['rate-limit'] ? Number(values['rate-limit']) : undefined,
    logger: { level: values['log-level'] ?? 'info' },
  });
  // Tests and scripts read this line to find the port chosen with --port 0.
  console.log(`Serveur Contrats à l’écoute sur ${server.url} — stockage ${describeStorage(storage)}`);
  const stop = async (signal: string) => {
    console.log(`${signal} reçu : arrêt du serveur…`);
    await server.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

/** Opens the storage, runs one user command, closes it; the token is printed once and never stored. */
async function withUsers(run: (tx: Queryable) => Promise<{ user: { name: string; role: string }; token: string }>): Promise<void> {
  const db = await openStorage(storage);
  try {
    const { user, token } = await db.transaction(run);
    console.log(`Utilisateur ${user.name} (${user.role}) — jeton à conserver, il ne sera plus affiché :`);
    console.log(token);
  } finally {
    await db.close();
  }
}

async function main(): Promise<void> {
  const { name, role, user } = values;
  switch (positionals[0]) {
    case 'serve':
      return serve();
    case 'create-user':
      if (!name || !role) throw new UserError('create-user demande --name et --role.');
      return withUsers((tx) => createUser(tx, name, role));
    case 'create-token':
      if (!user) throw new UserError('create-token demande --user.');
      return withUsers((tx) => createTokenFor(tx, user));
    default:
      console.log(USAGE);
      process.exitCode = positionals[0] ? 1 : 0;
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof UserError ? error.message : error);
  process.exit(1);
});
