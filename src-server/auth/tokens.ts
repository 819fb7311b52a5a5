import { createHash, randomBytes } from 'node:crypto';

/** Prefix makes a pasted token recognisable (and greppable in leaked logs). */
const TOKEN_PREFIX = 'ctr_';

export function generateToken(): string {
  return TOKEN_PREFIX + randomBytes(32).toString('base64url');
}

/**
 * Only this hash is stored. A plain sha256 is enough: the token has 256 bits of
 * entropy, so there is nothing for a slow password hash to protect.
 */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
