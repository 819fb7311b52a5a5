import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { DEMO_TODAY, generateDemoPortfolio } from '../src-core/demo';
import { DEMO_SELLER_PROFILE, sellerProfileSchema, type SellerProfile } from '../src-core/settings';
import { userNamed, UserError } from './auth/users';
import { runAdminCommand, type AdminCommand } from './admin/admin-commands';
import { sendAdminCommand } from './admin/admin-socket';
import { SeedError, seedRecords, type SeedTables } from './seed';
import { startServer, type PlatformConfig } from './server';
import { DEFAULT_DISPUTE_REASON } from './einvoicing/simulator';
import type { Db } from './storage/db';
import { DataFolderLockedError } from './storage/data-folder-lock';
import { describeStorage, openStorage, storageFromEnv } from './storage/open-storage';

const USAGE = `Usage : npx tsx src-server/cli.ts <commande> [options]

  serve [--port 8787] [--host 127.0.0.1] [--data-dir .data/server] [--log-level info]
        [--rate-limit 1200] [--anonymous-rate-limit 120] [--trust-proxy <adresses|true>]
        [--cors-origin app://contrats,http://127.0.0.1:*,http://localhost:*]
        [--public-openapi] [--request-timeout 30] [--answer-retention-days 30]
        [--platform-url <url> | --platform-simulator] [--seller-profile vendeur.json]
        [--platform-interval 5] [--platform-retry 2] [--platform-lease 60] [--simulator-approve-after 2]
        [--ereporting-interval 900] [--simulator-unknown-sirens 512345675,…] [--simulator-disputing-sirens 404833048,…]
      --platform-url : service de flux (AFNOR XP Z12-013) de la plateforme agréée ; son jeton est lu
      dans CONTRATS_PLATFORM_TOKEN. --platform-simulator : une plateforme locale (démonstration, essais) ;
      elle rejette les factures des SIREN de --simulator-unknown-sirens (absents de l’annuaire) et
      met en litige celles des SIREN de --simulator-disputing-sirens (l’acheteur conteste).
      Chaque document émis pour un client français y est transmis une fois ; ses statuts reviennent
      sur les postes. Clients hors de France : e-reporting des mois clos (--ereporting-interval). --seller-profile : l’identité du vendeur (JSON, profil des Paramètres).
      --rate-limit : requêtes/minute par jeton valide ; --anonymous-rate-limit : par adresse,
      sans jeton valide (anonymes, jetons invalides, routes inconnues, pré-vérifications CORS).
      --trust-proxy : derrière un proxy inverse (TLS), adresses ou plages CIDR du proxy
      (séparées par des virgules), ou true ; l’adresse du client est alors lue dans X-Forwarded-For.
  create-user --name <nom> --role <admin|account_manager|ingest> [--display-name "Alice Martin"]
        [--password-stdin] [--data-dir …]
      avec un mot de passe (lu sur l’entrée standard avec --password-stdin, ou dans la
      variable CONTRATS_PASSWORD ; 10 caractères au moins), la personne se connecte
      depuis son poste avec son nom et son mot de passe ; le poste reçoit son propre jeton
  set-password --user <nom> [--password-stdin] [--data-dir …]
      nouveau mot de passe (oubli) ; lève aussi un verrouillage après échecs répétés
  create-token --user <nom> [--data-dir …]
  list-tokens --user <nom> [--data-dir …]
      les jetons de l’utilisateur, poste par poste (jamais leur valeur)
  revoke-device --user <nom> --device <identifiant du poste> [--data-dir …]
      révoque les jetons d’un seul poste (perdu ou volé) ; les autres postes continuent
  revoke-tokens --user <nom> [--data-dir …]
      révoque tous les jetons de l’utilisateur ; il se reconnecte ensuite depuis chaque poste
  seed-demo --user <nom> [--clients 1000] [--seed 2026] [--from-json portefeuille.json] [--data-dir …]
      écrit d’un bloc le portefeuille de démonstration (ou le fichier JSON du banc
      d’essai, factures comprises) comme autant de créations de l’utilisateur --user

Stockage : PostgreSQL si DATABASE_URL est défini, sinon PostgreSQL embarqué (PGlite)
dans --data-dir. Un dossier de données embarqué appartient à un seul processus à la
fois (verrou contrats.lock) : serveur lancé, create-user, create-token et
revoke-tokens passent par lui (prise admin.sock du dossier) et valent dès la requête
suivante ; seed-demo et un second serve refusent, sans rien écrire. Sur PostgreSQL,
toutes s’appliquent serveur lancé.`;

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    port: { type: 'string' },
    host: { type: 'string' },
    'data-dir': { type: 'string' },
    'rate-limit': { type: 'string' },
    'anonymous-rate-limit': { type: 'string' },
    'trust-proxy': { type: 'string' },
    'cors-origin': { type: 'string' },
    'public-openapi': { type: 'boolean' },
    'request-timeout': { type: 'string' },
    'answer-retention-days': { type: 'string' },
    'log-level': { type: 'string' },
    'platform-url': { type: 'string' },
    'platform-simulator': { type: 'boolean' },
    'platform-interval': { type: 'string' },
    'platform-retry': { type: 'string' },
    'platform-lease': { type: 'string' },
    'simulator-approve-after': { type: 'string' },
    'ereporting-interval': { type: 'string' },
    'simulator-unknown-sirens': { type: 'string' },
    'simulator-disputing-sirens': { type: 'string' },
    'seller-profile': { type: 'string' },
    name: { type: 'string' },
    role: { type: 'string' },
    'display-name': { type: 'string' },
    'password-stdin': { type: 'boolean' },
    device: { type: 'string' },
    user: { type: 'string' },
    clients: { type: 'string' },
    seed: { type: 'string' },
    'from-json': { type: 'string' },
  },
});
const storage = storageFromEnv(process.env, values['data-dir']);

