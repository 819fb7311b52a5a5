import Dexie, { type IndexableType, type Table } from 'dexie';

/**
 * The primary keys of the rows whose `index` holds any of `values` (a key
 * repeats when its row holds several of them): each value asked by its own
 * request, all issued together. Dexie's `anyOf` walks one cursor a step per
 * value, each step waiting for the one before. Measured in Chromium 156: the
 * books of 2,628 contracts (a usage import changing their overrun verdicts,
 * 10,000 clients) 1,110 ms with `anyOf`, 109 ms asked this way; 1,000
 * document ids among 20,000 books of 6 (a page of pulled invoices)
 * 3.4–3.6 s against 92–123 ms. A Dexie promise, so that a caller inside a
 * transaction stays in it.
 */
export function primaryKeysOfAny<K>(table: Table<unknown, K>, index: string, values: Iterable<IndexableType>): Promise<K[]> {
  const asked = [...new Set(values)];
  if (asked.length === 0) return Dexie.Promise.resolve([]);
  return Dexie.Promise.all(asked.map((value) => table.where(index).equals(value).primaryKeys())).then((each) => each.flat());
}
