import { randomUUID } from 'node:crypto';
import { apiRoleSchema, type ApiRole } from '../../src-core/sync';
import { message, messageFr, type Message } from '../../src-core/messages';
import type { Queryable } from '../storage/db';
import { hashPassword, passwordProblem } from './passwords';
import { generateToken, hashToken } from './tokens';

export interface ApiUser {
  id: string;
  name: string;
  /** How the audit names the person; the sign-in name when none was given. */
  displayName: string;
  role: ApiRole;
}

/** The columns of an ApiUser, from `users u`. */
export const USER_COLUMNS = `u.id, u.name, coalesce(u.display_name, u.name) as "displayName", u.role`;

/** A refusal about users, in French (the command line prints it); `said` when the API answers it to a laptop. */
export class UserError extends Error {
  readonly said?: Message;
  constructor(said: string | Message) {
    super(typeof said === 'string' ? said : messageFr(said));
    if (typeof said !== 'string') this.said = said;
  }
}

export interface UserDetails {
  /** "Alice Martin": how the audit names the person (default: the sign-in name). */
  displayName?: string;
  /** Lets the person sign in from a laptop (auth/login); without it, only the printed token works. */
  password?: string;
}

/** Creates a user with a first token; the token is returned once and never stored in clear. */
export async function createUser(db: Queryable, name: string, role: string, input: UserDetails = {}): Promise<{ user: ApiUser; token: string }> {
  const parsedRole = apiRoleSchema.safeParse(role);
  if (!parsedRole.success) throw new UserError(`Rôle inconnu « ${role} » : admin, account_manager ou ingest.`);
  if (!name.trim()) throw new UserError('Le nom de l’utilisateur est obligatoire.');
  if ((await db.query('select 1 from users where name = $1', [name])).length > 0) {
    throw new UserError(`L’utilisateur « ${name} » existe déjà.`);
  }
  const displayName = input.displayName?.trim().normalize('NFC') || undefined;
  const passwordHash = input.password === undefined ? null : await checkedPasswordHash(input.password);
  const user: ApiUser = { id: randomUUID(), name, displayName: displayName ?? name, role: parsedRole.data };
  await db.query('insert into users (id, name, role, display_name, password_hash) values ($1, $2, $3, $4, $5)', [
    user.id,
    user.name,
    user.role,
    displayName ?? null,
    passwordHash,
  ]);
  return { user, token: await issueToken(db, user.id) };
}

async function checkedPasswordHash(password: string): Promise<string> {
  const problem = passwordProblem(password);
  if (problem) throw new UserError(problem);
  return hashPassword(password);
}

/** Sets (or replaces) a user's password and lifts a lock: what an admin does for a person who forgot it. */
export async function setPassword(db: Queryable, name: string, password: string): Promise<ApiUser> {
  const user = await userNamed(db, name);
  await db.query('update users set password_hash = $2, failed_logins = 0, locked_until = null where id = $1', [user.id, await checkedPasswordHash(password)]);
  return user;
}

/** The user of that name; a UserError in French when there is none. */
export async function userNamed(db: Queryable, name: string): Promise<ApiUser> {
  const [user] = await db.query<ApiUser>(`select ${USER_COLUMNS} from users u where u.name = $1`, [name]);
  if (!user) throw new UserError(message('sync.refusal.unknownUser', { name: name.slice(0, 200) }));
  return user;
}

/** An additional token for an existing user (e.g. a second laptop). */
export async function createTokenFor(db: Queryable, name: string): Promise<{ user: ApiUser; token: string }> {
  const user = await userNamed(db, name);
  return { user, token: await issueToken(db, user.id) };
}

/** A new token, bound to the laptop it is issued to when there is one (auth/login). */
export async function issueToken(db: Queryable, userId: string, deviceId: string | null = null): Promise<string> {
  const token = generateToken();
  await db.query('insert into api_tokens (token_hash, user_id, device_id) values ($1, $2, $3)', [hashToken(token), userId, deviceId]);
  return token;
}

