import { zipSync, type Zippable } from 'fflate';
import type { DocumentFile } from './types';

/**
 * Files as one zip, every one of them: a name met twice gets "-2", "-3"
 * before its extension instead of overwriting the first. Deflate level 1:
 * single PDFs are written uncompressed (documents/page.ts), so even the
 * fastest level shrinks them, and a month of files stays quick to pack.
 */
export function zipDocuments(files: readonly DocumentFile[]): Uint8Array<ArrayBuffer> {
  const entries: Zippable = {};
  for (const file of files) entries[uniqueName(file.suggestedName, entries)] = file.bytes;
  return new Uint8Array(zipSync(entries, { level: 1 }));
}

function uniqueName(name: string, taken: Zippable): string {
  if (!(name in taken)) return name;
  const dot = name.lastIndexOf('.');
  const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
  let n = 2;
  while (`${stem}-${n}${ext}` in taken) n += 1;
  return `${stem}-${n}${ext}`;
}
