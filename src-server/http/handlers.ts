import type { z } from 'zod';
import { API_ROUTES, type ApiRouteName } from '../../src-core/sync';
import { login } from '../auth/login';
import { listUserTokens, personOf, revokeDeviceTokens, revokeToken, revokeUserTokens, UserError, type AuthenticatedUser } from '../auth/users';
import type { Db } from '../storage/db';
import { applyMutation } from '../sync/apply-mutation';
import { pullChangesJson } from '../sync/pull';
import { reconcile, reconcileBuckets } from '../sync/reconcile';
import { ingestUsage } from '../usage/ingest-usage';
import { grantDeviceSeries } from '../invoices/device-series';
import { issueInvoice } from '../invoices/issue-invoice';
import { HttpError } from './errors';
import { JsonText } from './json-text';

type Routes = typeof API_ROUTES;
type BodyOf<R> = R extends { body: infer B extends z.ZodType } ? z.output<B> : undefined;
type UserOf<R> = R extends { roles: readonly [] } ? undefined : AuthenticatedUser;
type ResponseOf<R> = R extends { response: infer S extends z.ZodType } ? z.input<S> : never;

export type Handlers = {
  [K in ApiRouteName]: (input: { user: UserOf<Routes[K]>; body: BodyOf<Routes[K]> }) => Promise<ResponseOf<Routes[K]> | JsonText>;
};

/** What each route of src-core's API_ROUTES does; bodies arrive parsed and callers authorised. */
export interface HandlerOptions {
  /** Cap of a pull page in bytes of records (sync/pull). */
  pullPageBytes?: number;
}

export function handlers(db: Db, options: HandlerOptions = {}): Handlers {
  return {
    health: async () => {
      await db.query('select 1');
      return { status: 'ok', storage: db.kind, time: new Date().toISOString() };
    },
    pull: async ({ body }) => new JsonText(await pullChangesJson(db, body, options.pullPageBytes)),
    push: async ({ user, body }) => {
      // In order, each in its own transaction (apply-mutation): results line up with the mutations sent.
      const results = [];
      for (const mutation of body.mutations) results.push(await applyMutation(db, user.id, body.deviceId, mutation, user.tokenHash));
      return { results };
    },
    reconcile: () => reconcile(db),
    reconcileBuckets: ({ body }) => reconcileBuckets(db, body),
    ingestUsage: ({ user, body }) => ingestUsage(db, user.id, body),
    deviceGrant: ({ user, body }) => grantDeviceSeries(db, { userId: user.id, tokenHash: user.tokenHash }, body),
    issueInvoice: ({ user, body }) => issueInvoice(db, user.id, body),
    revokeToken: async ({ user }) => ({ revoked: await revokeToken(db, user.tokenHash) }),
    revokeUserTokens: ({ user, body }) => unknownUserIs404(async () => ({ revoked: (await db.transaction((tx) => revokeUserTokens(tx, body.user, user))).revoked })),
    login: ({ body }) => login(db, body),
    me: async ({ user }) => ({ user: personOf(user), deviceId: user.deviceId }),
    listUserTokens: ({ body }) => unknownUserIs404(async () => ({ tokens: (await listUserTokens(db, body.user)).tokens })),
    revokeDeviceTokens: ({ user, body }) =>
      unknownUserIs404(async () => ({ revoked: (await db.transaction((tx) => revokeDeviceTokens(tx, body.user, body.deviceId, user))).revoked })),
  };
}

/** An admin naming a user who does not exist gets a 404 in French. */
async function unknownUserIs404<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw error instanceof UserError ? new HttpError(404, 'UNKNOWN_USER', error.said ?? error.message) : error;
  }
}
