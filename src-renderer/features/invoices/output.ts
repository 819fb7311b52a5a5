import { renderInvoicesBatchPdf } from '../../documents';
import type { PrintBatch, PrintableDocument } from '../../data/invoicing';
import { platform } from '../../platform';
import { printPdf, savePdf } from '../letters/output';
import { documentFileName, invoiceDocumentModel } from './document-model';

/**
 * Saving and printing documents, only through the platform layer. PDFs are
 * rendered when asked and not kept: a month's export renders file by file so
 * memory does not grow with the month's size.
 */
const model = (batch: PrintBatch, d: PrintableDocument) => invoiceDocumentModel(d.invoice, d.client, batch.seller, { referencedNumber: d.referencedNumber, referencedDate: d.referencedDate });
const owned = (bytes: Uint8Array): Uint8Array<ArrayBuffer> => new Uint8Array(bytes);
const fileName = (d: PrintableDocument) => documentFileName(d.invoice, d.client?.legalName ?? d.invoice.clientId);

function single(batch: PrintBatch): { bytes: Uint8Array<ArrayBuffer>; name: string } {
  const [doc] = batch.documents;
  if (!doc) throw new Error('Document introuvable.');
  return { bytes: owned(renderInvoicesBatchPdf([model(batch, doc)])), name: fileName(doc) };
}

export function saveDocumentPdf(batch: PrintBatch) {
  const { bytes, name } = single(batch);
  return savePdf(bytes, name);
}

export function printDocumentPdf(batch: PrintBatch) {
  const { bytes, name } = single(batch);
  return printPdf(bytes, name.replace(/\.pdf$/, ''));
}

/** The month's documents in one PDF, each on its own pages. */
export function exportMonthAsOnePdf(batch: PrintBatch, period: string) {
  return savePdf(owned(renderInvoicesBatchPdf(batch.documents.map((d) => model(batch, d)))), `factures-${period}.pdf`);
}

/** The month's documents as one file each. */
export function exportMonthAsFiles(batch: PrintBatch) {
  return platform.saveDocuments(batch.documents.map((d) => ({ suggestedName: fileName(d), mimeType: 'application/pdf', bytes: owned(renderInvoicesBatchPdf([model(batch, d)])) })));
}
