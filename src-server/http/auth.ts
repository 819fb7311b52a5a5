import type { FastifyRequest } from 'fastify';
import type { ApiRole } from '../../src-core/sync';
import { findUserByToken, type AuthenticatedUser } from '../auth/users';
import type { Queryable } from '../storage/db';
import { HttpError } from './errors';
import { message } from '../../src-core/messages';
import { bearerToken } from './rate-limit';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by `authenticate` before the body is read, on every route that has roles. */
    apiUser?: AuthenticatedUser;
  }
}

/**
 * Runs on request, before the body is parsed: an anonymous caller never gets
 * a 5 MiB body read, and every answer is 401 (who are you) or 403 (not allowed).
 */
export async function authenticate(db: Queryable, request: FastifyRequest, roles: readonly ApiRole[]): Promise<AuthenticatedUser> {
  const token = bearerToken(request);
  if (!token) throw new HttpError(401, 'UNAUTHENTICATED', message('sync.refusal.noToken'));
  const user = await findUserByToken(db, token);
  if (!user) throw new HttpError(401, 'UNAUTHENTICATED', message('sync.refusal.badToken'));
  if (!roles.includes(user.role)) throw new HttpError(403, 'FORBIDDEN', message('sync.refusal.role', { role: user.role }));
  return user;
}
