import { createTokenFor, createUser, listUserTokens, revokeDeviceTokens, revokeUserTokens, setPassword, UserError } from '../auth/users';
import type { Db } from '../storage/db';

/** The CLI's user commands, run either on the storage directly or by the running server (admin-socket). */
export type AdminCommand =
  | { command: 'create-user'; name: string; role: string; displayName?: string; password?: string }
  | { command: 'create-token'; user: string }
  | { command: 'revoke-tokens'; user: string }
  | { command: 'set-password'; user: string; password: string }
  | { command: 'list-tokens'; user: string }
  | { command: 'revoke-device'; user: string; device: string };

export const ADMIN_COMMANDS: ReadonlySet<AdminCommand['command']> = new Set([
  'create-user',
  'create-token',
  'revoke-tokens',
  'set-password',
  'list-tokens',
  'revoke-device',
]);

export interface TokenLine {
  deviceId: string | null;
  createdAt: string;
  revokedAt: string | null;
}

export type AdminAnswer =
  | { ok: true; user: { name: string; displayName?: string; role: string }; token?: string; revoked?: number; passwordSet?: boolean; tokens?: TokenLine[] }
  | { ok: false; message: string };

/** Runs one command in a transaction; a refusal (unknown user, bad role…) is an answer in French, not an exception. */
export async function runAdminCommand(db: Db, command: AdminCommand): Promise<AdminAnswer> {
  try {
    return await db.transaction(async (tx): Promise<AdminAnswer> => {
      switch (command.command) {
        case 'create-user': {
          const { user, token } = await createUser(tx, command.name, command.role, { displayName: command.displayName, password: command.password });
          return { ok: true, user, token, passwordSet: command.password !== undefined };
        }
        case 'create-token': {
          const { user, token } = await createTokenFor(tx, command.user);
          return { ok: true, user, token };
        }
        case 'revoke-tokens': {
          const { user, revoked } = await revokeUserTokens(tx, command.user);
          return { ok: true, user, revoked };
        }
        case 'set-password':
          return { ok: true, user: await setPassword(tx, command.user, command.password), passwordSet: true };
        case 'list-tokens': {
          const { user, tokens } = await listUserTokens(tx, command.user);
          return { ok: true, user, tokens };
        }
        case 'revoke-device': {
          const { user, revoked } = await revokeDeviceTokens(tx, command.user, command.device);
          return { ok: true, user, revoked };
        }
      }
    });
  } catch (error) {
    if (error instanceof UserError) return { ok: false, message: error.message };
    throw error;
  }
}
