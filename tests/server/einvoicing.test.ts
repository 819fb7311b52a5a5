import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCdar, readCiiXml, type PlatformState } from '../../src-core';
import { toParisWallClock } from '../../src-core/calendar';
import { pushResponseSchema, type PushResponse } from '../../src-core/sync';
import { createUser } from '../../src-server/auth/users';
import type { PlatformSimulator } from '../../src-server/einvoicing/simulator';
import { apiClient } from './support/api';
import { startServerProcess } from './support/server-process';
import { clientRecord, contractRecord, draftInvoice, mutation } from './support/fixtures';
import { frenchClientRecord, receivedUnder, simulatorForServer, siren, waitForRecord } from './support/platform';
import { serveSeeded, type Served } from './support/served';
import { storageVariants } from './support/storages';

const STARTUP_TIMEOUT = 180_000;
/** Statuses come over time (retries with backoff, the simulator's delays) on a loaded machine. */
const FLOW_TIMEOUT = 60_000;
const today = toParisWallClock(Date.now()).date;
const BUYER = siren('40483304');
const UNKNOWN_BUYER = siren('51234567');

type PulledInvoice = { number: string; platform?: PlatformState };

// Issue 18: issued documents reach the approved platform once, and its statuses come back through sync.
describe.each(storageVariants())('transmission à la plateforme agréée — stockage $name', ({ open }) => {
  let served: Served;
  let simulator: PlatformSimulator;
  let serveArgs: { args: string[]; env: NodeJS.ProcessEnv };
  let token = '';

  beforeAll(async () => {
    const platform = await simulatorForServer({ unknownBuyers: new Set([UNKNOWN_BUYER]) });
    simulator = platform.simulator;
    serveArgs = platform;
    served = await serveSeeded(open, async (db) => void (token = (await createUser(db, 'alice', 'account_manager')).token), platform.args, platform.env);
    const results = await push([
      mutation('laptop-a', 'clients', 'c-fr', frenchClientRecord('Lorraine Hébergement SAS', BUYER)),
      mutation('laptop-a', 'contracts', 'k-fr', contractRecord('c-fr', 'CT-2026-00001')),
      mutation('laptop-a', 'clients', 'c-unknown', frenchClientRecord('Inconnue SARL', UNKNOWN_BUYER)),
      mutation('laptop-a', 'contracts', 'k-unknown', contractRecord('c-unknown', 'CT-2026-00002')),
      mutation('laptop-a', 'clients', 'c-de', clientRecord()),
      mutation('laptop-a', 'contracts', 'k-de', contractRecord('c-de', 'CT-2026-00003')),
    ]);
    expect(results.map((r) => r.status)).toEqual(Array(6).fill('applied'));
  }, STARTUP_TIMEOUT);
  afterAll(async () => {
    await served?.server.stop();
    await simulator?.close();
    await served?.storage.dispose();
  }, STARTUP_TIMEOUT);

  async function push(mutations: ReturnType<typeof mutation>[]) {
    const answer = await served.api.post<PushResponse>('/sync/push', token, { deviceId: 'laptop-a', mutations });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    return pushResponseSchema.parse(answer.body).results;
  }

  /** A draft pushed then issued on the central series, as a laptop does. */
  async function issue(id: string, clientId: string, contractId: string): Promise<string> {
    const [draft] = await push([mutation('laptop-a', 'invoices', id, { ...draftInvoice(clientId, contractId, today), dueDate: `${Number(today.slice(0, 4)) + 1}-01-31` })]);
    expect(draft?.status).toBe('applied');
    const issued = await served.api.post<{ number: string }>('/invoices/issue', token, { invoiceId: id });
    expect(issued.status, JSON.stringify(issued.body)).toBe(200);
    return issued.body.number;
  }

  const statusOf = (status: string) => (invoice: PulledInvoice) => invoice.platform?.status === status;

  it('transmet une facture émise une seule fois malgré deux pannes et une réponse perdue ; son XML relu porte le numéro et le SIREN', async () => {
    simulator.faults.failSubmissions = 2;
    simulator.faults.loseAnswers = 1;
    const number = await issue('inv-1', 'c-fr', 'k-fr');
    // The lost answer's retry may come after the platform's statuses: wait for both.
    const approved = await waitForRecord<PulledInvoice>(served.api, token, 'invoices', 'inv-1', (i) => statusOf('approved')(i) && i.platform?.flowId !== undefined);
    expect(approved.platform?.history.map((e) => e.status)).toEqual(['deposited', 'approved']);
    const flows = receivedUnder(simulator, number);
    expect(flows).toHaveLength(1);
    expect(approved.platform?.flowId).toBe(flows[0]!.flowId);
    expect(flows[0]!.info).toMatchObject({ flowSyntax: 'CII', processingRule: 'B2B' });
    const xml = readCiiXml(flows[0]!.content);
    expect(xml).toMatchObject({ number, typeCode: '380', buyer: { siren: BUYER } });
    expect(simulator.faults).toEqual({ failSubmissions: 0, loseAnswers: 0 });
  }, FLOW_TIMEOUT);

  it('après un redémarrage du serveur, une réponse perdue n’entraîne pas de second envoi', async () => {
    await served.server.stop();
    // Slow retries: the lost answer's retry is still pending when the server stops.
    served.server = await startServerProcess([...served.storage.cliArgs, ...serveArgs.args, '--platform-retry', '3'], { ...served.storage.cliEnv, ...serveArgs.env });
    served.api = apiClient(served.server.url);
    simulator.faults.loseAnswers = 1;
    const number = await issue('inv-2', 'c-fr', 'k-fr');
    const deadline = Date.now() + 20_000;
    while (receivedUnder(simulator, number).length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(receivedUnder(simulator, number)).toHaveLength(1);
    await served.server.stop();
    served.server = await startServerProcess([...served.storage.cliArgs, ...serveArgs.args], { ...served.storage.cliEnv, ...serveArgs.env });
    served.api = apiClient(served.server.url);
    await waitForRecord<PulledInvoice>(served.api, token, 'invoices', 'inv-2', statusOf('approved'));
    expect(receivedUnder(simulator, number)).toHaveLength(1);
    // The first document was not sent again by the restarted servers either.
    expect(receivedUnder(simulator, (await waitForRecord<PulledInvoice>(served.api, token, 'invoices', 'inv-1', () => true)).number)).toHaveLength(1);
  }, STARTUP_TIMEOUT);

  it('une facture rejetée par la plateforme revient avec son motif', async () => {
    await issue('inv-rejected', 'c-unknown', 'k-unknown');
    const rejected = await waitForRecord<PulledInvoice>(served.api, token, 'invoices', 'inv-rejected', statusOf('rejected'));
    expect(rejected.platform?.reason).toContain('annuaire');
  }, FLOW_TIMEOUT);

  it('une facture entièrement payée est déclarée « encaissée », une seule fois', async () => {
    const number = await issue('inv-paid', 'c-fr', 'k-fr');
    await waitForRecord<PulledInvoice>(served.api, token, 'invoices', 'inv-paid', statusOf('approved'));
    const payment = { createdAt: '2026-03-01T09:00:00+01:00', updatedAt: '2026-03-01T09:00:00+01:00', version: 0, invoiceId: 'inv-paid', clientId: 'c-fr', date: today, method: 'virement', reference: '' };
    // Partly paid: nothing sent yet.
    expect((await push([mutation('laptop-a', 'payments', 'p-1', { ...payment, amountCents: 10_000 })]))[0]?.status).toBe('applied');
    expect((await push([mutation('laptop-a', 'payments', 'p-2', { ...payment, amountCents: 1_880 })]))[0]?.status).toBe('applied');
    const collected = await waitForRecord<PulledInvoice>(served.api, token, 'invoices', 'inv-paid', statusOf('collected'));
    expect(collected.platform?.history.map((e) => e.status)).toEqual(['deposited', 'approved', 'collected']);
    const sent = receivedUnder(simulator, `${number}~212`);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.info.flowSyntax).toBe('CDAR');
    expect(readCdar(sent[0]!.content)).toMatchObject({ documentNumber: number, status: 'collected', senderSiren: '732829320' });
  }, FLOW_TIMEOUT);

  it('une facture à un client hors de France n’est pas e-facturée ; un poste ne peut pas écrire les statuts', async () => {
    const number = await issue('inv-de', 'c-de', 'k-de');
    await issue('inv-after', 'c-fr', 'k-fr');
    await waitForRecord<PulledInvoice>(served.api, token, 'invoices', 'inv-after', statusOf('approved'));
    expect(receivedUnder(simulator, number)).toHaveLength(0);
    const [forged] = await push([mutation('laptop-a', 'invoices', 'inv-de', { platform: { status: 'approved', history: [] } }, 2)]);
    expect(forged).toMatchObject({ status: 'rejected', reason: expect.stringContaining('écrit par le serveur seul') });
  }, FLOW_TIMEOUT);
});
