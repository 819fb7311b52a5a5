import { renderLettersBatchPdf, type LetterDocumentModel } from '../../documents';
import { ownedBytes } from '../../platform/pdf-output';

/** One PDF of every sheet, in order: a single letter, or a whole batch to print at once. */
export function lettersPdf(sheets: readonly LetterDocumentModel[]): Uint8Array<ArrayBuffer> {
  return ownedBytes(renderLettersBatchPdf(sheets));
}
