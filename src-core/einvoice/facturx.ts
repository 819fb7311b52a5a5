import { message, refusalError } from '../messages';
import type { Client, Invoice } from '../model';
import type { SellerProfile } from '../settings';
import { ciiXml } from './cii-xml';
import { eInvoiceOf, type EInvoice } from './en16931';
import { invoiceDocumentModel, type DocumentRefs, type InvoiceDocumentModel } from './invoice-document';
import { describeProblems, validateEInvoice, type EInvoiceProblem } from './validate';

/** The Factur-X conformance level written in the XMP and the attachment's name (Factur-X 1.0). */
export const FACTURX_PROFILE = 'EN 16931';
export const FACTURX_FILE_NAME = 'factur-x.xml';

export interface FacturX {
  invoice: EInvoice;
  xml: string;
  problems: EInvoiceProblem[];
}

/** The XML of a document's view model, with the rules it fails (none when it may be issued). */
export function facturX(model: InvoiceDocumentModel): FacturX {
  const invoice = eInvoiceOf(model);
  return { invoice, xml: ciiXml(invoice), problems: validateEInvoice(invoice) };
}

export interface IssuableDocument {
  invoice: Invoice;
  client: Client | undefined;
  refs?: DocumentRefs;
}

/**
 * Issuing is refused while a document fails the EN 16931 rules: the refusal
 * names each failing document (its number and buyer) and every rule with its
 * reason, as a message code (French in the error's message), and nothing is issued. The check runs on the documents
 * as they will be numbered, their buyer as it will be printed, and the seller
 * profile in force.
 */
export function assertEInvoiceable(documents: readonly IssuableDocument[], seller: SellerProfile): void {
  const failures = documents.flatMap(({ invoice, client, refs }) => {
    const model = invoiceDocumentModel(invoice, client, seller, refs);
    const problems = validateEInvoice(eInvoiceOf(model));
    const name = model.number ? message('einvoice.documentName', { number: model.number, buyer: model.buyer.legalName }) : message('einvoice.draftName', { buyer: model.buyer.legalName });
    return problems.length > 0 ? [describeProblems({ message: name }, problems)] : [];
  });
  if (failures.length > 0) throw refusalError('INVALID_INPUT', message('einvoice.refused', { documents: { lines: failures } }));
}
