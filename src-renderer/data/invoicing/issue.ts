import { message, refusalError, assertEInvoiceable, buyerSnapshot, datesOnIssue, invoiceSchema, invoiceTotals, parseEntity, seriesPrefixOf, type Client, type Invoice, type InvoiceInput, type Message } from '../../../src-core';
import { writeChange } from '../change';
import type { DataContext } from '../context';
import { writeInvoiceChanges, type InvoiceChange, type WriteProgress } from './bulk-write';
import { invoicingTransaction } from './transaction';
import { parisToday } from '../context';
import { sellerProfile } from '../settings-in-force';
import { storedTotals } from './stored-amounts';
import { refuseAwaitingCentralIssue } from './awaiting-central-issue';
import { imputePendingOffsets } from './credit-uses';
import { numberAllocator } from './numbering';

/**
 * Issuing (DOMAIN.md, Numbering): drafts become documents with the next
 * numbers of the laptop's series, in ONE transaction with the series state,
 * the audit entries and the outbox mutations — all numbered or none, so a
 * number is never lost (a gap) nor handed out twice. Each is dated the day it
 * is issued (never backdated, src-core `datesOnIssue`) and due after its
 * term from that day, so a month issued late never follows a surcharge or
 * credit note of the same day out of order. A draft of a month not yet begun
 * is refused with the reason, and nothing is issued. Documents issued
 * meanwhile by a racing call are skipped, not renumbered.
 */
export interface IssueOptions {
  /** Documents written so far, between the bulk requests of the one transaction. */
  onProgress?: (progress: WriteProgress) => void;
}

export async function issueDrafts(ctx: DataContext, ids: readonly string[], actor: string, options: IssueOptions = {}): Promise<Invoice[]> {
  return invoicingTransaction(ctx, async () => {
    // A draft whose issue through the central API may have reached the server is not numbered here too: two numbers for one document.
    await refuseAwaitingCentralIssue(ctx, ids);
    const { drafts, before, clients } = await readyForIssue(ctx, ids);
    const numbers = await numberAllocator(ctx);
    // One read per series (a month is one or two), then every number handed out without awaiting.
    const firstOfSeries = new Map(drafts.map((d) => [`${seriesPrefixOf(d.kind)}-${d.issueDate.slice(0, 4)}`, d]));
    for (const draft of firstOfSeries.values()) await numbers.load(draft.kind, draft.issueDate);
    const issuedAt = ctx.now();
    const changes: InvoiceChange[] = [];
    for (const [i, draft] of drafts.entries()) {
      const client = clients[i]!;
      const { number, seriesId } = numbers.take(draft.kind, draft.issueDate);
      const after = parseEntity(invoiceSchema, { ...draft, status: 'issued', number, seriesId, issuedAt, updatedAt: issuedAt }, 'Facture');
      changes.push({ before: before.get(draft.id), after, action: 'issue', summary: message('audit.invoice.issue', { number, date: { date: draft.issueDate }, client: client.legalName }) });
    }
    // Each document must be a valid EN 16931 e-invoice before it is numbered for good (issue 18).
    assertEInvoiceable(changes.map((c, i) => ({ invoice: c.after, client: clients[i] })), await sellerProfile(ctx));
    // The documents and the advanced series in the same transaction: all numbered or none.
    await writeInvoiceChanges(ctx, changes, actor, options.onProgress);
    await numbers.save();
    const issued = changes.map((c) => c.after);
    // Credits waiting for a client's next invoice are imputed on it as it is issued (issue 16).
    await imputePendingOffsets(ctx, issued, actor);
    return issued;
  });
}

/**
 * The drafts among `ids` as they are issued today, whatever the series:
 * dated the day of issue, due after their term from it, with the buyer as
 * the client reads now; sorted by the client's name (numbers follow it: the
 * same order every month, whatever the drafts' random ids). Documents issued
 * meanwhile are left out. Inside an invoicing transaction.
 */
export async function readyForIssue(ctx: DataContext, ids: readonly string[]): Promise<{ drafts: Invoice[]; before: Map<string, Invoice>; clients: Client[] }> {
  const { db } = ctx;
  const found = (await db.invoices.bulkGet([...ids])).filter((i): i is Invoice => i !== undefined && i.status === 'draft');
  const buyers = new Map((await db.clients.bulkGet([...new Set(found.map((d) => d.clientId))])).flatMap((c) => (c ? [[c.id, c] as const] : [])));
  const nameOf = (draft: Invoice) => buyers.get(draft.clientId)?.legalName ?? '';
  const today = parisToday(ctx);
  const drafts = found
    .map((draft) => {
      const client = buyers.get(draft.clientId);
      if (!client) throw refusalError('INVALID_INPUT', message('refusal.notFound.draftClient', { id: draft.id }));
      const dates = datesOnIssue(draft, today);
      return { ...draft, issueDate: dates.issueDate.value, dueDate: dates.dueDate.value, buyer: buyerSnapshot(client) };
    })
    .sort((a, b) => nameOf(a).localeCompare(nameOf(b), 'fr') || a.contractId.localeCompare(b.contractId) || a.id.localeCompare(b.id));
  return { drafts, before: new Map(found.map((d) => [d.id, d])), clients: drafts.map((d) => buyers.get(d.clientId)!) };
}

/**
 * Creates a document and numbers it at once — credit notes and surcharge
 * documents have no draft step: the dialog that asks for them is the preview.
 * Runs inside the caller's `invoicingTransaction`, so the checks the caller
 * made on the invoice and this number are committed together.
 */
async function issueNewDocument(
  ctx: DataContext,
  fields: Omit<InvoiceInput, 'status' | 'number' | 'seriesId' | 'issuedAt'>,
  actor: string,
  summary: (number: string) => Message,
  referencedNumber: string | null,
): Promise<Invoice> {
  const numbers = await numberAllocator(ctx);
  const { number, seriesId } = await numbers.next(fields.kind, fields.issueDate);
  const at = ctx.now();
  const doc = parseEntity(invoiceSchema, { ...fields, status: 'issued', number, seriesId, issuedAt: at, id: ctx.newId(), createdAt: at, updatedAt: at, version: 0 }, 'Facture');
  assertEInvoiceable([{ invoice: doc, client: await ctx.db.clients.get(doc.clientId), refs: { referencedNumber } }], await sellerProfile(ctx));
  await writeChange(ctx, { entity: 'invoices', before: undefined, after: doc, actor, action: 'issue', summary: summary(number), clientId: doc.clientId });
  await numbers.save();
  return doc;
}

/**
 * A document issued today on an issued invoice (credit note, late surcharge):
 * the invoice's client, contract and buyer, and its month, so that a month's
 * list shows it beside the invoice. Due on its own date: a credit note owes
 * nothing, and a surcharge is itself the consequence of a missed due date.
 */
export function issueOnInvoice(
  ctx: DataContext,
  invoice: Invoice,
  doc: Pick<InvoiceInput, 'kind' | 'lines' | 'vatMention' | 'creditedInvoiceId' | 'surchargedInvoiceId' | 'commandId'>,
  actor: string,
  summary: (number: string) => Message,
): Promise<Invoice> {
  const today = parisToday(ctx);
  return issueNewDocument(
    ctx,
    {
      clientId: invoice.clientId,
      contractId: invoice.contractId,
      ...(invoice.period ? { period: invoice.period } : {}),
      issueDate: today,
      dueDate: today,
      totals: storedTotals(invoiceTotals(doc.lines)),
      ...(invoice.buyer ? { buyer: invoice.buyer } : {}),
      ...doc,
    },
    actor,
    summary,
    invoice.number,
  );
}
