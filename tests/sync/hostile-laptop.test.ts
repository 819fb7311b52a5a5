import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, creditExcessProblem, formatDateFr, messageFr, paymentDateProblem, paymentProblem, referenceClash } from '../../src-core';
import { toParisWallClock } from '../../src-core/calendar';
import { pullResponseSchema, pushResponseSchema, type DeviceGrantResponse, type InvoiceIssueResponse, type Mutation, type MutationResult } from '../../src-core/sync';
import { documentLedger } from '../../src-renderer/data/invoicing';
import { apiClient, type ApiClient } from '../server/support/api';
import { clientRecord, contractRecord, draftInvoice, mutation } from '../server/support/fixtures';
import { storageVariants } from '../server/support/storages';
import { SERVER_TIMEOUT, startCentralServer, type CentralServer } from './support/central-server';
import { openLaptop, type Laptop } from './support/laptop';

/**
 * Issue 17, "the business invariants once, on both sides": a laptop that
 * bypasses the app and pushes what the app would refuse is refused by the
 * central API with the app's own French message (src-core/rules), and
 * nothing of it is stored — checked by pulling with another account and by a
 * real laptop syncing afterwards.
 */
const today = toParisWallClock(Date.now()).date;
const NOW = '2026-03-01T09:00:00+01:00';
const meta = { createdAt: NOW, updatedAt: NOW, version: 0 };

