import { platform } from './index';

/** jsPDF's and pdf-lib's bytes typed for the platform layer (which wants an ArrayBuffer-backed view). */
export const ownedBytes = (bytes: Uint8Array): Uint8Array<ArrayBuffer> => new Uint8Array(bytes);

export function printPdf(bytes: Uint8Array<ArrayBuffer>, title: string): Promise<void> {
  return platform.printDocument(bytes, title);
}

export function savePdf(bytes: Uint8Array<ArrayBuffer>, suggestedName: string) {
  return platform.saveDocument({ suggestedName, mimeType: 'application/pdf', bytes });
}
