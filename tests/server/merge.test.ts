import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeDelete, mergeUpsert, type StoredRecord } from '../../src-server/sync/merge';

const NOW = '2026-11-27T12:00:00.000Z';
const record = (data: Record<string, unknown>, version: number, fieldVersions: Record<string, number>): StoredRecord => ({
  data: { id: 'r', ...data, version },
  version,
  fieldVersions,
  deleted: false,
});

describe('fusion des mutations', () => {
  it('fusionne toujours des champs disjoints, quel que soit l’ordre', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'), { minLength: 2, maxLength: 6 }), fc.integer(), (fields, value) => {
        const base = record(Object.fromEntries(fields.map((f) => [f, 0])), 1, Object.fromEntries(fields.map((f) => [f, 1])));
        const [first, ...others] = fields;
        const afterA = mergeUpsert(base, 'r', 1, { [first!]: value + 1 }, NOW);
        if (afterA.kind !== 'apply') throw new Error('A not applied');
        const afterB = mergeUpsert(afterA.next, 'r', 1, Object.fromEntries(others.map((f) => [f, value])), NOW);
        expect(afterB.kind).toBe('apply');
        if (afterB.kind === 'apply') expect(afterB.next.data).toMatchObject({ [first!]: value + 1, [others[0]!]: value });
      }),
    );
  });

  it('ignore les métadonnées du poste (version, updatedAt) et l’égalité à l’ordre des clés près', () => {
    const base = record({ address: { city: 'Nancy', postalCode: '54000' } }, 3, { address: 2 });
    const outcome = mergeUpsert(base, 'r', 1, { address: { postalCode: '54000', city: 'Nancy' }, version: 99, updatedAt: 'demain' }, NOW);
    expect(outcome).toEqual({ kind: 'apply', next: base, changedFields: [] });
  });

  it('refuse une version de base venue du futur ou un id étranger', () => {
    const base = record({ a: 1 }, 2, { a: 2 });
    expect(mergeUpsert(base, 'r', 3, { a: 2 }, NOW).kind).toBe('reject');
    expect(mergeUpsert(base, 'r', 2, { id: 'autre' }, NOW).kind).toBe('reject');
    expect(mergeUpsert(undefined, 'r', 1, { a: 1 }, NOW).kind).toBe('reject');
    expect(mergeDelete(base, 5, NOW).kind).toBe('reject');
  });

  it('signale un conflit quand un poste modifie un enregistrement supprimé depuis', () => {
    const deleted = { ...record({ a: 1 }, 3, { a: 1 }), deleted: true };
    expect(mergeUpsert(deleted, 'r', 1, { a: 2 }, NOW)).toEqual({ kind: 'conflict', conflicts: [{ field: '_deleted', serverValue: true, clientValue: false }] });
    const recreated = mergeUpsert(deleted, 'r', 3, { a: 2 }, NOW);
    expect(recreated).toMatchObject({ kind: 'apply', next: { version: 4, deleted: false, data: { a: 2, version: 4 } } });
  });
});
