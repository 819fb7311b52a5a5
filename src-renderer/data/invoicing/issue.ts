import { compareDates, DomainError, invoiceSchema, parseEntity, type Invoice, type InvoiceInput } from '../../../src-core';
import { writeChange } from '../change';
import type { DataContext } from '../context';
import { invoicingTransaction } from './common';
import { buyerSnapshot, numberAllocator } from './numbering';

/**
 * Issuing (DOMAIN.md, Numbering): drafts become documents with the next
 * numbers of the laptop's series, in ONE transaction with the series state,
 * the audit entries and the outbox mutations — all numbered or none, so a
 * number is never lost (a gap) nor handed out twice. Drafts are numbered in
 * date order because numbers must also follow dates; a draft dated before the
 * series' last document is refused with the reason, and nothing is issued.
 * Documents issued meanwhile by a racing call are skipped, not renumbered.
 */
export async function issueDrafts(ctx: DataContext, ids: readonly string[], actor: string): Promise<Invoice[]> {
  const { db } = ctx;
  return invoicingTransaction(ctx, async () => {
    const found = await db.invoices.bulkGet([...ids]);
    const drafts = found
      .filter((i): i is Invoice => i !== undefined && i.status === 'draft')
      .sort((a, b) => compareDates(a.issueDate, b.issueDate) || a.id.localeCompare(b.id));
    const clients = await db.clients.bulkGet(drafts.map((d) => d.clientId));
    const numbers = await numberAllocator(ctx);
    const issuedAt = ctx.now();
    const issued: Invoice[] = [];
    for (const [i, draft] of drafts.entries()) {
      const client = clients[i];
      if (!client) throw new DomainError('INVALID_INPUT', `Client introuvable pour le brouillon ${draft.id}.`);
      const { number, seriesId } = await numbers.next(draft.kind, draft.issueDate);
      const after = parseEntity(invoiceSchema, { ...draft, status: 'issued', number, seriesId, issuedAt, buyer: buyerSnapshot(client), updatedAt: issuedAt }, 'Facture');
      await writeChange(ctx, { entity: 'invoices', before: draft, after, actor, action: 'issue', summary: `Facture ${number} émise (${client.legalName}).`, clientId: draft.clientId });
      issued.push(after);
    }
    await numbers.save();
    return issued;
  });
}

/**
 * Creates a document and numbers it at once — credit notes and surcharge
 * documents have no draft step: the dialog that asks for them is the preview.
 * Runs inside the caller's `invoicingTransaction`, so the checks the caller
 * made on the invoice and this number are committed together.
 */
export async function issueNewDocument(
  ctx: DataContext,
  fields: Omit<InvoiceInput, 'status' | 'number' | 'seriesId' | 'issuedAt'>,
  actor: string,
  summary: (number: string) => string,
): Promise<Invoice> {
  const numbers = await numberAllocator(ctx);
  const { number, seriesId } = await numbers.next(fields.kind, fields.issueDate);
  const at = ctx.now();
  const doc = parseEntity(invoiceSchema, { ...fields, status: 'issued', number, seriesId, issuedAt: at, id: ctx.newId(), createdAt: at, updatedAt: at, version: 0 }, 'Facture');
  await writeChange(ctx, { entity: 'invoices', before: undefined, after: doc, actor, action: 'issue', summary: summary(number), clientId: doc.clientId });
  await numbers.save();
  return doc;
}
