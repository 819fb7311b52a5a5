import { message, refusalError, enforce, invoiceInputSchema, invoiceSchema, issuedDocumentChangeRefusal, parseEntity, type Invoice, type InvoiceInput } from '../../../src-core';
import { changeTransaction, writeChange } from '../change';
import type { DataContext } from '../context';

/** "Brouillon de la facture de 2026-10 créé." as a message: what the draft is, and its month. */
const draftSummary = (action: 'create' | 'update' | 'delete', i: Pick<Invoice, 'kind' | 'period'>) =>
  message(`audit.draft.${action}`, { what: { message: message(`audit.draft.${i.kind}`, { period: i.period ? { message: message('audit.draft.period', { period: i.period }) } : '' }) } });

/** Drafts entered or edited by hand (the monthly run makes most of them): the invoice aggregate's draft commands. */
export function invoiceDraftCommands(ctx: DataContext) {
  const { db } = ctx;

  /** Refuses to touch an issued document: it is corrected by a credit note, never edited (DOMAIN.md; src-core `issuedDocumentChangeRefusal`, as the central API). */
  async function draftOrThrow(id: string): Promise<Invoice> {
    const before = await db.invoices.get(id);
    if (!before) throw refusalError('INVALID_INPUT', message('refusal.notFound.invoice', { id }));
    enforce(issuedDocumentChangeRefusal(before, 'delete'));
    return before;
  }

  return {
    async createDraft(input: InvoiceInput, actor: string): Promise<Invoice> {
      const fields = parseEntity(invoiceInputSchema, { ...input, status: 'draft', number: null }, 'Facture');
      const at = ctx.now();
      const invoice = parseEntity(invoiceSchema, { ...fields, id: ctx.newId(), createdAt: at, updatedAt: at, version: 0 }, 'Facture');
      await changeTransaction(ctx, ['invoices'], () =>
        writeChange(ctx, { entity: 'invoices', before: undefined, after: invoice, actor, action: 'create', summary: draftSummary('create', invoice), clientId: invoice.clientId }),
      );
      return invoice;
    },

    updateDraft(id: string, patch: Partial<InvoiceInput>, actor: string): Promise<Invoice> {
      return changeTransaction(ctx, ['invoices'], async () => {
        const before = await draftOrThrow(id);
        const after = parseEntity(invoiceSchema, { ...before, ...patch, status: 'draft', number: null, updatedAt: ctx.now() }, 'Facture');
        await writeChange(ctx, { entity: 'invoices', before, after, actor, action: 'update', summary: draftSummary('update', after), clientId: after.clientId });
        return after;
      });
    },

    deleteDraft(id: string, actor: string): Promise<void> {
      return changeTransaction(ctx, ['invoices'], async () => {
        const before = await draftOrThrow(id);
        await writeChange(ctx, { entity: 'invoices', before, after: null, actor, action: 'delete', summary: draftSummary('delete', before), clientId: before.clientId });
      });
    },
  };
}
