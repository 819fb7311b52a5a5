import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCdar, readCiiXml, type PlatformState } from '../../src-core';
import { toParisWallClock } from '../../src-core/calendar';
import { addMonthsToYearMonth } from '../../src-core/dates';
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
const DISPUTING_BUYER = siren('38012986');
const DISPUTE_REASON = 'Prestation contestée : hébergement indisponible du 3 au 5.';

type PulledInvoice = { number: string; platform?: PlatformState };

// Issue 18: issued documents reach the approved platform once, and its statuses come back through sync.
describe.each(storageVariants())('transmission à la plateforme agréée — stockage $name', ({ open }) => {
  let served: Served;
  let simulator: PlatformSimulator;
  let serveArgs: { args: string[]; env: NodeJS.ProcessEnv };
  let token = '';

  beforeAll(async () => {
    const platform = await simulatorForServer({ unknownBuyers: new Set([UNKNOWN_BUYER]), disputingBuyers: new Map([[DISPUTING_BUYER, DISPUTE_REASON]]) });
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
      mutation('laptop-a', 'clients', 'c-disputing', frenchClientRecord('Meuse Données SA', DISPUTING_BUYER)),
      mutation('laptop-a', 'contracts', 'k-disputing', contractRecord('c-disputing', 'CT-2026-00004')),
    ]);
    expect(results.map((r) => r.status)).toEqual(Array(8).fill('applied'));
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
  async function issue(id: string, clientId: string, contractId: string, issueDate = today): Promise<string> {
    const [draft] = await push([mutation('laptop-a', 'invoices', id, { ...draftInvoice(clientId, contractId, issueDate), dueDate: `${Number(today.slice(0, 4)) + 1}-01-31` })]);
    expect(draft?.status).toBe('applied');
    const issued = await served.api.post<{ number: string }>('/invoices/issue', token, { invoiceId: id });
    expect(issued.status, JSON.stringify(issued.body)).toBe(200);
    return issued.body.number;
  }

  const statusOf = (status: string) => (invoice: PulledInvoice) => invoice.platform?.status === status;
  const payment = (invoiceId: string, clientId: string, date: string, amountCents: number) => ({
    createdAt: '2026-03-01T09:00:00+01:00', updatedAt: '2026-03-01T09:00:00+01:00', version: 0, invoiceId, clientId, date, amountCents, method: 'virement', reference: '',
  });

  // First: the series is chronological, and this document is dated last month.
  /** The server again, on the same storage, with the platform options plus `extra` (an option given again takes its new value). */
  async function restartServer(extra: Record<string, string> = {}): Promise<void> {
    await served.server.stop();
    const args = [...serveArgs.args];
    for (const [option, value] of Object.entries(extra)) args.splice(args.indexOf(option), 2, option, value);
    served.server = await startServerProcess([...served.storage.cliArgs, ...args], { ...served.storage.cliEnv, ...serveArgs.env });
    served.api = apiClient(served.server.url);
  }

  it('e-reporting : un mois clos est déclaré une fois pour un client hors de France, un paiement saisi ensuite part dans un second rapport', async () => {
    const lastMonth = addMonthsToYearMonth(today.slice(0, 7), -1);
    // The invoice and its payment go into the month's first report together: while both are sent, the
    // server's next e-reporting round is an hour away (a round between them would report the invoice alone).
    await restartServer({ '--ereporting-interval': '3600' });
    // Its one round at start-up (nothing of this client's to report yet) is over well within a second.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const number = await issue('inv-export', 'c-de', 'k-de', `${lastMonth}-15`);
    expect((await push([mutation('laptop-a', 'payments', 'p-export-1', payment('inv-export', 'c-de', `${lastMonth}-20`, 5_000))]))[0]?.status).toBe('applied');
    await restartServer();
    const reported = await waitForRecord<PulledInvoice>(served.api, token, 'invoices', 'inv-export', (i) => i.platform?.reportedIn === lastMonth);
    expect(reported.platform?.reportedPayments).toEqual(['p-export-1']);
    const [first] = receivedUnder(simulator, `ER-${lastMonth}-1`);
    expect(first?.info).toMatchObject({ flowSyntax: 'FRR', processingRule: 'B2BInt' });
    expect(first?.content).toContain(`number="${number}"`);
    expect(first?.content).toContain('>50.00</Payment>');
    // A payment of that month recorded late, and one of the current month (not closed: not reported yet).
    await push([mutation('laptop-a', 'payments', 'p-export-2', payment('inv-export', 'c-de', `${lastMonth}-28`, 1_000))]);
    await push([mutation('laptop-a', 'payments', 'p-export-3', payment('inv-export', 'c-de', today, 1_000))]);
    const deadline = Date.now() + 20_000;
    while (receivedUnder(simulator, `ER-${lastMonth}-2`).length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    const [second] = receivedUnder(simulator, `ER-${lastMonth}-2`);
    expect(second?.content).toContain('>10.00</Payment>');
    expect(second?.content).not.toContain('<Transaction ');
    expect(second?.content).not.toContain('>50.00</Payment>');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(simulator.received().filter((f) => f.info.flowSyntax === 'FRR')).toHaveLength(2);
  }, FLOW_TIMEOUT);

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

  it('une facture que l’acheteur conteste revient « en litige » avec son motif, après « déposée »', async () => {
    const number = await issue('inv-disputed', 'c-disputing', 'k-disputing');
    const disputed = await waitForRecord<PulledInvoice>(served.api, token, 'invoices', 'inv-disputed', statusOf('disputed'));
    expect(disputed.platform?.history.map((e) => e.status)).toEqual(['deposited', 'disputed']);
    expect(disputed.platform?.reason).toBe(DISPUTE_REASON);
    expect(disputed.platform?.history.at(-1)?.reason).toBe(DISPUTE_REASON);
    expect(receivedUnder(simulator, number)).toHaveLength(1);
  }, FLOW_TIMEOUT);

  it('une facture entièrement payée est déclarée « encaissée », une seule fois', async () => {
    const number = await issue('inv-paid', 'c-fr', 'k-fr');
    await waitForRecord<PulledInvoice>(served.api, token, 'invoices', 'inv-paid', statusOf('approved'));
    // Partly paid: nothing sent yet.
    expect((await push([mutation('laptop-a', 'payments', 'p-1', payment('inv-paid', 'c-fr', today, 10_000))]))[0]?.status).toBe('applied');
    expect((await push([mutation('laptop-a', 'payments', 'p-2', payment('inv-paid', 'c-fr', today, 1_880))]))[0]?.status).toBe('applied');
    const collected = await waitForRecord<PulledInvoice>(served.api, token, 'invoices', 'inv-paid', statusOf('collected'));
    expect(collected.platform?.history.map((e) => e.status)).toEqual(['deposited', 'approved', 'collected']);
    const sent = receivedUnder(simulator, `${number}~212`);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.info.flowSyntax).toBe('CDAR');
    expect(readCdar(sent[0]!.content)).toMatchObject({ documentNumber: number, status: 'collected', senderSiren: '732829320' });
  }, FLOW_TIMEOUT);

  it('une facture à un client hors de France n’est pas e-facturée ; un poste ne peut pas écrire les statuts', async () => {
    const number = await issue('inv-de', 'c-de', 'k-de');
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await issue('inv-after', 'c-fr', 'k-fr');
    await waitForRecord<PulledInvoice>(served.api, token, 'invoices', 'inv-after', statusOf('approved'));
    expect(receivedUnder(simulator, number)).toHaveLength(0);
    const [forged] = await push([mutation('laptop-a', 'invoices', 'inv-de', { platform: { status: 'approved', history: [] } }, 2)]);
    expect(forged).toMatchObject({ status: 'rejected', reason: expect.stringContaining('écrit par le serveur seul') });
  }, FLOW_TIMEOUT);
});
