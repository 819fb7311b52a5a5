import { assertEInvoiceable, formatDocumentNumber, invoiceSchema, parseDocumentNumber, parseEntity, parseIsoDate, seriesName, seriesPrefixOf, type Invoice, type IsoDate, type WireRecord, message, messageFr } from '../../../src-core';
import { writeChange } from '../change';
import { applyRecordWrites, serverAnswer } from '../writes/gateway';
import type { DataContext } from '../context';
import { readSyncValue, writeSyncValue } from '../sync-state/keys';
import { awaitingKey } from './awaiting-central-issue';
import { readSetting, writeSetting } from '../repositories/settings';
import { invoicingTransaction } from './transaction';
import { parisToday } from '../context';
import { sellerProfile } from '../settings-in-force';
import { imputePendingOffsets } from './credit-uses';
import { readyForIssue } from './issue';
import { editOutbox, readOutbox } from '../outbox';

/**
 * Issuing through the central API (DOMAIN.md, Numbering; ARCHITECTURE.md data
 * flow 4b): online and signed in, a draft may take the next number of the
 * central series `F-AAAA-NNNNNN`, which only the server hands out. The laptop's
 * part, with no network in it (the sync layer calls the server between the
 * steps): the draft made ready and sent as an ordinary change; the request
 * remembered before it leaves, so that a retry after a cut is the same
 * request (the server answers it with the number it gave, never a second
 * one); the server's issued record stored as the server's, without an outbox
 * mutation — there is nothing to send back.
 */

/** How this laptop issues when the central API can be reached: its choice, remembered (local, never synced). */
export type IssueSeriesChoice = 'central' | 'device';

/** The central series by default: one company series; the laptop's own series is for working offline. */
export async function readIssueSeriesChoice(ctx: DataContext): Promise<IssueSeriesChoice> {
  return (await readSetting(ctx.db, 'local.issueSeries')) === 'device' ? 'device' : 'central';
}

export async function setIssueSeriesChoice(ctx: DataContext, choice: IssueSeriesChoice): Promise<void> {
  await writeSetting(ctx.db, 'local.issueSeries', choice);
}


/**
 * Before the drafts go to the server: each dated the day of issue, due after
 * its term, with its buyer, and checked as an EN 16931 e-invoice with the
 * number the central series would give it — an ordinary audited change when
 * anything moved, so the server issues exactly what the laptop checked.
 * Returns the ready drafts in numbering order.
 */
export async function prepareCentralIssue(ctx: DataContext, ids: readonly string[], actor: string): Promise<Invoice[]> {
  return invoicingTransaction(ctx, async () => {
    const { drafts, before, clients } = await readyForIssue(ctx, ids);
    const last = await lastCentralNumbers(ctx);
    // The e-invoice check needs a number: the one the central series would give, as far as this laptop knows.
    const probe = drafts.map((draft, i) => ({ invoice: { ...draft, number: centralNumberAfter(last, draft.kind, draft.issueDate, i + 1) }, client: clients[i] }));
    assertEInvoiceable(probe, await sellerProfile(ctx));
    for (const draft of drafts) {
      const stored = before.get(draft.id)!;
      const after = parseEntity(invoiceSchema, { ...draft, updatedAt: ctx.now() }, 'Facture');
      if (['issueDate', 'dueDate', 'buyer'].every((f) => JSON.stringify(stored[f as keyof Invoice]) === JSON.stringify(after[f as keyof Invoice]))) continue;
      const summary = message('audit.invoice.draftBeforeCentral', { date: { date: after.issueDate }, due: { date: after.dueDate } });
      await writeChange(ctx, { entity: 'invoices', before: stored, after, actor, action: 'update', summary, clientId: after.clientId });
    }
    return drafts;
  });
}

/** What `/invoices/issue` answered (src-core InvoiceIssueResponse). */
export interface CentralIssueAnswer {
  invoiceId: string;
  number: string;
  version: number;
  record: WireRecord;
}

/**
 * Stores the document the server issued, as the server has it, in one
 * transaction: the record (no outbox mutation: it came from the server), the
 * audit entry naming who asked, the request forgotten, the last central
 * number known here, and the offsets waiting for the client's next invoice
 * imputed on it (their own changes, sent as usual). A local change of the
 * draft made while the request was out now stands on the server's version
 * (the server will refuse it: an issued document is never edited).
 */
export async function recordCentralIssue(ctx: DataContext, answer: CentralIssueAnswer, actor: string): Promise<Invoice> {
  const issued = parseEntity(invoiceSchema, answer.record, 'Facture');
  const { db } = ctx;
  return invoicingTransaction(ctx, async () => {
    const before = await db.invoices.get(issued.id);
    const said = message('audit.invoice.issuedCentral', { number: answer.number, date: { date: issued.issueDate }, buyer: issued.buyer ? { message: message('audit.buyer', { name: issued.buyer.legalName }) } : '' });
    // The server's record, with the history line of who asked (no outbox mutation), and the overruns it regularises followed.
    await applyRecordWrites(db, [{ entity: 'invoices', before, after: issued, audit: { actor, action: 'issue', summary: messageFr(said), said, clientId: issued.clientId } }], serverAnswer(ctx));
    const queued = (await readOutbox(db)).filter((m) => m.entity === 'invoices' && m.recordId === issued.id);
    await editOutbox(db, { replaced: queued.map((m) => ({ ...m, baseVersion: Math.max(m.baseVersion, answer.version) })) });
    await db.syncState.delete(awaitingKey(issued.id));
    await noteCentralNumber(ctx, answer.number);
    if (before?.status === 'draft') await imputePendingOffsets(ctx, [issued], actor);
    return issued;
  });
}

/** The last number of each central series this laptop has been given (`F-2026` → 12), kept in one sync-state row. */
const LAST_CENTRAL_KEY = 'invoicing.centralLast';
type LastCentral = Record<string, number>;

async function lastCentralNumbers(ctx: DataContext): Promise<LastCentral> {
  return (await readSyncValue<LastCentral>(ctx.db, LAST_CENTRAL_KEY)) ?? {};
}

async function noteCentralNumber(ctx: DataContext, number: string): Promise<void> {
  const parsed = parseDocumentNumber(number);
  if (parsed.deviceCode !== undefined) return;
  const last = await lastCentralNumbers(ctx);
  const series = seriesName(parsed);
  if ((last[series] ?? 0) < parsed.number) await writeSyncValue(ctx.db, LAST_CENTRAL_KEY, { ...last, [series]: parsed.number });
}

function centralNumberAfter(last: LastCentral, kind: Invoice['kind'], issueDate: IsoDate, step: number): string {
  const series = { prefix: seriesPrefixOf(kind), year: parseIsoDate(issueDate).year };
  return formatDocumentNumber({ ...series, number: (last[seriesName(series)] ?? 0) + step });
}

/**
 * What the next document of that kind would take in the central series: its
 * series and the number after the last one this laptop was given — the
 * server hands out the actual one, later if another laptop issued meanwhile.
 */
export async function nextCentralNumber(ctx: DataContext, kind: Invoice['kind'], issueDate: IsoDate = parisToday(ctx)): Promise<{ series: string; number: string; known: boolean }> {
  const last = await lastCentralNumbers(ctx);
  const series = seriesName({ prefix: seriesPrefixOf(kind), year: parseIsoDate(issueDate).year });
  return { series, number: centralNumberAfter(last, kind, issueDate, 1), known: last[series] !== undefined };
}
