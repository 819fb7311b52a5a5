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

/** An additional token for an existing user (e.g. a second laptop). */
export async function createTokenFor(db: Queryable, name: string): Promise<{ user: ApiUser; token: string }> {
  const [user] = await db.query<ApiUser>('select id, name, role from users where name = $1', [name]);
  if (!user) throw new UserError(`Utilisateur « ${name} » inconnu.`);
  return { user, token: await issueToken(db, user.id) };
}

async function issueToken(db: Queryable, userId: string): Promise<string> {
  const token = generateToken();
  await db.query('insert into api_tokens (token_hash, user_id) values ($1, $2)', [hashToken(token), userId]);
  return token;
}

export async function findUserByToken(db: Queryable, token: string): Promise<ApiUser | undefined> {
  const [user] = await db.query<ApiUser>(
    `select u.id, u.name, u.role from api_tokens t join users u on u.id = t.user_id
     where t.token_hash = $1 and t.revoked_at is null`,
    [hashToken(token)],
  );
  return user;
}