describe.each(storageVariants())('$name : un poste hostile contre les règles du serveur', { timeout: 60_000 }, ({ open }) => {
  let server: CentralServer;
  let api: ApiClient;
  let invoiceNumber = '';
  const laptops: Laptop[] = [];

  async function push(deviceId: string, mutations: Mutation[], token = server.tokens.alice): Promise<MutationResult[]> {
    const answer = await api.post('/sync/push', token, { deviceId, mutations });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    return pushResponseSchema.parse(answer.body).results;
  }
  const hostile = async (entity: Mutation['entity'], recordId: string, changes: Record<string, unknown>, baseVersion = 0) =>
    (await push('hostile', [mutation('hostile', entity, recordId, changes, baseVersion)]))[0]!;

  /** Every live record the server holds, as another account pulls them. */
  async function serverState(): Promise<Map<string, { version: number; record: Record<string, unknown> }>> {
    const state = new Map<string, { version: number; record: Record<string, unknown> }>();
    let cursor = '0';
    for (;;) {
      const page = pullResponseSchema.parse((await api.post('/sync/pull', server.tokens.bob, { cursor, limit: 1000 })).body);
      for (const change of page.changes) {
        if (change.deleted || !change.record) state.delete(change.recordId);
        else state.set(change.recordId, { version: change.version, record: change.record });
      }
      cursor = page.nextCursor;
      if (!page.hasMore) return state;
    }
  }

  const payment = (amountCents: number, date = today, clientId = 'c-1') => ({ ...meta, invoiceId: 'inv-1', clientId, date, amountCents, method: 'virement', reference: '' });

  beforeAll(async () => {
    server = await startCentralServer(open);
    api = apiClient(server.url());
    // The honest laptop's records: a client, its contract, an invoice issued by the server, a first payment, a draft letter.
    const results = await push('honnete', [
      mutation('honnete', 'clients', 'c-1', clientRecord()),
      mutation('honnete', 'clients', 'c-2', clientRecord('Autre SARL')),
      mutation('honnete', 'contracts', 'k-1', contractRecord('c-1', 'CT-2026-00001')),
      mutation('honnete', 'invoices', 'inv-1', { ...draftInvoice('c-1', 'k-1', today), dueDate: addDays(today, 30) }),
      mutation('honnete', 'letters', 'l-1', { ...meta, kind: 'terminationAcknowledgement', status: 'draft', clientId: 'c-1', contractId: 'k-1', params: { letterDate: today } }),
    ]);
    expect(results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied', 'applied', 'applied']);
    const issued = await api.post<InvoiceIssueResponse>('/invoices/issue', server.tokens.alice, { invoiceId: 'inv-1' });
    expect(issued.status, JSON.stringify(issued.body)).toBe(200);
    invoiceNumber = issued.body.number;
    // 118,80 € due; 50,00 € paid: 68,80 € remain.
    expect((await push('honnete', [mutation('honnete', 'payments', 'p-ok', payment(5000))]))[0]).toMatchObject({ status: 'applied' });
  }, SERVER_TIMEOUT);

  afterAll(async () => {
    laptops.forEach((l) => l.close());
    await server?.dispose();
  }, SERVER_TIMEOUT);

  it('refuse un paiement au-delà du solde, daté avant la facture ou dans le futur, ou d’un autre client — avec le message du poste', async () => {
    expect(await hostile('payments', 'p-over', payment(6881))).toMatchObject({ status: 'rejected', reason: messageFr(paymentProblem({ balanceCents: 6880 }, 6881)!) });
    const before = addDays(today, -1);
    expect(await hostile('payments', 'p-before', payment(100, before))).toMatchObject({ status: 'rejected', reason: messageFr(paymentDateProblem(before, today, today)!) });
    const tomorrow = addDays(today, 1);
    expect(await hostile('payments', 'p-future', payment(100, tomorrow))).toMatchObject({ status: 'rejected', reason: messageFr(paymentDateProblem(tomorrow, today, today)!) });
    expect(await hostile('payments', 'p-other-client', payment(100, today, 'c-2'))).toMatchObject({ status: 'rejected', reason: 'Facture introuvable pour ce client : inv-1.' });
    // The recorded payment is not edited into a bigger one, nor cancelled without a reason.
    expect(await hostile('payments', 'p-ok', { amountCents: 11880 }, 1)).toMatchObject({ status: 'rejected', reason: expect.stringContaining('Un paiement enregistré ne se modifie pas') });
    expect(await hostile('payments', 'p-ok', { cancelledOn: today, cancellationReason: '  ' }, 1)).toMatchObject({ status: 'rejected' });
    const [deleted] = await push('hostile', [mutation('hostile', 'payments', 'p-ok', {}, 1, 'delete')]);
    expect(deleted).toMatchObject({ status: 'rejected', reason: 'Ce paiement est déjà synchronisé : il ne se supprime pas, il s’annule avec un motif.' });
    // Exactly the balance passes: the rule refuses what is over it, not everything.
    expect(await hostile('payments', 'p-rest', payment(6880))).toMatchObject({ status: 'applied' });
    expect(await hostile('payments', 'p-more', payment(1))).toMatchObject({ status: 'rejected', reason: 'Ce document est déjà soldé : aucun paiement n’est attendu.' });
  });

  it('refuse la modification d’une facture émise et un doublon de référence de contrat', async () => {
    const lines = [{ label: 'Hébergement T99', quantity: 1, unitPriceCents: 100, netCents: 100, vatRatePercent: 20 }];
    const edit = await hostile('invoices', 'inv-1', { lines, totals: { netCents: 100, vatCents: 20, totalCents: 120, byRate: [{ ratePercent: 20, baseCents: 100, vatCents: 20 }] } }, 2);
    expect(edit).toMatchObject({ status: 'rejected', reason: `La facture ${invoiceNumber} est émise : elle ne peut plus être modifiée ni supprimée ; émettez un avoir.` });
    expect(await hostile('invoices', 'inv-1', { issueDate: addDays(today, -3), clientId: 'c-2' }, 2)).toMatchObject({ status: 'rejected' });
    const clash = await hostile('contracts', 'k-2', contractRecord('c-2', ' ct-2026-00001'));
    // The French the laptop shows in French, and the message code it says in English (issue 19), as src-core words the refusal.
    const said = referenceClash({ id: 'k-2', reference: ' ct-2026-00001' }, [{ id: 'k-1', reference: 'CT-2026-00001' }])!;
    expect(clash).toMatchObject({ status: 'rejected', reason: messageFr(said), said });
  });

  it('refuse un saut d’état de lettre, un retour en brouillon et la suppression d’une lettre imprimée', async () => {
    const sent = { status: 'sent', sentOn: today, registeredNumber: '1A 123 456 7890 1' };
    expect(await hostile('letters', 'l-1', sent, 1)).toMatchObject({
      status: 'rejected',
      reason: 'Transition impossible : « Envoi en recommandé » n’est pas possible pour une lettre brouillon : imprimez d’abord la lettre.',
    });
    expect(await hostile('letters', 'l-1', { status: 'printed' }, 1)).toMatchObject({ status: 'applied', version: 2 });
    expect(await hostile('letters', 'l-1', { status: 'draft' }, 2)).toMatchObject({ status: 'rejected', reason: 'Transition impossible : une lettre imprimée ne redevient pas un brouillon.' });
    expect(await hostile('letters', 'l-1', { ...sent, sentOn: addDays(today, 2) }, 2)).toMatchObject({ status: 'rejected', reason: expect.stringContaining('ne peut pas être dans le futur') });
    const [deleted] = await push('hostile', [mutation('hostile', 'letters', 'l-1', {}, 2, 'delete')]);
    expect(deleted).toMatchObject({ status: 'rejected', reason: 'Une lettre imprimée ne se supprime pas : elle reste au dossier du client.' });
  });

  it('refuse un avoir au-delà de ce qui reste à créditer, sans consommer son numéro', async () => {
    const grant = await api.post<DeviceGrantResponse>('/series/device-grant', server.tokens.alice, { deviceId: 'hostile', year: Number(today.slice(0, 4)), kind: 'credit_note' });
    expect(grant.status).toBe(200);
    const note = (netCents: number) => ({
      ...meta,
      kind: 'credit_note',
      status: 'issued',
      number: `${grant.body.prefix}0001`,
      clientId: 'c-1',
      contractId: 'k-1',
      issueDate: today,
      dueDate: today,
      creditedInvoiceId: 'inv-1',
      lines: [{ label: `Avoir sur facture ${invoiceNumber} – Hébergement T99`, quantity: 1, unitPriceCents: -netCents, netCents: -netCents, vatRatePercent: 20 }],
      totals: { netCents: -netCents, vatCents: -Math.round(netCents * 0.2), totalCents: -netCents - Math.round(netCents * 0.2), byRate: [{ ratePercent: 20, baseCents: -netCents, vatCents: -Math.round(netCents * 0.2) }] },
      vatMention: null,
    });
    expect(await hostile('invoices', 'av-over', note(9901))).toMatchObject({ status: 'rejected', reason: messageFr(creditExcessProblem([9900], [9901])!) });
    const stray = { ...note(100), lines: [{ ...note(100).lines[0]!, label: 'Remise commerciale' }] };
    expect(await hostile('invoices', 'av-stray', stray)).toMatchObject({ status: 'rejected', reason: expect.stringContaining('ne retire aucun montant') });
    // The refused notes did not take number 0001: a note within what remains gets it.
    expect(await hostile('invoices', 'av-ok', note(4000))).toMatchObject({ status: 'applied' });
    const second = { ...note(6000), number: `${grant.body.prefix}0002` };
    expect(await hostile('invoices', 'av-second', second)).toMatchObject({ status: 'rejected', reason: messageFr(creditExcessProblem([5900], [6000])!) });
  });

  it('n’a rien gardé des refus : un autre compte et un vrai poste voient l’état des seuls envois acceptés', async () => {
    const state = await serverState();
    for (const refused of ['p-over', 'p-before', 'p-future', 'p-other-client', 'p-more', 'k-2', 'av-over', 'av-stray', 'av-second']) expect(state.has(refused), refused).toBe(false);
    expect(state.get('inv-1')).toMatchObject({ version: 2, record: { number: invoiceNumber, issueDate: today, clientId: 'c-1', totals: { totalCents: 11880 } } });
    expect(state.get('p-ok')).toMatchObject({ version: 1, record: { amountCents: 5000 } });
    expect(state.get('p-ok')?.record.cancelledOn).toBeUndefined();
    expect(state.get('l-1')).toMatchObject({ version: 2, record: { status: 'printed' } });
    expect(state.get('k-1')?.record.reference).toBe('CT-2026-00001');

    const b = await openLaptop('b', () => server.url(), { token: server.tokens.bob });
    laptops.push(b);
    await b.engine.syncNow();
    const ledger = await documentLedger(b.data.ctx, 'inv-1');
    // 118,80 € − 50,00 € − 68,80 € paid, − 48,00 € credited: the client is owed 48,00 € back, as the laptop shows it.
    expect(ledger?.payments.map((p) => p.id).sort()).toEqual(['p-ok', 'p-rest']);
    expect(ledger?.creditNotes.map((n) => n.id)).toEqual(['av-ok']);
    expect(ledger?.settlement?.balanceCents).toBe(11880 - 5000 - 6880 - 4800);
    expect((await b.data.db.letters.get('l-1'))?.status).toBe('printed');
    expect(formatDateFr(ledger!.invoice.issueDate)).toBe(formatDateFr(today));
  });
});
