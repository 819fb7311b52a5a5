// The view model moved to src-core/einvoice so the PDF and the Factur-X XML are drawn from one model.
export type { InvoiceDocumentLine, InvoiceDocumentModel } from '../../src-core/einvoice';