/** A caller, with the hash of the token it presented (what revoking "this token" needs) and its laptop. */
export interface AuthenticatedUser extends ApiUser {
  tokenHash: string;
  deviceId: string | null;
}

export async function findUserByToken(db: Queryable, token: string): Promise<AuthenticatedUser | undefined> {
  const tokenHash = hashToken(token);
  const [user] = await db.query<ApiUser & { deviceId: string | null }>(
    `select ${USER_COLUMNS}, t.device_id as "deviceId" from api_tokens t join users u on u.id = t.user_id
     where t.token_hash = $1 and t.revoked_at is null`,
    [tokenHash],
  );
  return user && { ...user, tokenHash };
}

/** What the laptop shows and writes in its audit: the person, without the token's details. */
export const personOf = ({ id, name, displayName, role }: ApiUser) => ({ id, name, displayName, role });

/** A user's tokens, laptop by laptop, newest first (never their value: only hashes are stored). */
export async function listUserTokens(db: Queryable, name: string): Promise<{ user: ApiUser; tokens: { deviceId: string | null; createdAt: string; revokedAt: string | null }[] }> {
  const user = await userNamed(db, name);
  const rows = await db.query<{ deviceId: string | null; createdAt: Date | string; revokedAt: Date | string | null }>(
    `select device_id as "deviceId", created_at as "createdAt", revoked_at as "revokedAt" from api_tokens where user_id = $1 order by created_at desc`,
    [user.id],
  );
  const iso = (value: Date | string) => new Date(value).toISOString();
  return { user, tokens: rows.map((row) => ({ deviceId: row.deviceId, createdAt: iso(row.createdAt), revokedAt: row.revokedAt === null ? null : iso(row.revokedAt) })) };
}

/**
 * Revokes the tokens of one laptop of a user (lost or stolen): the user's
 * other laptops keep working. Traced in the audit when an admin does it through the API.
 */
export async function revokeDeviceTokens(db: Queryable, name: string, deviceId: string, by?: ApiUser): Promise<{ user: ApiUser; revoked: number }> {
  const user = await userNamed(db, name);
  const revoked = (
    await db.query('update api_tokens set revoked_at = now() where user_id = $1 and device_id = $2 and revoked_at is null returning 1', [user.id, deviceId])
  ).length;
  if (by) {
    await db.query(
      `insert into audit_log (user_id, device_id, action, entity, record_id, fields, version, actor_name) values ($1, $2, 'revoke_device_tokens', 'users', $3, $4, 0, $5)`,
      [by.id, deviceId, user.id, JSON.stringify({ revoked }), by.displayName],
    );
  }
  return { user, revoked };
}

/** Revokes one token (a laptop signing out); answers how many were still valid (0 or 1). */
export async function revokeToken(db: Queryable, tokenHash: string): Promise<number> {
  return (await db.query('update api_tokens set revoked_at = now() where token_hash = $1 and revoked_at is null returning 1', [tokenHash])).length;
}

/**
 * Revokes every token of a user (a lost laptop); the user then needs a new
 * token per laptop. Done through the API, the audit trail records which admin
 * did it (`by`); from the CLI, the operator is at the server's console.
 */
export async function revokeUserTokens(db: Queryable, name: string, by?: ApiUser): Promise<{ user: ApiUser; revoked: number }> {
  const user = await userNamed(db, name);
  const revoked = (await db.query('update api_tokens set revoked_at = now() where user_id = $1 and revoked_at is null returning 1', [user.id])).length;
  if (by) {
    await db.query(
      `insert into audit_log (user_id, action, entity, record_id, fields, version, actor_name) values ($1, 'revoke_tokens', 'users', $2, $3, 0, $4)`,
      [by.id, user.id, JSON.stringify({ revoked }), by.displayName],
    );
  }
  return { user, revoked };
}
