import { createTokenFor, createUser, revokeUserTokens, UserError } from '../auth/users';
import type { Db } from '../storage/db';

/** The CLI's user commands, run either on the storage directly or by the running server (admin-socket). */
export type AdminCommand =
  | { command: 'create-user'; name: string; role: string }
  | { command: 'create-token'; user: string }
  | { command: 'revoke-tokens'; user: string };

export type AdminAnswer =
  | { ok: true; user: { name: string; role: string }; token?: string; revoked?: number }
  | { ok: false; message: string };

/** Runs one command in a transaction; a refusal (unknown user, bad role…) is an answer in French, not an exception. */
export async function runAdminCommand(db: Db, command: AdminCommand): Promise<AdminAnswer> {
  try {
    return await db.transaction(async (tx): Promise<AdminAnswer> => {
      switch (command.command) {
        case 'create-user': {
          const { user, token } = await createUser(tx, command.name, command.role);
          return { ok: true, user, token };
        }
        case 'create-token': {
          const { user, token } = await createTokenFor(tx, command.user);
          return { ok: true, user, token };
        }
        case 'revoke-tokens': {
          const { user, revoked } = await revokeUserTokens(tx, command.user);
          return { ok: true, user, revoked };
        }
      }
    });
  } catch (error) {
    if (error instanceof UserError) return { ok: false, message: error.message };
    throw error;
  }
}
