import type { Transaction } from 'dexie';
import type { Migration } from './types';

/**
 * Version 17 (issue 20): the books' multi-entry index of their documents'
 * ids is dropped — one IndexedDB entry per document, most of what a first
 * sync's IndexedDB work cost beyond the rows — and a document's book is
 * found through `invoiceDirectory` (data/invoice-directory.ts), built here
 * from the books: one part per bucket. The books are not rewritten: their
 * `ids` field stays, unread.
 * Frozen (issue 19): the shapes it reads and writes are written here, and
 * so is the bucket of an id, which the app reads the directory with
 * (invoice-directory.ts imports it): another bucketing needs a version that
 * rebuilds the directory.
 */
interface BookV17 {
  clientId: string;
  year: string;
  invoices: { id: string }[];
}

interface DirectoryPartV17 {
  bucket: string;
  part: string;
  books: Record<string, [clientId: string, year: string]>;
}

/** Buckets of ids: at 100,000 documents a bucket holds about 400 ids (a row of some 20 kB), and a monthly run of 10,000 documents rewrites every bucket once. */
const BUCKETS = 256;

/** The bucket of a document id: FNV-1a over its UTF-16 code units, two hexadecimal digits. */
export function directoryBucket(id: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193);
  return ((hash >>> 0) % BUCKETS).toString(16).padStart(2, '0');
}

async function buildDirectory(tx: Transaction): Promise<void> {
  const buckets = new Map<string, DirectoryPartV17>();
  await tx.table<BookV17>('invoiceBooks').each((book) => {
    for (const { id } of book.invoices) {
      const bucket = directoryBucket(id);
      (buckets.get(bucket) ?? buckets.set(bucket, { bucket, part: 'v17', books: {} }).get(bucket)!).books[id] = [book.clientId, book.year];
    }
  });
  await tx.table<DirectoryPartV17>('invoiceDirectory').bulkPut([...buckets.values()]);
}

export const v17: Migration = {
  version: 17,
  stores: { invoiceBooks: '[clientId+year], year, *contractIds, *series', invoiceDirectory: '[bucket+part]' },
  upgrade: buildDirectory,
};
