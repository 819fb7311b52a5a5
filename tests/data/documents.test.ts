import { describe, expect, it } from 'vitest';
import { DEFAULT_RULE_SETTINGS, DEMO_SELLER_PROFILE } from '../../src-core';
import { openDataLayer } from '../../src-renderer/data';
import { recordPayment, removePayment } from '../../src-renderer/data/invoicing';
import { advanceLetter, createDraftLetter } from '../../src-renderer/data/letters-flow';
import { ACTOR, CLIENT_INPUT, counts, freshIndexedDb, openTestData } from './helpers';

async function withInvoice() {
  const data = await openTestData();
  const client = await data.commands.clients.create(CLIENT_INPUT, ACTOR);
  const contract = await data.commands.contracts.create({ clientId: client.id, reference: 'CT-2026-00002', tier: 'T99', priceListId: 'PL-2024-09-01', startDate: '2026-11-16' }, ACTOR);
  const invoice = await data.commands.invoices.createDraft(
    {
      kind: 'invoice',
      status: 'draft',
      number: null,
      clientId: client.id,
      contractId: contract.id,
      period: '2026-11',
      issueDate: '2026-11-16',
      dueDate: '2026-12-16',
      lines: [{ label: 'Hébergement T99 du 16 au 30 novembre 2026', quantity: 1, unitPriceCents: 4950, netCents: 4950, vatRatePercent: 20 }],
      totals: { netCents: 4950, vatCents: 990, totalCents: 5940, byRate: [{ ratePercent: 20, baseCents: 4950, vatCents: 990 }] },
      vatMention: null,
    },
    ACTOR,
  );
  return { ...data, client, contract, invoice };
}

