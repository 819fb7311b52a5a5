import type { InvoiceKind, InvoiceStatus } from '../model/invoice';
import { refusal, type Verdict } from './verdict';

/**
 * An issued document is never edited or deleted (CGI art. 242 nonies A;
 * DOMAIN.md, Billing): a credit note corrects it. Drafts have no number, so a
 * number or the issued status makes the document final.
 */
export interface DocumentState {
  kind: InvoiceKind;
  status: InvoiceStatus;
  number: string | null;
}

export function isIssuedDocument(doc: { status?: unknown; number?: unknown }): boolean {
  return doc.status === 'issued' || (typeof doc.number === 'string' && doc.number !== '');
}

function issuedMessage(doc: DocumentState): string {
  const number = doc.number ?? '';
  switch (doc.kind) {
    case 'credit_note':
      return `L’avoir ${number} est émis : il ne peut plus être modifié ni supprimé.`;
    case 'surcharge':
      return `La majoration ${number} est émise : elle ne peut plus être modifiée ni supprimée ; émettez un avoir.`;
    case 'invoice':
      return `La facture ${number} est émise : elle ne peut plus être modifiée ni supprimée ; émettez un avoir.`;
  }
}

/**
 * Why `before` may not take this change: `'delete'`, or the fields whose
 * value changes (record metadata excluded by the caller). Re-sending the
 * values an issued document already has changes no field and passes.
 */
export function issuedDocumentChangeRefusal(before: DocumentState, change: 'delete' | readonly string[]): Verdict {
  if (!isIssuedDocument(before)) return null;
  if (change !== 'delete' && change.length === 0) return null;
  return refusal('NUMBERING_VIOLATION', issuedMessage(before));
}
