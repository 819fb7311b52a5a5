import { INVOICE_KIND_NAMES, type Invoice } from '../../../src-core';

// The view model of a stored document lives in src-core/einvoice, shared by the PDF and the Factur-X XML.
export { invoiceDocumentModel, type DocumentRefs } from '../../../src-core';

/** "facture-F-2026-000123.pdf", "avoir-AV-2026-000004.pdf", "brouillon-2026-11-<client>.pdf" */
export function documentFileName(invoice: Invoice, clientName: string): string {
  const name = invoice.number ? `${INVOICE_KIND_NAMES[invoice.kind].filePrefix}-${invoice.number}` : `brouillon-${invoice.period ?? invoice.issueDate}-${clientName}`;
  return `${name}.pdf`.replace(/[^\w.-]+/g, '-');
}
