import { randomUUID } from 'node:crypto';
import { apiRoleSchema, type ApiRole } from '../../src-core/sync';
import type { Queryable } from '../storage/db';
import { generateToken, hashToken } from './tokens';

export interface ApiUser {
  id: string;
  name: string;
  role: ApiRole;
}

export class UserError extends Error {}

/** Creates a user with a first token; the token is returned once and never stored in clear. */
export async function createUser(db: Queryable, name: string, role: string): Promise<{ user: ApiUser; token: string }> {
  const parsedRole = apiRoleSchema.safeParse(role);
  if (!parsedRole.success) throw new UserError(`Rôle inconnu « ${role} » : admin, account_manager ou ingest.`);
  if (!name.trim()) throw new UserError('Le nom de l’utilisateur est obligatoire.');
  if ((await db.query('select 1 from users where name = $1', [name])).length > 0) {
    throw new UserError(`L’utilisateur « ${name} » existe déjà.`);
  }
  const user: ApiUser = { id: randomUUID(), name, role: parsedRole.data };
  await db.query('insert into users (id, name, role) values ($1, $2, $3)', [user.id, user.name, user.role]);
  return { user, token: await issueToken(db, user.id) };
}

/** The user of that name; a UserError in French when there is none. */
export async function userNamed(db: Queryable, name: string): Promise<ApiUser> {
  const [user] = await db.query<ApiUser>('select id, name, role from users where name = $1', [name]);
  if (!user) throw new UserError(`Utilisateur « ${name} » inconnu.`);
  return user;
}

/** An additional token for an existing user (e.g. a second laptop). */
export async function createTokenFor(db: Queryable, name: string): Promise<{ user: ApiUser; token: string }> {
  const user = await userNamed(db, name);
  return { user, token: await issueToken(db, user.id) };
}

async function issueToken(db: Queryable, userId: string): Promise<string> {
  const token = generateToken();
  await db.query('insert into api_tokens (token_hash, user_id) values ($1, $2)', [hashToken(token), userId]);
  return token;
}

/** A caller, with the hash of the token it presented (what revoking "this token" needs). */
export interface AuthenticatedUser extends ApiUser {
  tokenHash: string;
}

export async function findUserByToken(db: Queryable, token: string): Promise<AuthenticatedUser | undefined> {
  const tokenHash = hashToken(token);
  const [user] = await db.query<ApiUser>(
    `select u.id, u.name, u.role from api_tokens t join users u on u.id = t.user_id
     where t.token_hash = $1 and t.revoked_at is null`,
    [tokenHash],
  );
  return user && { ...user, tokenHash };
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
      `insert into audit_log (user_id, action, entity, record_id, fields, version) values ($1, 'revoke_tokens', 'users', $2, $3, 0)`,
      [by.id, user.id, JSON.stringify({ revoked })],
    );
  }
  return { user, revoked };
}
