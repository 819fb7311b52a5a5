import { execFileSync } from 'node:child_process';
import { readOutbox } from '../../src-renderer/data';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { eInvoiceOf, facturX, PRICE_LIST_2024_09_01, readCiiXml } from '../../src-core';
import { renderInvoicesBatchPdf } from '../../src-renderer/documents';
import { invoiceDocumentModel } from '../../src-renderer/features/invoices/document-model';
import {
  cancelPayment, createCreditNote, createMonthlyDrafts, documentLedger, issueDrafts, ledger, offsetOnNextInvoice, overdueLedger, planMonthlyRun, printableDocument, recordPayment, recordRefund,
} from '../../src-renderer/data/invoicing';
import { ACTOR, CLIENT_INPUT, counts, openTestData } from './helpers';

/**
 * A T99 invoice (118,80 € TTC) for October, paid in full on 20/11, then
 * cancelled by a credit note on 27/11: the client paid 118,80 € it no longer
 * owes. It is refunded, or imputed on the next invoice (December's run).
 */
async function paidThenCredited(creditRequest: 'full' | { lineIndex: number; netCents: number }[] = 'full') {
  const data = await openTestData();
  const client = await data.commands.clients.create(CLIENT_INPUT, ACTOR);
  const other = await data.commands.clients.create({ ...CLIENT_INPUT, legalName: 'Autre Client SAS' }, ACTOR);
  const contract = await data.commands.contracts.create({ clientId: client.id, reference: 'CT-1', tier: 'T99', priceListId: PRICE_LIST_2024_09_01.id, startDate: '2026-01-01' }, ACTOR);
  await data.commands.contracts.create({ clientId: other.id, reference: 'CT-2', tier: 'T99', priceListId: PRICE_LIST_2024_09_01.id, startDate: '2026-01-01' }, ACTOR);
  data.setToday('2026-10-01');
  await createMonthlyDrafts(data.ctx, await planMonthlyRun(data.ctx, '2026-10'), ACTOR);
  const drafts = await data.repos.invoices.query({ period: '2026-10' });
  const issued = await issueDrafts(data.ctx, drafts.map((d) => d.id), ACTOR);
  const invoice = issued.find((i) => i.clientId === client.id)!;
  const otherInvoice = issued.find((i) => i.clientId === other.id)!;
  data.setToday();
  await recordPayment(data.ctx, { invoiceId: invoice.id, clientId: client.id, date: '2026-11-20', amountCents: 11880, method: 'virement', reference: 'VIR-1' }, ACTOR);
  const note = await createCreditNote(data.ctx, invoice.id, creditRequest, ACTOR, 'cmd-av');
  /** December's run, issued on 01/12/2026 for both clients. */
  const december = async () => {
    data.setToday('2026-12-01');
    await createMonthlyDrafts(data.ctx, await planMonthlyRun(data.ctx, '2026-12'), ACTOR);
    const next = await issueDrafts(data.ctx, (await data.repos.invoices.query({ period: '2026-12' })).map((d) => d.id), ACTOR);
    return { mine: next.find((i) => i.clientId === client.id)!, theirs: next.find((i) => i.clientId === other.id)! };
  };
  return { ...data, client, contract, invoice, otherInvoice, note, december };
}

