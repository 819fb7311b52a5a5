// PDF documents (ARCHITECTURE.md: jsPDF, standard Helvetica): pure functions
// from view models to bytes, usable in the renderer and in Node tests alike.
export { renderInvoicePdf, renderInvoicesBatchPdf } from './invoice-pdf';
export type { InvoiceDocumentLine, InvoiceDocumentModel } from './invoice-model';
export { renderLetterPdf, renderLettersBatchPdf, type LetterDocumentModel } from './letter-pdf';
export { recipientBlockRect, renderEnvelopeCalibrationPdf, windowRect, type RectMm } from './envelope';
export type { PostalAddress } from './address';
export { toWinAnsi } from './winansi';
// Factur-X (facturx-pdf.ts) is imported by path, lazily: fontkit and the fonts stay out of the screens' chunks.