describe('invoices, payments, letters', () => {
  it('drafts can be edited and deleted; issued invoices cannot', async () => {
    const { db, repos, commands, invoice, client } = await withInvoice();
    expect(await repos.invoices.query({ clientId: client.id, status: 'draft' })).toEqual([invoice]);
    expect(await repos.invoices.query({ period: '2026-10' })).toEqual([]);
    expect(await repos.invoices.query()).toHaveLength(1);
    const edited = await commands.invoices.updateDraft(invoice.id, { dueDate: '2026-12-31' }, ACTOR);
    expect(edited.dueDate).toBe('2026-12-31');
    await commands.invoices.deleteDraft(invoice.id, ACTOR);
    expect(await repos.invoices.get(invoice.id)).toBeUndefined();
    const deletion = (await repos.outbox.pending()).at(-1)!;
    expect(deletion).toMatchObject({ op: 'delete', recordId: invoice.id, changes: {} });

    // An issued invoice (as the sync engine would store it) is immutable here.
    await db.invoices.put({ ...invoice, status: 'issued', number: 'F-2026-000001' });
    await expect(commands.invoices.updateDraft(invoice.id, { dueDate: '2027-01-31' }, ACTOR)).rejects.toThrow(/émettez un avoir/);
    await expect(commands.invoices.deleteDraft(invoice.id, ACTOR)).rejects.toThrow(/émise/);
    await expect(commands.invoices.deleteDraft('nope', ACTOR)).rejects.toThrow(/introuvable/);
  });

  it('payments go on issued invoices of the same client', async () => {
    const { db, ctx, repos, invoice, client } = await withInvoice();
    const input = { invoiceId: invoice.id, clientId: client.id, date: '2026-11-20', amountCents: 5940, method: 'virement' as const, reference: 'VIR 42' };
    const before = await counts(db);
    await expect(recordPayment(ctx, input, ACTOR)).rejects.toThrow(/Un brouillon ne se paie pas/);
    await expect(recordPayment(ctx, { ...input, clientId: 'other' }, ACTOR)).rejects.toThrow(/introuvable/);
    expect(await counts(db)).toEqual(before);
    await db.invoices.put({ ...invoice, status: 'issued', number: 'F-2026-000001' });
    const payment = await recordPayment(ctx, input, ACTOR);
    expect(await repos.payments.ofInvoice(invoice.id)).toEqual([payment]);
    expect((await repos.audit.ofClient(client.id))[0]!.summary).toBe('Paiement de 59,40\u00a0€ (virement) sur la facture F-2026-000001.');
    await removePayment(ctx, payment.id, ACTOR);
    expect(await repos.payments.ofClient(client.id)).toEqual([]);
    await expect(removePayment(ctx, payment.id, ACTOR)).rejects.toThrow(/introuvable/);
  });

  // Letters move only through the letter commands (no raw status update beside them): along their steps, with dates.
  it('letters follow their status with dates', async () => {
    const { ctx, repos, contract, client } = await withInvoice();
    const draft = { kind: 'breachNotice' as const, clientId: client.id, contractId: contract.id, params: { contract: { reference: contract.reference, label: 'Hébergement Dokos T99' }, letterDate: '2026-11-27', description: 'le module de contrôle de licence a été désactivé.' } };
    const letter = await createDraftLetter(ctx, draft, ACTOR);
    const send = { type: 'send' as const, sentOn: '2026-11-27', registeredNumber: '1A 123 456 7890 1' };
    // A draft is printed before it is sent: the jump writes nothing.
    await expect(advanceLetter(ctx, letter.id, send, ACTOR)).rejects.toThrow(/n’est pas possible/);
    expect((await repos.letters.get(letter.id))?.status).toBe('draft');
    await advanceLetter(ctx, letter.id, { type: 'print' }, ACTOR);
    await expect(advanceLetter(ctx, letter.id, { ...send, registeredNumber: '' }, ACTOR)).rejects.toThrow(/numéro du recommandé/);
    const sent = await advanceLetter(ctx, letter.id, send, ACTOR);
    expect(await repos.letters.query({ status: 'sent', clientId: client.id })).toEqual([sent]);
    expect(await repos.letters.query({ contractId: 'other' })).toEqual([]);
    expect(await repos.letters.get(letter.id)).toEqual(sent);
    await expect(advanceLetter(ctx, 'nope', { type: 'print' }, ACTOR)).rejects.toThrow(/introuvable/);
  });
});

describe('settings and device', () => {
  it('validates settings, audits them, makes the device id once', async () => {
    const idb = freshIndexedDb();
    const layer = await openDataLayer({ name: 'settings', ...idb });
    await layer.commands.settings.set('sellerProfile', DEMO_SELLER_PROFILE, ACTOR);
    await layer.commands.settings.set('ruleSettings', { ...DEFAULT_RULE_SETTINGS, paymentTermDays: 45 }, ACTOR);
    expect((await layer.repos.settings.get('ruleSettings'))?.paymentTermDays).toBe(45);
    await expect(layer.commands.settings.set('sellerProfile', { ...DEMO_SELLER_PROFILE, email: 'non' }, ACTOR)).rejects.toThrow(/Saisie refusée \(Profil vendeur\)/);
    expect((await layer.repos.audit.ofRecord('settings', 'sellerProfile'))).toHaveLength(1);
    expect(await layer.repos.audit.recent(1)).toHaveLength(1);
    expect(await layer.repos.outbox.count()).toBe(0);
    layer.db.close();
    const again = await openDataLayer({ name: 'settings', ...idb });
    expect(again.ctx.deviceId).toBe(layer.ctx.deviceId);
  });

  it('acknowledged mutations leave the outbox', async () => {
    const { repos } = await withInvoice();
    const pending = await repos.outbox.pending();
    expect(pending.map((m) => m.entity)).toEqual(['clients', 'contracts', 'invoices']);
    expect(await repos.outbox.acknowledge(pending.slice(0, 2).map((m) => m.mutationId))).toBe(2);
    expect(await repos.outbox.count()).toBe(1);
  });
});
