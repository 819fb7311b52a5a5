import type { Queryable } from '../storage/db';
import { message, type Message } from '../../src-core/messages';

/** Who is asking: a user, and the token it presented (absent for in-process callers: seed, bench). */
export interface DeviceCaller {
  userId: string;
  tokenHash?: string;
}

/**
 * A laptop's offline series are its own: the device is bound to the user
 * and token that obtained its first grant, so another user (or a stolen
 * device id) cannot consume its numbers. The same user signing in again on
 * that laptop gets a new token: the binding moves to it once the old token
 * is revoked (signing out revokes it), never while it is still valid.
 * Returns the refusal (a message code, its French for the answer), or undefined once the caller owns the device.
 */
export async function claimDevice(tx: Queryable, deviceId: string, caller: DeviceCaller): Promise<Message | undefined> {
  const [device] = await tx.query<{ user_id: string | null; token_hash: string | null; code: string; owner_token_valid: boolean }>(
    `select d.user_id, d.token_hash, d.code,
       exists (select 1 from api_tokens t where t.token_hash = d.token_hash and t.revoked_at is null) as owner_token_valid
     from devices d where d.device_id = $1`,
    [deviceId],
  );
  if (!device) return message('sync.refusal.unknownDevice', { device: deviceId });
  if (device.user_id !== null && device.user_id !== caller.userId) return message('sync.refusal.deviceOfAnother', { code: device.code });
  if (caller.tokenHash === undefined || device.token_hash === caller.tokenHash) {
    if (device.user_id === null) await bind(tx, deviceId, caller);
    return undefined;
  }
  if (device.token_hash !== null && device.owner_token_valid) {
    return message('sync.refusal.deviceInUse', { code: device.code });
  }
  await bind(tx, deviceId, caller);
  return undefined;
}

async function bind(tx: Queryable, deviceId: string, caller: DeviceCaller): Promise<void> {
  await tx.query('update devices set user_id = $2, token_hash = coalesce($3, token_hash) where device_id = $1', [deviceId, caller.userId, caller.tokenHash ?? null]);
}
