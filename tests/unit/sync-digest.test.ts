import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addRecord, bucketOf, differingBuckets, digestsOf, DIGEST_BUCKETS, emptyDigests, isNoChange, recordDifferences, reconcileHash, tableDigestOf, wireBuckets } from '../../src-core';

const pairsArb = fc.uniqueArray(fc.record({ id: fc.string({ minLength: 1, maxLength: 24 }), version: fc.integer({ min: 0, max: 1_000 }) }), {
  selector: (p) => p.id,
  maxLength: 60,
});

describe('bucket digests: what the laptop and the server keep per table', () => {
  it('sum to the table digest reconcileHash gives for the same records', () => {
    fc.assert(
      fc.property(pairsArb, (pairs) => {
        expect(tableDigestOf(digestsOf(pairs))).toEqual({ count: pairs.length, hash: reconcileHash(pairs) });
      }),
    );
  });

  it('follow writes: removing the old version and adding the new equals the digests of the records as they end', () => {
    fc.assert(
      fc.property(pairsArb, fc.array(fc.tuple(fc.nat(), fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 1_000 })))), (pairs, writes) => {
        const held = new Map(pairs.map((p) => [p.id, p.version]));
        const digests = digestsOf(pairs);
        for (const [n, version] of writes) {
          if (pairs.length === 0) break;
          const id = pairs[n % pairs.length]!.id;
          const before = held.get(id);
          if (before !== undefined) addRecord(digests, id, before, -1);
          if (version === null) held.delete(id);
          else {
            held.set(id, version);
            addRecord(digests, id, version);
          }
        }
        expect(digests).toEqual(digestsOf([...held].map(([id, version]) => ({ id, version }))));
      }),
    );
  });

  it('an empty set has every bucket at zero, and adding then removing a record leaves no change', () => {
    const change = emptyDigests();
    addRecord(change, 'demo-invoice-000123', 4);
    expect(isNoChange(change)).toBe(false);
    addRecord(change, 'demo-invoice-000123', 4, -1);
    expect(isNoChange(change)).toBe(true);
    expect(wireBuckets(digestsOf([]))).toHaveLength(DIGEST_BUCKETS);
  });

  it('name the bucket of a record at another version, or missing, and only that one', () => {
    fc.assert(
      fc.property(pairsArb.filter((p) => p.length > 0), fc.nat(), fc.boolean(), (pairs, n, drop) => {
        const i = n % pairs.length;
        const target = pairs[i]!;
        const theirs = drop ? pairs.filter((_, j) => j !== i) : pairs.map((p, j) => (j === i ? { ...p, version: p.version + 1 } : p));
        expect(differingBuckets(digestsOf(pairs), wireBuckets(digestsOf(theirs)))).toEqual([bucketOf(target.id)]);
        expect(recordDifferences(pairs, theirs.filter((p) => bucketOf(p.id) === bucketOf(target.id)), [bucketOf(target.id)])).toEqual([
          { id: target.id, local: target.version, server: drop ? null : target.version + 1 },
        ]);
      }),
    );
  });

  it('recordDifferences lists records held by one side only, sorted by id, within the listed buckets', () => {
    const local = [{ id: 'b', version: 1 }, { id: 'a', version: 2 }];
    const server = [{ id: 'c', version: 3 }, { id: 'a', version: 2 }];
    const all = [...new Set(['a', 'b', 'c'].map(bucketOf))];
    expect(recordDifferences(local, server, all)).toEqual([
      { id: 'b', local: 1, server: null },
      { id: 'c', local: null, server: 3 },
    ]);
    expect(recordDifferences(local, [], [])).toEqual([]);
  });
});
