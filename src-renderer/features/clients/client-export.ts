import { clientFileCsv, clientFileXml, type ClientFile, type ExportedTextFile } from '../../../src-core';
import { platform, type DocumentFile, type SaveResult } from '../../platform';

/** UTF-8 bytes of an exported text (the CSV BOM is part of the text, so it is encoded too). */
function toDocument(file: ExportedTextFile): DocumentFile {
  return { suggestedName: file.name, mimeType: file.mimeType, bytes: new TextEncoder().encode(file.content) as Uint8Array<ArrayBuffer> };
}

/** Saves the client file (§3) through the platform: eight CSV files, or one XML document. */
export function saveClientFile(format: 'csv' | 'xml', file: ClientFile): Promise<SaveResult> {
  if (format === 'csv') return platform.saveDocuments(clientFileCsv(file).map(toDocument));
  return platform.saveDocument(toDocument(clientFileXml(file, new Date().toISOString())));
}
