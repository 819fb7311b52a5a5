import { message, refusalError } from '../../../src-core';
import { renderInvoicesBatchPdf } from '../../documents';
import type { PrintBatch, PrintableDocument } from '../../data/invoicing';
import { platform } from '../../platform';
import { ownedBytes, printPdf, savePdf } from '../../platform/pdf-output';
import { documentFileName, invoiceDocumentModel } from './document-model';

/**
 * Saving and printing documents, only through the platform layer. PDFs are
 * rendered when asked and not kept: a month's export renders file by file so
 * memory does not grow with the month's size.
 */
const model = (batch: PrintBatch, d: PrintableDocument) => invoiceDocumentModel(d.invoice, d.client, batch.seller, { referencedNumber: d.referencedNumber, referencedDate: d.referencedDate, imputedCredits: d.imputedCredits });
const fileName = (d: PrintableDocument) => documentFileName(d.invoice, d.client?.legalName ?? d.invoice.clientId);

/** An issued document leaves as Factur-X (PDF/A-3b with its factur-x.xml, issue 18); a draft stays a plain PDF, watermarked. */
async function render(batch: PrintBatch, doc: PrintableDocument): Promise<Uint8Array<ArrayBuffer>> {
  const m = model(batch, doc);
  if (doc.invoice.status !== 'issued') return ownedBytes(renderInvoicesBatchPdf([m]));
  // pdf-lib, fontkit and the fonts load with the first Factur-X, not with the invoices screens.
  const [{ renderFacturXPdf }, { facturXFonts }] = await Promise.all([import('../../documents/facturx-pdf'), import('../../documents/facturx-fonts')]);
  return ownedBytes(await renderFacturXPdf(m, await facturXFonts()));
}

async function single(batch: PrintBatch): Promise<{ bytes: Uint8Array<ArrayBuffer>; name: string }> {
  const [doc] = batch.documents;
  if (!doc) throw refusalError('INVALID_INPUT', message('refusal.document.missing'));
  return { bytes: await render(batch, doc), name: fileName(doc) };
}

export async function saveDocumentPdf(batch: PrintBatch) {
  const { bytes, name } = await single(batch);
  return savePdf(bytes, name);
}

export async function printDocumentPdf(batch: PrintBatch) {
  const { bytes, name } = await single(batch);
  return printPdf(bytes, name.replace(/\.pdf$/, ''));
}

/** The month's documents in one PDF, each on its own pages. */
export function exportMonthAsOnePdf(batch: PrintBatch, period: string) {
  return savePdf(ownedBytes(renderInvoicesBatchPdf(batch.documents.map((d) => model(batch, d)))), `factures-${period}.pdf`);
}

/** The month's documents as one file each: each issued one a Factur-X (in the browser, all in `factures-<mois>.zip`). */
export async function exportMonthAsFiles(batch: PrintBatch, period: string) {
  const files = [];
  for (const d of batch.documents) files.push({ suggestedName: fileName(d), mimeType: 'application/pdf', bytes: await render(batch, d) });
  return platform.saveDocuments(files, { archiveName: `factures-${period}.zip` });
}
