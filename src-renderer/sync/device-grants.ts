import type { DataLayer } from '../data';
import { parisToday, recordDeviceGrant, seriesToGrant } from '../data/invoicing';
import { SYNC_KEYS, deleteSyncValue, writeSyncValue, type GrantProblem } from '../data/sync-state';
import type { ApiClient } from './api-client';
import { SyncError } from './sync-error';

/**
 * Signing in gives the laptop its own numbering series (ARCHITECTURE.md, data
 * flow 4b): on each sync with a token, before anything is pushed, every
 * series this laptop needs and has not been granted yet — this year's
 * invoices and credit notes, and any series of its own it numbered in — is
 * asked from `/series/device-grant` and stored with the series state. The
 * laptop then issues offline as `F-AAAA-<code>-NNNN`, and the server accepts
 * those numbers from it. Asking again is harmless (the server answers the
 * same grant), so a sync cut in the middle simply asks again.
 *
 * A refusal that needs a person (the device belongs to another user, a role
 * without the right) does not stop the sync: it is stored for the
 * Synchronisation screen, the laptop keeps numbering in its current series,
 * and the server refuses what it cannot accept with its reason.
 */
export async function ensureDeviceGrants(dataLayer: DataLayer, api: ApiClient): Promise<number> {
  const { ctx, db } = dataLayer;
  const { deviceId } = ctx;
  const needed = await seriesToGrant(ctx, parisToday(ctx));
  try {
    // Asked together (the server serialises them), stored one after the other.
    const grants = await Promise.all(needed.map(({ year, kind }) => api.deviceGrant({ deviceId, year, kind })));
    for (const grant of grants) await recordDeviceGrant(ctx, grant);
  } catch (error) {
    if (!(error instanceof SyncError) || error.retryable) throw error;
    await writeSyncValue(db, SYNC_KEYS.grantProblem, { reason: error.message, ...(error.said ? { said: error.said } : {}) } satisfies GrantProblem);
    return 0;
  }
  if (needed.length > 0) await deleteSyncValue(db, SYNC_KEYS.grantProblem);
  return needed.length;
}
