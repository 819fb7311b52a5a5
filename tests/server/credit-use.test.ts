import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toParisWallClock } from '../../src-core/calendar';
import { pushResponseSchema, type PushResponse } from '../../src-core/sync';
import { createUser } from '../../src-server/auth/users';
import type { ApiClient } from './support/api';
import { clientRecord, contractRecord, draftInvoice, mutation } from './support/fixtures';
import type { ServerProcess } from './support/server-process';
import { serveSeeded } from './support/served';
import { storageVariants, type TestStorage } from './support/storages';

const STARTUP_TIMEOUT = 180_000;
const today = toParisWallClock(Date.now()).date;

/**
 * Issue 16: what the laptop checks on a refund or an offset of an overpaid
 * invoice, the central API checks too (src-core creditUseProblem) — a laptop
 * bypassing the app cannot refund more than was overpaid, nor impute a credit
 * on another client's invoice.
 */
describe.each(storageVariants())('remboursement et imputation d’avoir vérifiés par le serveur — stockage $name', ({ open }) => {
  let storage: TestStorage;
  let server: ServerProcess;
  let api: ApiClient;
  let token = '';

  beforeAll(async () => {
    ({ storage, server, api } = await serveSeeded(open, async (db) => {
      token = (await createUser(db, 'alice', 'account_manager')).token;
    }));
  }, STARTUP_TIMEOUT);

  afterAll(async () => {
    await server?.stop();
    await storage?.dispose();
  }, STARTUP_TIMEOUT);

  const push = async (...mutations: ReturnType<typeof mutation>[]) => {
    const answer = await api.post<PushResponse>('/sync/push', token, { deviceId: 'laptop-a', mutations });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    return pushResponseSchema.parse(answer.body).results;
  };
  const issue = async (invoiceId: string): Promise<string> => {
    const answer = await api.post<{ number: string }>('/invoices/issue', token, { invoiceId, issueDate: today });
    expect(answer.status).toBe(200);
    return answer.body.number;
  };
  const entry = (fields: Record<string, unknown>) => ({
    createdAt: '2026-03-01T09:00:00+01:00', updatedAt: '2026-03-01T09:00:00+01:00', version: 0,
    clientId: 'c-1', date: today, method: 'virement', reference: '', ...fields,
  });

  it('takes a refund up to the overpayment, refuses one beyond it, an offset onto another client’s invoice, and beyond what the target owes', async () => {
    const credit = (invoiceNumber: string) => ({
      ...draftInvoice('c-1', 'k-1', today), kind: 'credit_note', creditedInvoiceId: 'inv-a', dueDate: today,
      lines: [{ label: `Avoir sur facture ${invoiceNumber} – Hébergement T99`, quantity: 1, unitPriceCents: -9900, netCents: -9900, vatRatePercent: 20 }],
      totals: { netCents: -9900, vatCents: -1980, totalCents: -11880, byRate: [{ ratePercent: 20, baseCents: -9900, vatCents: -1980 }] },
    });
    const results = await push(
      mutation('laptop-a', 'clients', 'c-1', clientRecord('Acme GmbH')),
      mutation('laptop-a', 'clients', 'c-2', clientRecord('Beta AG')),
      mutation('laptop-a', 'contracts', 'k-1', contractRecord('c-1', 'CT-2026-00001')),
      mutation('laptop-a', 'contracts', 'k-2', contractRecord('c-2', 'CT-2026-00002')),
      mutation('laptop-a', 'invoices', 'inv-a', { ...draftInvoice('c-1', 'k-1', today), dueDate: today }),
      mutation('laptop-a', 'invoices', 'inv-b', { ...draftInvoice('c-1', 'k-1', today), dueDate: today }),
      mutation('laptop-a', 'invoices', 'inv-other', { ...draftInvoice('c-2', 'k-2', today), dueDate: today }),
    );
    expect(results.map((r) => r.status)).toEqual(Array(7).fill('applied'));
    const [invoiceNumber] = [await issue('inv-a'), await issue('inv-b'), await issue('inv-other')];

    // 118,80 € paid on inv-a, then cancelled by the credit note: 118,80 € overpaid.
    const [paid] = await push(mutation('laptop-a', 'payments', 'p-1', entry({ invoiceId: 'inv-a', amountCents: 11880 })));
    expect(paid).toMatchObject({ status: 'applied' });
    // Then a credit note corrects an issued invoice (src-core/rules, checked by the server on the draft too).
    const [credited] = await push(mutation('laptop-a', 'invoices', 'av-a', credit(invoiceNumber!)));
    expect(credited, JSON.stringify(credited)).toMatchObject({ status: 'applied' });
    await issue('av-a');

    const [tooMuch] = await push(mutation('laptop-a', 'payments', 'r-1', entry({ kind: 'refund', invoiceId: 'inv-a', creditNoteId: 'av-a', amountCents: 11881 })));
    expect(tooMuch).toMatchObject({ status: 'rejected', reason: expect.stringMatching(/^Le remboursement \(118,81\s€\) dépasse ce que le client a payé au-delà du solde de la facture F-\d{4}-000001 \(118,80\s€\)\.$/) });

    const [refund] = await push(mutation('laptop-a', 'payments', 'r-1', entry({ kind: 'refund', invoiceId: 'inv-a', creditNoteId: 'av-a', amountCents: 5000 })));
    expect(refund).toMatchObject({ status: 'applied' });

    // 68,80 € left: an offset of it onto another client's invoice is refused, onto the client's next invoice taken.
    const offset = (fields: Record<string, unknown>) => entry({ kind: 'offset', method: 'compensation', invoiceId: 'inv-a', creditNoteId: 'av-a', ...fields });
    const [elsewhere] = await push(mutation('laptop-a', 'payments', 'o-1', offset({ amountCents: 6880, offsetInvoiceId: 'inv-other' })));
    expect(elsewhere).toMatchObject({ status: 'rejected', reason: expect.stringContaining('d’un autre client') });
    const [beyond] = await push(mutation('laptop-a', 'payments', 'o-1', offset({ amountCents: 6881, offsetInvoiceId: 'inv-b' })));
    expect(beyond).toMatchObject({ status: 'rejected', reason: expect.stringContaining('dépasse ce que le client a payé') });
    const [taken] = await push(mutation('laptop-a', 'payments', 'o-1', offset({ amountCents: 6880, offsetInvoiceId: 'inv-b' })));
    expect(taken).toMatchObject({ status: 'applied' });

    // Nothing is left to refund: even one cent is refused; a cancelled refund frees its amount.
    const [more] = await push(mutation('laptop-a', 'payments', 'r-2', entry({ kind: 'refund', invoiceId: 'inv-a', creditNoteId: 'av-a', amountCents: 1 })));
    expect(more).toMatchObject({ status: 'rejected', reason: expect.stringContaining('n’a pas de trop-perçu') });
    const [cancelled] = await push(mutation('laptop-a', 'payments', 'r-1', { cancelledOn: today, cancellationReason: 'virement revenu' }, 1));
    expect(cancelled).toMatchObject({ status: 'applied' });
    const [again] = await push(mutation('laptop-a', 'payments', 'r-2', entry({ kind: 'refund', invoiceId: 'inv-a', creditNoteId: 'av-a', amountCents: 5000 })));
    expect(again).toMatchObject({ status: 'applied' });
  }, 60_000);
});
