import { describe, expect, it } from 'vitest';
import type { Invoice, PlatformState } from '../../src-core';
import { commitPulledPage, validatePulledPage } from '../../src-renderer/data/sync-state';
import { createMonthlyDrafts, eReportingMonths, issueDrafts, planMonthlyRun, platformAttention, platformLedger, recordPayment } from '../../src-renderer/data/invoicing';
import { ACTOR, CLIENT_INPUT, openTestData } from './helpers';

/** The central API's write of the platform's statuses, arriving as a pulled change like any other. */
async function pullPlatform(db: Awaited<ReturnType<typeof openTestData>>['db'], invoice: Invoice, platform: PlatformState, cursor: string) {
  const record = { ...invoice, version: invoice.version + 1, platform };
  const page = validatePulledPage({ changes: [{ entity: 'invoices', recordId: invoice.id, version: record.version, deleted: false, record, changedAt: '2026-11-27T10:00:00.000Z' }], nextCursor: cursor });
  await commitPulledPage(db, 'core', page);
}

/** Two November invoices (French client, German client), issued on 02/11/2026; today is 27/11/2026. */
async function twoInvoices() {
  const data = await openTestData();
  const fr = await data.commands.clients.create(CLIENT_INPUT, ACTOR);
  const de = await data.commands.clients.create(
    { ...CLIENT_INPUT, legalName: 'Acme GmbH', siren: undefined, vatNumber: 'DE123456789', country: 'DE', billingAddress: { lines: ['Hauptstraße 1'], postalCode: '10115', city: 'Berlin' } },
    ACTOR,
  );
  for (const [client, reference] of [[fr, 'CT-1'], [de, 'CT-2']] as const) {
    await data.commands.contracts.create({ clientId: client.id, reference, tier: 'T99', priceListId: 'PL-2024-09-01', startDate: '2026-01-01' }, ACTOR);
  }
  data.setToday('2026-11-02');
  await createMonthlyDrafts(data.ctx, await planMonthlyRun(data.ctx, '2026-11'), ACTOR);
  const drafts = await data.repos.invoices.query({ period: '2026-11' });
  const issued = await issueDrafts(data.ctx, drafts.map((d) => d.id), ACTOR);
  data.setToday();
  const byClient = (id: string) => issued.find((i) => i.clientId === id)!;
  return { ...data, frInvoice: byClient(fr.id), deInvoice: byClient(de.id) };
}

describe('statuts de la plateforme et e-reporting sur le poste (issue 18)', () => {
  it('un statut « rejetée » tiré du serveur se lit dans le filtre et le compte du tableau de bord', async () => {
    const { db, ctx, frInvoice } = await twoInvoices();
    expect(await platformAttention(ctx)).toEqual({});
    await pullPlatform(db, frInvoice, { flowId: 'FL-1', status: 'rejected', reason: 'SIREN inconnu de l’annuaire', history: [{ status: 'rejected', at: '2026-11-03T09:00:00.000Z', reason: 'SIREN inconnu de l’annuaire' }] }, '1');
    expect(await platformAttention(ctx)).toEqual({ rejected: 1 });
    const rows = await platformLedger(ctx, 'rejected');
    expect(rows.map((r) => r.invoice.number)).toEqual([frInvoice.number]);
    expect(rows[0]!.invoice.platform?.reason).toBe('SIREN inconnu de l’annuaire');
    expect(await platformLedger(ctx, 'approved')).toEqual([]);
  });

  it('l’écran d’e-reporting montre la facture hors de France et son paiement à déclarer, puis déclarés une fois marqués', async () => {
    const { db, ctx, deInvoice } = await twoInvoices();
    await recordPayment(ctx, { invoiceId: deInvoice.id, clientId: deInvoice.clientId, date: '2026-11-20', amountCents: 9900, method: 'virement', reference: 'VIR' }, ACTOR);
    const [november] = await eReportingMonths(ctx);
    const paymentId = november!.payments[0]!.paymentId;
    expect(november).toMatchObject({ month: '2026-11', transactions: [{ number: deInvoice.number, reported: false }], payments: [{ amountCents: 9900, reported: false }] });
    await pullPlatform(db, deInvoice, { history: [], reportedIn: '2026-11', reportedAt: '2026-12-01T02:00:00.000Z', reportedPayments: [paymentId] }, '2');
    const [after] = await eReportingMonths(ctx);
    expect(after!.transactions.every((t) => t.reported) && after!.payments.every((p) => p.reported)).toBe(true);
  });
});
