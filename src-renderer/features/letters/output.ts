import type { EnvelopeModel } from '../../../src-core';
import { renderEnvelopeCalibrationPdf, renderLettersBatchPdf, type LetterDocumentModel } from '../../documents';
import { platform } from '../../platform';

/** jsPDF's bytes typed for the platform layer (which wants an ArrayBuffer-backed view). */
const owned = (bytes: Uint8Array): Uint8Array<ArrayBuffer> => new Uint8Array(bytes);

/** One PDF of every sheet, in order: a single letter, or a whole batch to print at once. */
export function lettersPdf(sheets: readonly LetterDocumentModel[]): Uint8Array<ArrayBuffer> {
  return owned(renderLettersBatchPdf(sheets));
}

export function printPdf(bytes: Uint8Array<ArrayBuffer>, title: string): Promise<void> {
  return platform.printDocument(bytes, title);
}

export function savePdf(bytes: Uint8Array<ArrayBuffer>, suggestedName: string) {
  return platform.saveDocument({ suggestedName, mimeType: 'application/pdf', bytes });
}

/** The window-frame page of an envelope model, to check the printer's alignment. */
export function printCalibration(envelope: EnvelopeModel): Promise<void> {
  return printPdf(owned(renderEnvelopeCalibrationPdf(envelope)), `Calibrage ${envelope.label}`);
}
