import type { LoginRequest, LoginResponse } from '../../src-core/sync';
import type { Db } from '../storage/db';
import { HttpError } from '../http/errors';
import { message } from '../../src-core/messages';
import { decoyHash, verifyPassword } from './passwords';
import { issueToken, personOf, USER_COLUMNS, type ApiUser } from './users';

/** After this many wrong passwords in a row, the account refuses every sign-in for LOCK_MINUTES. */
export const MAX_FAILED_LOGINS = 10;
export const LOCK_MINUTES = 15;

const WRONG = message('sync.refusal.wrongCredentials');

interface LoginRow extends ApiUser {
  passwordHash: string | null;
  lockedUntil: Date | string | null;
  locked: boolean;
}

function lockedError(until: Date | string): HttpError {
  const minutes = Math.max(1, Math.ceil((new Date(until).getTime() - Date.now()) / 60_000));
  return new HttpError(
    423,
    'ACCOUNT_LOCKED',
    message('sync.refusal.locked', { failures: MAX_FAILED_LOGINS, minutes }),
  );
}

/**
 * Signs a person in from a laptop: a slow password check (scrypt, also run
 * for an unknown name so timing tells nothing), a lock after
 * MAX_FAILED_LOGINS wrong passwords (each counted by one atomic update, so
 * parallel tries cannot slip past it), then a new token bound to that laptop.
 * Signing in again from the same laptop revokes its previous token: one
 * valid token per laptop, and the laptop's invoice series move to the new
 * one (invoices/device-owner). Requests per address are capped before this
 * by the anonymous rate limit (http/rate-limit).
 */
export async function login(db: Db, request: LoginRequest): Promise<LoginResponse> {
  const [row] = await db.query<LoginRow>(
    `select ${USER_COLUMNS}, u.password_hash as "passwordHash", u.locked_until as "lockedUntil",
       coalesce(u.locked_until > now(), false) as locked
     from users u where u.name = $1`,
    [request.user],
  );
  if (row?.locked && row.lockedUntil) throw lockedError(row.lockedUntil);
  const matches = await verifyPassword(request.password, row?.passwordHash ?? (await decoyHash()));
  if (!row || !row.passwordHash) throw new HttpError(401, 'INVALID_CREDENTIALS', WRONG);
  if (!matches) {
    const [counted] = await db.query<{ lockedUntil: Date | string | null }>(
      `update users set
         locked_until = case when failed_logins + 1 >= $2::int then now() + make_interval(mins => $3::int) else locked_until end,
         failed_logins = case when failed_logins + 1 >= $2::int then 0 else failed_logins + 1 end
       where id = $1 returning locked_until as "lockedUntil"`,
      [row.id, MAX_FAILED_LOGINS, LOCK_MINUTES],
    );
    if (counted?.lockedUntil && new Date(counted.lockedUntil).getTime() > Date.now()) throw lockedError(counted.lockedUntil);
    throw new HttpError(401, 'INVALID_CREDENTIALS', WRONG);
  }
  if (row.role === 'ingest') throw new HttpError(403, 'FORBIDDEN', message('sync.refusal.ingestAccount'));
  const token = await db.transaction(async (tx) => {
    // A lock set by a parallel wrong try since the read above wins.
    const reset = await tx.query(`update users set failed_logins = 0 where id = $1 and (locked_until is null or locked_until <= now()) returning 1`, [row.id]);
    if (reset.length === 0) return undefined;
    await tx.query('update api_tokens set revoked_at = now() where user_id = $1 and device_id = $2 and revoked_at is null', [row.id, request.deviceId]);
    return issueToken(tx, row.id, request.deviceId);
  });
  if (token === undefined) throw lockedError(new Date(Date.now() + LOCK_MINUTES * 60_000));
  return { token, user: personOf(row) };
}
