import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import type { Invoice, PlatformStatus } from '../../src-core';
import { toParisWallClock } from '../../src-core/calendar';
import { pushResponseSchema, type PushResponse } from '../../src-core/sync';
import { recordPayment } from '../../src-renderer/data/invoicing';
import type { PlatformSimulator } from '../../src-server/einvoicing/simulator';
import { apiClient } from '../server/support/api';
import { contractRecord, draftInvoice, mutation } from '../server/support/fixtures';
import { frenchClientRecord, receivedUnder, simulatorForServer, siren } from '../server/support/platform';
import { storageVariants } from '../server/support/storages';
import { SERVER_TIMEOUT, startCentralServer, type CentralServer } from './support/central-server';
import { openLaptop, syncUntilClean, type Laptop } from './support/laptop';
import { ACTOR } from './support/records';

const today = toParisWallClock(Date.now()).date;
const BUYER = siren('40483304');
const UNKNOWN_BUYER = siren('51234567');

// Issue 18: the approved platform's statuses reach every laptop through sync; a fully paid invoice reaches « encaissée ».
describe.each(storageVariants())('$name : statuts de la plateforme agréée sur deux postes', { timeout: 90_000 }, ({ open }) => {
  let server: CentralServer;
  let simulator: PlatformSimulator;
  let alice: Laptop;
  let bob: Laptop;

  beforeAll(async () => {
    const platform = await simulatorForServer({ unknownBuyers: new Set([UNKNOWN_BUYER]) });
    simulator = platform.simulator;
    server = await startCentralServer(open, platform);
    alice = await openLaptop('alice', () => server.url(), { token: server.tokens.alice });
    bob = await openLaptop('bob', () => server.url(), { token: server.tokens.bob });
  }, SERVER_TIMEOUT);
  afterAll(async () => {
    alice?.close();
    bob?.close();
    await server?.dispose();
    await simulator?.close();
  }, SERVER_TIMEOUT);

  /** A client, its contract and an invoice issued on the central series, as a laptop pushes and issues them. */
  async function issuedInvoice(key: string, buyerSiren: string): Promise<{ id: string; number: string }> {
    const api = apiClient(server.url());
    const id = `inv-${key}`;
    const answer = await api.post<PushResponse>('/sync/push', server.tokens.alice, {
      deviceId: 'poste-emission',
      mutations: [
        mutation('poste-emission', 'clients', `c-${key}`, frenchClientRecord(`Client ${key} SAS`, buyerSiren)),
        mutation('poste-emission', 'contracts', `k-${key}`, contractRecord(`c-${key}`, `CT-2026-${key.padStart(5, '0')}`)),
        mutation('poste-emission', 'invoices', id, { ...draftInvoice(`c-${key}`, `k-${key}`, today), dueDate: `${Number(today.slice(0, 4)) + 1}-01-31` }),
      ],
    });
    expect(pushResponseSchema.parse(answer.body).results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied']);
    const issued = await api.post<{ number: string }>('/invoices/issue', server.tokens.alice, { invoiceId: id });
    expect(issued.status).toBe(200);
    return { id, number: issued.body.number };
  }

  /** Syncs both laptops until each holds the invoice with this platform status. */
  async function onBothLaptops(id: string, status: PlatformStatus): Promise<Invoice[]> {
    const deadline = Date.now() + 30_000;
    for (;;) {
      await syncUntilClean(alice);
      await syncUntilClean(bob);
      const seen = await Promise.all([alice, bob].map((laptop) => laptop.data.db.invoices.get(id)));
      if (seen.every((invoice) => invoice?.platform?.status === status)) return seen as Invoice[];
      if (Date.now() > deadline) throw new Error(`statut ${status} absent : ${JSON.stringify(seen.map((i) => i?.platform))}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  it('déposée puis approuvée sur les deux postes ; payée sur un poste, « encaissée » sur les deux, envoyée une fois', async () => {
    const { id, number } = await issuedInvoice('1', BUYER);
    const [onAlice, onBob] = await onBothLaptops(id, 'approved');
    expect(onAlice!.platform?.history.map((e) => e.status)).toEqual(['deposited', 'approved']);
    expect(onBob!.platform).toEqual(onAlice!.platform);

    await recordPayment(alice.data.ctx, { invoiceId: id, clientId: 'c-1', date: today, amountCents: 11_880, method: 'virement', reference: 'VIR-1', commandId: randomUUID() }, ACTOR);
    const [paidOnAlice, paidOnBob] = await onBothLaptops(id, 'collected');
    expect(paidOnAlice!.platform?.history.map((e) => e.status)).toEqual(['deposited', 'approved', 'collected']);
    expect(paidOnBob!.platform?.status).toBe('collected');
    expect(receivedUnder(simulator, number)).toHaveLength(1);
    expect(receivedUnder(simulator, `${number}~212`)).toHaveLength(1);
  });

  it('une facture rejetée arrive avec son motif sur les deux postes', async () => {
    const { id } = await issuedInvoice('2', UNKNOWN_BUYER);
    const seen = await onBothLaptops(id, 'rejected');
    for (const invoice of seen) expect(invoice.platform?.reason).toContain(UNKNOWN_BUYER);
  });
});
