import { creditUseProblem, type CreditUseDocument, type SettlementEntry } from '../../src-core/billing';
import { documentSettlement, type CreditingNote } from '../../src-core/rules';
import type { WireRecord } from '../../src-core/sync';
import type { Message } from '../../src-core/messages';
import type { Queryable } from '../storage/db';
import { loadRecord } from './record-store';

/**
 * The refund or offset of an overpaid invoice (issue 16) checked as the laptop
 * checks it (src-core `creditUseProblem`): out of an issued invoice of the same
 * client that a credit note of it left overpaid, never more than that, and an
 * offset never beyond what the invoice it settles still owes. Each settlement
 * is read from the stored records without the pushed entry itself. Payments
 * received and cancelled entries are not this rule's.
 */
export async function creditUseRefusal(tx: Queryable, id: string, record: WireRecord): Promise<Message | undefined> {
  const kind = record.kind;
  if ((kind !== 'refund' && kind !== 'offset') || record.cancelledOn) return undefined;
  const document = async (docId: unknown) => (typeof docId === 'string' ? stored(await loadRecord(tx, 'invoices', docId)) : undefined);
  const [source, creditNote, target] = await Promise.all([document(record.invoiceId), document(record.creditNoteId), document(record.offsetInvoiceId)]);
  const settled = async (doc: StoredDocument | undefined) => (doc ? { invoice: doc, settlement: await settlementWithout(tx, doc, id) } : undefined);
  const problem = creditUseProblem(
    { kind, clientId: String(record.clientId), amountCents: Number(record.amountCents) },
    { source: await settled(source), creditNote, target: await settled(target) },
  );
  return problem ?? undefined;
}

type StoredDocument = CreditUseDocument & { dueDate: string; totals: { totalCents: number } };

function stored(row: { data: WireRecord; deleted: boolean } | undefined): StoredDocument | undefined {
  return row && !row.deleted ? ({ ...row.data } as unknown as StoredDocument) : undefined;
}

async function settlementWithout(tx: Queryable, doc: StoredDocument, entryId: string) {
  const [entries, creditNotes] = await Promise.all([
    tx.query<{ data: SettlementEntry }>(
      `select data from records where entity = 'payments' and not deleted and id <> $2 and (data->>'invoiceId' = $1 or data->>'offsetInvoiceId' = $1)`,
      [doc.id, entryId],
    ),
    tx.query<{ data: CreditingNote }>(`select data from records where entity = 'invoices' and not deleted and data->>'creditedInvoiceId' = $1`, [doc.id]),
  ]);
  // A document that takes no payment (a draft, a credit note) owes nothing: creditUseProblem refuses it by its kind or status.
  return documentSettlement(doc, entries.map((e) => e.data), creditNotes.map((c) => c.data), doc.dueDate) ?? { balanceCents: 0 };
}
