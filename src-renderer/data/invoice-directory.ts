import Dexie, { type Table } from 'dexie';
import { directoryBucket } from './migrations/v17';

/** A book's key: a client's documents of a year (invoice-books.ts). */
export type BookKey = [clientId: string, year: string];

/**
 * Which book holds each document, by document id (v17), in place of the
 * books' multi-entry `ids` index. That index wrote one IndexedDB entry per
 * document: in Chromium 156, a first sync of 10,000 clients (99,629
 * documents in 15,808 books) spent 9.1 s of the browser's IndexedDB CPU with
 * it and 6.5 s with this directory instead (whole sync 14.2 → 13.3 s, median
 * of three runs each).
 *
 * The ids are spread by a hash over 256 buckets (`bucketOf`); a bucket is stored as
 * one row or a few — its "parts" — each mapping ids to their book:
 * - a write that reads (the documents' books may be stored) reads the parts
 *   of the buckets its ids fall in, and writes each such bucket back as ONE
 *   part: reading compacts;
 * - a write into books that cannot be stored yet (a first load: `stored:
 *   false` of writeInvoiceBooks) reads nothing and adds a new part to each
 *   bucket its ids fall in: steps of a load issued without waiting for each
 *   other never write the same row.
 * A first sync of 10,000 clients writes about 4 parts per bucket (one per
 * batch of its history); the first later write to a bucket merges them; a
 * bulk load collects its documents' books and writes one part per bucket.
 * As with the books themselves, writes that read must follow one another in a
 * transaction (the write gateway's steps do): two at once could each write
 * back a bucket without the other's documents.
 */
export interface DirectoryPart {
  bucket: string;
  /** Unique in its bucket: the part a write made. */
  part: string;
  /** Each document's book. */
  books: Record<string, BookKey>;
}

export type PartKey = [bucket: string, part: string];
export type DirectoryTable = Table<DirectoryPart, PartKey>;

/** The bucket of a document id: defined, frozen, by the version that made the directory. */
export const bucketOf = directoryBucket;

/** The ids grouped by bucket. */
function byBucket<T>(entries: Iterable<[string, T]>): Map<string, Map<string, T>> {
  const buckets = new Map<string, Map<string, T>>();
  for (const [id, value] of entries) {
    const bucket = bucketOf(id);
    (buckets.get(bucket) ?? buckets.set(bucket, new Map()).get(bucket)!).set(id, value);
  }
  return buckets;
}

/** A part name no other write uses. */
const newPart = () => crypto.randomUUID();

/** The parts a write into empty books adds: one per bucket of their documents (see DirectoryPart). */
export function partsOf(located: Iterable<[id: string, book: BookKey]>): DirectoryPart[] {
  const part = newPart();
  return [...byBucket(located)].map(([bucket, ids]) => ({ bucket, part, books: Object.fromEntries(ids) }));
}

/** The buckets of `ids` as stored, read together: the parts of each, with the book of every id they hold. */
export interface ReadBuckets {
  /** The book of each id of the buckets read. */
  books: Map<string, BookKey>;
  /** The parts read, by bucket. */
  parts: Map<string, PartKey[]>;
}

/** Reads the buckets these ids fall in, every part of each (a Dexie promise: a caller inside a transaction stays in it). */
export function readBuckets(directory: DirectoryTable, ids: Iterable<string>): Promise<ReadBuckets> {
  const buckets = [...new Set([...ids].map(bucketOf))];
  const read = Dexie.Promise.all(buckets.map((bucket) => directory.where('[bucket+part]').between([bucket, Dexie.minKey], [bucket, Dexie.maxKey]).toArray()));
  return read.then((each) => {
    const found: ReadBuckets = { books: new Map(), parts: new Map(buckets.map((b) => [b, []])) };
    for (const part of each.flat()) {
      found.parts.get(part.bucket)!.push([part.bucket, part.part]);
      for (const [id, book] of Object.entries(part.books)) found.books.set(id, book);
    }
    return found;
  });
}

/** The books of these ids that the buckets read hold (a book once per id found). */
export const bookKeysOf = (read: ReadBuckets, ids: readonly string[]): BookKey[] => ids.map((id) => read.books.get(id)).filter((key): key is BookKey => key !== undefined);

/**
 * Writes back the buckets read (`read`) with the documents now in `books`
 * (id → its book, or undefined: removed), each bucket as one part: the
 * first part read keeps its name, the others are deleted; a bucket left empty
 * is deleted.
 */
export function writeBuckets(directory: DirectoryTable, read: ReadBuckets, books: ReadonlyMap<string, BookKey | undefined>): Promise<unknown> {
  const merged = byBucket<BookKey | undefined>([...read.books, ...books]);
  const puts: DirectoryPart[] = [];
  const deletes: PartKey[] = [];
  for (const [bucket, ids] of merged) {
    const [first, ...others] = read.parts.get(bucket) ?? [];
    const kept = Object.fromEntries([...ids].filter((e): e is [string, BookKey] => e[1] !== undefined));
    deletes.push(...others);
    if (Object.keys(kept).length > 0) puts.push({ bucket, part: first?.[1] ?? newPart(), books: kept });
    else if (first) deletes.push(first);
  }
  return Dexie.Promise.all([puts.length > 0 ? directory.bulkPut(puts) : undefined, deletes.length > 0 ? directory.bulkDelete(deletes) : undefined]);
}

/** How many documents the directory holds (every part read: a few megabytes at 100,000 documents). */
export async function countDocuments(directory: DirectoryTable): Promise<number> {
  const ids = new Set<string>();
  await directory.each((part) => {
    for (const id of Object.keys(part.books)) ids.add(id);
  });
  return ids.size;
}
