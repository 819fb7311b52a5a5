import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reconcileHash, tableDigest } from '../../src-core';

const pairsArb = fc.uniqueArray(fc.record({ id: fc.string({ minLength: 1, maxLength: 24 }), version: fc.integer({ min: 1, max: 1_000 }) }), {
  selector: (p) => p.id,
  maxLength: 40,
});

describe('reconcileHash: the digest the laptop and the server compare', () => {
  it('is 16 hex digits, zero for an empty table', () => {
    expect(reconcileHash([])).toBe('0'.repeat(16));
    expect(reconcileHash([{ id: 'demo-client-00001', version: 3 }])).toMatch(/^[0-9a-f]{16}$/);
  });

  it('does not depend on the order the records are read in', () => {
    fc.assert(fc.property(pairsArb, fc.func(fc.integer()), (pairs, key) => {
      const shuffled = [...pairs].sort((a, b) => key(a.id) - key(b.id));
      expect(reconcileHash(shuffled)).toBe(reconcileHash(pairs));
    }));
  });

  it('changes when one record has another version, or is missing', () => {
    fc.assert(fc.property(pairsArb.filter((p) => p.length > 0), fc.nat(), (pairs, n) => {
      const i = n % pairs.length;
      const bumped = pairs.map((p, j) => (j === i ? { ...p, version: p.version + 1 } : p));
      expect(reconcileHash(bumped)).not.toBe(reconcileHash(pairs));
      expect(reconcileHash(pairs.filter((_, j) => j !== i))).not.toBe(reconcileHash(pairs));
    }));
  });

  it('tableDigest counts the records beside their hash', () => {
    const pairs = [{ id: 'a', version: 1 }, { id: 'b', version: 2 }];
    expect(tableDigest(pairs)).toEqual({ count: 2, hash: reconcileHash(pairs) });
  });
});
