import { message, refusalError, enforce, invoiceInputSchema, invoiceSchema, issuedDocumentChangeRefusal, parseEntity, type Invoice, type InvoiceInput } from '../../../src-core';
import { changeTransaction, writeChange } from '../change';
import type { DataContext } from '../context';

const draftLabel = (i: Pick<Invoice, 'kind' | 'period'>) => `${i.kind === 'credit_note' ? "l'avoir" : i.kind === 'surcharge' ? 'la majoration' : 'la facture'}${i.period ? ` de ${i.period}` : ''}`;

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
        writeChange(ctx, { entity: 'invoices', before: undefined, after: invoice, actor, action: 'create', summary: `Brouillon de ${draftLabel(invoice)} créé.`, clientId: invoice.clientId }),
      );
      return invoice;
    },

    updateDraft(id: string, patch: Partial<InvoiceInput>, actor: string): Promise<Invoice> {
      return changeTransaction(ctx, ['invoices'], async () => {
        const before = await draftOrThrow(id);
        const after = parseEntity(invoiceSchema, { ...before, ...patch, status: 'draft', number: null, updatedAt: ctx.now() }, 'Facture');
        await writeChange(ctx, { entity: 'invoices', before, after, actor, action: 'update', summary: `Brouillon de ${draftLabel(after)} modifié.`, clientId: after.clientId });
        return after;
      });
    },

    deleteDraft(id: string, actor: string): Promise<void> {
      return changeTransaction(ctx, ['invoices'], async () => {
        const before = await draftOrThrow(id);
        await writeChange(ctx, { entity: 'invoices', before, after: null, actor, action: 'delete', summary: `Brouillon de ${draftLabel(before)} supprimé.`, clientId: before.clientId });
      });
    },
  };
}
