import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlatformState } from '../../src-core';
import { toParisWallClock } from '../../src-core/calendar';
import { DEMO_SELLER_PROFILE } from '../../src-core/settings';
import { pushResponseSchema, type PushResponse } from '../../src-core/sync';
import { createUser } from '../../src-server/auth/users';
import type { PlatformSimulator } from '../../src-server/einvoicing/simulator';
import { contractRecord, draftInvoice, mutation } from './support/fixtures';
import { frenchClientRecord, receivedUnder, simulatorForServer, siren, waitForRecord } from './support/platform';
import { serveSeeded, type Served } from './support/served';
import { embeddedStorage } from './support/storages';

const STARTUP_TIMEOUT = 180_000;
const FLOW_TIMEOUT = 60_000;
const today = toParisWallClock(Date.now()).date;

type PulledInvoice = { number: string; platform?: PlatformState };

// Issue 18: a document the central API finds invalid for the platform is not sent, and its laptops are told why.
describe('document non conforme EN 16931 côté serveur', () => {
  let served: Served;
  let simulator: PlatformSimulator;
  let dir: string;
  let token = '';

  beforeAll(async () => {
    // The server's seller profile has a SIREN of nine digits whose check digit is wrong: the schema
    // takes it, the EN 16931 rules (BR-CO-26) do not — every document the server would send fails.
    dir = await mkdtemp(join(tmpdir(), 'contrats-not-sent-'));
    const profile = join(dir, 'vendeur.json');
    await writeFile(profile, JSON.stringify({ ...DEMO_SELLER_PROFILE, siren: '732829321' }));
    const platform = await simulatorForServer();
    simulator = platform.simulator;
    served = await serveSeeded(embeddedStorage, async (db) => void (token = (await createUser(db, 'alice', 'account_manager')).token), [...platform.args, '--seller-profile', profile], platform.env);
  }, STARTUP_TIMEOUT);
  afterAll(async () => {
    await served?.server.stop();
    await simulator?.close();
    await served?.storage.dispose();
    if (dir) await rm(dir, { recursive: true, force: true });
  }, STARTUP_TIMEOUT);

  it('n’est jamais transmis ; la facture tirée par les postes dit pourquoi, règle par règle, en français', async () => {
    const dueDate = `${Number(today.slice(0, 4)) + 1}-01-31`;
    const pushed = await served.api.post<PushResponse>('/sync/push', token, {
      deviceId: 'laptop-a',
      mutations: [
        mutation('laptop-a', 'clients', 'c-fr', frenchClientRecord('Lorraine Hébergement SAS', siren('40483304'))),
        mutation('laptop-a', 'contracts', 'k-fr', contractRecord('c-fr', 'CT-2026-00001')),
        mutation('laptop-a', 'invoices', 'inv-1', { ...draftInvoice('c-fr', 'k-fr', today), dueDate }),
      ],
    });
    expect(pushResponseSchema.parse(pushed.body).results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied']);
    const issued = await served.api.post<{ number: string }>('/invoices/issue', token, { invoiceId: 'inv-1' });
    expect(issued.status, JSON.stringify(issued.body)).toBe(200);

    const refused = await waitForRecord<PulledInvoice>(served.api, token, 'invoices', 'inv-1', (i) => i.platform?.notSent !== undefined);
    expect(refused.platform?.notSent?.reasons).toEqual([expect.stringMatching(/^\[BR-CO-26\] Le SIREN du vendeur .* doit être valide\.$/)]);
    expect(Date.parse(refused.platform!.notSent!.at)).toBeGreaterThan(Date.now() - FLOW_TIMEOUT);
    expect(refused.platform?.status).toBeUndefined();
    expect(refused.platform?.flowId).toBeUndefined();
    // Not sent, and not retried: a few more rounds of the worker (0.2 s each) send nothing.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(receivedUnder(simulator, issued.body.number)).toHaveLength(0);
    expect(simulator.received()).toHaveLength(0);
  }, FLOW_TIMEOUT);
});