async function serve(): Promise<void> {
  const server = await startServer({
    storage,
    port: Number(values.port ?? 8787),
    host: values.host ?? '127.0.0.1',
    rateLimitPerMinute: positiveNumber('rate-limit'),
    anonymousRateLimitPerMinute: positiveNumber('anonymous-rate-limit'),
    trustProxy: values['trust-proxy'] === undefined ? undefined : values['trust-proxy'] === 'true' || values['trust-proxy'],
    allowedOrigins: values['cors-origin']?.split(',').map((origin) => origin.trim()).filter(Boolean),
    publicOpenApi: values['public-openapi'],
    requestTimeoutMs: seconds('request-timeout'),
    answerRetentionDays: positiveNumber('answer-retention-days'),
    logger: { level: values['log-level'] ?? 'info' },
    ...(await platformConfig()),
  });
  // Tests and scripts read this line to find the port chosen with --port 0.
  console.log(`Serveur Contrats à l’écoute sur ${server.url} — stockage ${describeStorage(storage)}`);
  if (server.simulator) console.log(`Plateforme agréée simulée sur ${server.simulator.url}`);
  const stop = async (signal: string) => {
    console.log(`${signal} reçu : arrêt du serveur…`);
    await server.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

/** The approved platform of --platform-url (token from the environment, never on the command line) or --platform-simulator. */
async function platformConfig(): Promise<{ platform?: PlatformConfig }> {
  const url = values['platform-url'];
  if (!url && !values['platform-simulator']) return {};
  if (url && values['platform-simulator']) throw new UserError('--platform-url et --platform-simulator s’excluent : choisissez l’un des deux.');
  const file = values['seller-profile'];
  let seller: SellerProfile = DEMO_SELLER_PROFILE;
  if (file) {
    const parsed = sellerProfileSchema.safeParse(JSON.parse(await readFile(file, 'utf8')));
    if (!parsed.success) throw new UserError(`--seller-profile ${file} invalide : ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join(' ; ')}`);
    seller = parsed.data;
  } else console.log('Profil vendeur de démonstration (DOKOS SAS) : passez --seller-profile pour le vôtre.');
  const pacing = {
    seller,
    intervalMs: seconds('platform-interval'),
    retryBaseMs: seconds('platform-retry'),
    leaseMs: seconds('platform-lease'),
    eReportingIntervalMs: seconds('ereporting-interval'),
  };
  if (url) {
    const token = process.env.CONTRATS_PLATFORM_TOKEN;
    if (!token) throw new UserError('--platform-url demande le jeton de la plateforme dans la variable CONTRATS_PLATFORM_TOKEN.');
    return { platform: { ...pacing, connection: { baseUrl: url, token } } };
  }
  const sirens = (option: 'simulator-unknown-sirens' | 'simulator-disputing-sirens') => values[option]?.split(',').map((siren) => siren.trim()).filter(Boolean);
  const unknown = sirens('simulator-unknown-sirens');
  const disputing = sirens('simulator-disputing-sirens');
  return {
    platform: {
      ...pacing,
      simulator: {
        approveAfterMs: seconds('simulator-approve-after'),
        ...(unknown ? { unknownBuyers: new Set(unknown) } : {}),
        ...(disputing ? { disputingBuyers: new Map(disputing.map((siren) => [siren, DEFAULT_DISPUTE_REASON])) } : {}),
      },
    },
  };
}

/** A numeric option, refused in French when it is not a positive number. */
function positiveNumber(option: keyof typeof values): number | undefined {
  const text = values[option];
  if (text === undefined) return undefined;
  const value = Number(text);
  if (typeof text !== 'string' || !Number.isFinite(value) || value <= 0) throw new UserError(`--${option} attend un nombre positif (reçu « ${String(text)} »).`);
  return value;
}

function seconds(option: keyof typeof values): number | undefined {
  const value = positiveNumber(option);
  return value === undefined ? undefined : value * 1000;
}

/** Opens the storage for one command and closes it (an embedded data folder owned by a running server: refused). */
async function withStorage<T>(run: (db: Db) => Promise<T>): Promise<T> {
  const db = await openStorage(storage);
  try {
    return await run(db);
  } finally {
    await db.close();
  }
}

/**
 * Runs a user command: through the server that owns the embedded data
 * folder when one runs (admin socket), on the storage otherwise (PostgreSQL:
 * alongside a running server; embedded: the folder's lock refuses if some
 * other command holds it). The token is printed once and never stored.
 */
async function userCommand(command: AdminCommand): Promise<void> {
  const viaServer = 'dataDir' in storage ? await sendAdminCommand(storage.dataDir, command) : undefined;
  const answer = viaServer ?? (await withStorage((db) => runAdminCommand(db, command)));
  if (!answer.ok) throw new UserError(answer.message);
  const by = viaServer ? ' (par le serveur en cours d’exécution)' : '';
  if (answer.tokens) {
    console.log(`Utilisateur ${answer.user.name} : ${answer.tokens.length} jeton(s)${by}`);
    for (const token of answer.tokens) {
      const device = token.deviceId ? `poste ${token.deviceId}` : 'jeton de la ligne de commande';
      console.log(`  ${device} — créé le ${token.createdAt}${token.revokedAt ? ` — révoqué le ${token.revokedAt}` : ' — valide'}`);
    }
    return;
  }
  if (command.command === 'set-password') {
    console.log(`Utilisateur ${answer.user.name} : mot de passe enregistré${by} ; il peut se connecter depuis son poste.`);
    return;
  }
  if (answer.revoked !== undefined) {
    console.log(`Utilisateur ${answer.user.name} : ${answer.revoked} jeton(s) révoqué(s)${by} ; ils sont refusés dès maintenant.`);
    return;
  }
  if (answer.passwordSet) console.log(`Utilisateur ${answer.user.name} (${answer.user.role})${by} : il se connecte depuis son poste avec son nom et son mot de passe.`);
  console.log(`Utilisateur ${answer.user.name} (${answer.user.role})${by} — jeton à conserver, il ne sera plus affiché :`);
  console.log(answer.token);
}

/** Bulk seed (src-server/seed.ts): the demo generator's portfolio, or a JSON file of records by entity. */
async function seedDemo(userName: string): Promise<void> {
  const file = values['from-json'];
  const tables: SeedTables = file
    ? (JSON.parse(await readFile(file, 'utf8')) as SeedTables)
    : (generateDemoPortfolio({ seed: Number(values.seed ?? 2026), clients: Number(values.clients ?? 1000), today: DEMO_TODAY }) as unknown as SeedTables);
  await withStorage(async (db) => {
    const user = await userNamed(db, userName);
    const started = performance.now();
    const result = await seedRecords(db, user.id, tables);
    const counts = Object.entries(result.byEntity).map(([entity, n]) => `${entity} ${n}`).join(', ');
    console.log(`${result.records} enregistrements semés en ${Math.round(performance.now() - started)} ms (${counts}) ; séquence ${result.lastSeq}.`);
  });
}

/**
 * The password never appears on the command line (shell history, `ps`):
 * read from standard input with --password-stdin, or from CONTRATS_PASSWORD.
 */
async function readPassword(): Promise<string | undefined> {
  if (values['password-stdin']) {
    let input = '';
    for await (const chunk of process.stdin) input += String(chunk);
    return input.replace(/\r?\n$/, '');
  }
  return process.env.CONTRATS_PASSWORD || undefined;
}

async function main(): Promise<void> {
  const { name, role, user, device } = values;
  switch (positionals[0]) {
    case 'serve':
      return serve();
    case 'create-user':
      if (!name || !role) throw new UserError('create-user demande --name et --role.');
      return userCommand({ command: 'create-user', name, role, displayName: values['display-name'], password: await readPassword() });
    case 'set-password': {
      if (!user) throw new UserError('set-password demande --user.');
      const password = await readPassword();
      if (password === undefined) throw new UserError('set-password lit le mot de passe sur l’entrée standard (--password-stdin) ou dans CONTRATS_PASSWORD.');
      return userCommand({ command: 'set-password', user, password });
    }
    case 'list-tokens':
      if (!user) throw new UserError('list-tokens demande --user.');
      return userCommand({ command: 'list-tokens', user });
    case 'revoke-device':
      if (!user || !device) throw new UserError('revoke-device demande --user et --device.');
      return userCommand({ command: 'revoke-device', user, device });
    case 'create-token':
      if (!user) throw new UserError('create-token demande --user.');
      return userCommand({ command: 'create-token', user });
    case 'revoke-tokens':
      if (!user) throw new UserError('revoke-tokens demande --user.');
      return userCommand({ command: 'revoke-tokens', user });
    case 'seed-demo':
      if (!user) throw new UserError('seed-demo demande --user (l’auteur des créations dans le journal).');
      return seedDemo(user);
    default:
      console.log(USAGE);
      process.exitCode = positionals[0] ? 1 : 0;
  }
}

main().catch((error: unknown) => {
  const known = error instanceof UserError || error instanceof SeedError || error instanceof DataFolderLockedError;
  console.error(known ? error.message : error);
  process.exit(1);
});