const dir = mkdtempSync(join(tmpdir(), 'contrats-offset-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const balanceOf = async (data: Awaited<ReturnType<typeof paidThenCredited>>, id: string) => (await documentLedger(data.ctx, id))!.settlement!;

describe('a credit note on a paid invoice: refund or offset (issue 16)', { timeout: 30_000 }, () => {
  it('the credit leaves an overpayment: the invoice shows −118,80 € to refund or impute', async () => {
    const data = await paidThenCredited();
    const s = await balanceOf(data, data.invoice.id);
    expect(s).toMatchObject({ paidCents: 11880, creditedCents: 11880, balanceCents: -11880 });
    expect(s.status.rule).toContain('Trop-perçu de 118,80');
  });

  it('a refund brings the balance to 0, is audited and queued for sync; never more than the overpayment', async () => {
    const data = await paidThenCredited();
    const before = await counts(data.db);
    await expect(recordRefund(data.ctx, { creditNoteId: data.note.id, date: '2026-11-27', amountCents: 11881, method: 'virement', reference: '' }, ACTOR)).rejects.toThrow(
      new RegExp(`^Le remboursement \\(118,81\\s€\\) dépasse ce que le client a payé au-delà du solde de la facture ${data.invoice.number} \\(118,80\\s€\\)\\.$`),
    );
    await expect(recordRefund(data.ctx, { creditNoteId: data.note.id, date: '2026-11-26', amountCents: 100, method: 'virement', reference: '' }, ACTOR)).rejects.toThrow(
      /Le remboursement \(le 26\/11\/2026\) ne peut pas précéder/,
    );
    expect(await counts(data.db)).toEqual(before);

    const refund = await recordRefund(data.ctx, { creditNoteId: data.note.id, date: '2026-11-27', amountCents: 11880, method: 'virement', reference: 'RMB-1' }, ACTOR, 'cmd-r');
    expect(refund).toMatchObject({ kind: 'refund', invoiceId: data.invoice.id, creditNoteId: data.note.id, amountCents: 11880 });
    const s = await balanceOf(data, data.invoice.id);
    expect(s).toMatchObject({ balanceCents: 0, refundedCents: 11880 });
    expect(s.status.value).toBe('credited');
    const audit = await data.repos.audit.ofRecord('payments', refund.id);
    expect(audit.map((a) => a.summary)).toEqual([expect.stringContaining('Remboursement de 118,80')]);
    expect((await readOutbox(data.db)).filter((m) => m.recordId === refund.id)).toHaveLength(1);
    await expect(recordRefund(data.ctx, { creditNoteId: data.note.id, date: '2026-11-27', amountCents: 1, method: 'virement', reference: '' }, ACTOR)).rejects.toThrow(/n’a pas de trop-perçu/);
  });

  it('two submits of one refund at once record one', async () => {
    const data = await paidThenCredited();
    const input = { creditNoteId: data.note.id, date: '2026-11-27', amountCents: 5000, method: 'cheque' as const, reference: '' };
    const [a, b] = await Promise.all([recordRefund(data.ctx, input, ACTOR, 'cmd-r'), recordRefund(data.ctx, input, ACTOR, 'cmd-r')]);
    expect(a.id).toBe(b.id);
    expect((await data.db.payments.toArray()).filter((p) => p.kind === 'refund')).toHaveLength(1);
    expect((await balanceOf(data, data.invoice.id)).balanceCents).toBe(-6880);
  });

  it('an offset waits for the next invoice, is imputed on it when issued: it asks that much less, its totals stay', async () => {
    const data = await paidThenCredited();
    const [a, b] = await Promise.all([
      offsetOnNextInvoice(data.ctx, { creditNoteId: data.note.id, amountCents: 11880 }, ACTOR, 'cmd-o'),
      offsetOnNextInvoice(data.ctx, { creditNoteId: data.note.id, amountCents: 11880 }, ACTOR, 'cmd-o'),
    ]);
    expect(a.id).toBe(b.id);
    expect(a).toMatchObject({ kind: 'offset', method: 'compensation', amountCents: 11880 });
    expect(a.offsetInvoiceId).toBeUndefined();
    expect((await balanceOf(data, data.invoice.id))).toMatchObject({ balanceCents: 0, offsetOutCents: 11880 });
    await expect(offsetOnNextInvoice(data.ctx, { creditNoteId: data.note.id, amountCents: 1 }, ACTOR)).rejects.toThrow(/n’a pas de trop-perçu/);

    const { mine, theirs } = await data.december();
    expect(mine.totals.totalCents).toBe(11880);
    const next = (await documentLedger(data.ctx, mine.id))!;
    expect(next.settlement).toMatchObject({ offsetInCents: 11880, paidCents: 0, balanceCents: 0 });
    expect(next.status).toBe('paid');
    expect(next.offsetsIn.map((o) => o.creditNote?.number)).toEqual(['AV-2026-000001']);
    // Another client's invoice is not touched.
    expect((await balanceOf(data, theirs.id)).balanceCents).toBe(11880);
    // The client's list: nothing owed on either.
    const rows = await ledger(data.ctx, { clientId: data.client.id });
    expect(rows.filter((r) => r.settlement).map((r) => r.settlement!.balanceCents)).toEqual([0, 0]);
    // The imputed offset is part of the issued invoice: it is not cancelled.
    await expect(cancelPayment(data.ctx, a.id, 'erreur de saisie', ACTOR)).rejects.toThrow(/figure sur la facture émise F-2026-00000/);
  });

  it('splits a pending offset over two invoices issued the same day', async () => {
    const data = await paidThenCredited();
    await offsetOnNextInvoice(data.ctx, { creditNoteId: data.note.id, amountCents: 11880 }, ACTOR);
    // A second contract of the client at T49 (58,80 € TTC): December has two invoices for it.
    await data.commands.contracts.create({ clientId: data.client.id, reference: 'CT-3', tier: 'T49', priceListId: PRICE_LIST_2024_09_01.id, startDate: '2026-01-01' }, ACTOR);
    data.setToday('2026-12-01');
    await createMonthlyDrafts(data.ctx, await planMonthlyRun(data.ctx, '2026-12'), ACTOR);
    const drafts = (await data.repos.invoices.query({ period: '2026-12' })).filter((d) => d.clientId === data.client.id);
    const t49 = drafts.find((d) => d.totals.totalCents === 5880)!;
    // The smaller invoice first: it takes 58,80 €, the rest (60,00 €) goes on the next one issued.
    const [first] = await issueDrafts(data.ctx, [t49.id], ACTOR);
    const pending = (await data.db.payments.toArray()).filter((p) => p.kind === 'offset');
    expect(pending.map((o) => [o.amountCents, o.offsetInvoiceId ?? null]).sort()).toEqual([[5880, first!.id], [6000, null]].sort());
    expect((await balanceOf(data, first!.id)).balanceCents).toBe(0);
    const [second] = await issueDrafts(data.ctx, [drafts.find((d) => d.id !== t49.id)!.id], ACTOR);
    expect((await balanceOf(data, second!.id))).toMatchObject({ offsetInCents: 6000, balanceCents: 5880 });
    // Source invoice: 118,80 € carried out in total, balance 0.
    expect((await balanceOf(data, data.invoice.id))).toMatchObject({ offsetOutCents: 11880, balanceCents: 0 });
    // Overdue list: nothing of this client on 27/01/2027 but the second invoice's 58,80 €.
    data.setToday('2027-01-27');
    const overdue = (await overdueLedger(data.ctx)).filter((r) => r.invoice.clientId === data.client.id);
    expect(overdue.map((r) => r.settlement.balanceCents)).toEqual([5880]);
  });

  it('the invoice an offset is imputed on states it: « Avoir n° … imputé », net to pay; its XML says it too (BT-113, BT-115)', async () => {
    const data = await paidThenCredited();
    await offsetOnNextInvoice(data.ctx, { creditNoteId: data.note.id, amountCents: 5000 }, ACTOR);
    const { mine } = await data.december();
    const batch = await printableDocument(data.ctx, mine.id);
    const [doc] = batch.documents;
    const model = invoiceDocumentModel(doc!.invoice, doc!.client, batch.seller, { referencedNumber: doc!.referencedNumber, referencedDate: doc!.referencedDate, imputedCredits: doc!.imputedCredits });
    const file = join(dir, 'december.pdf');
    writeFileSync(file, renderInvoicesBatchPdf([model]));
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/[\s\u00a0\u202f]+/g, ' ');
    expect(text).toContain('Total TTC 118,80 €');
    expect(text).toContain('Avoir n° AV-2026-000001 imputé -50,00 €');
    expect(text).toContain('Net à payer 68,80 €');
    const xml = facturX(model);
    expect(xml.problems).toEqual([]);
    expect(eInvoiceOf(model).totals).toMatchObject({ grandTotalCents: 11880, paidCents: 5000, duePayableCents: 6880 });
    expect(readCiiXml(xml.xml).totals).toMatchObject({ paidCents: 5000, duePayableCents: 6880 });
  });
});
