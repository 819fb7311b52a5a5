import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  changedFieldsOf, differingFields, mergeDelete, mergeUpsert, overlayPending, pendingByRecord, rebasePending, settleConflict,
  type PendingChange, type VersionedRecord, type WireRecord,
} from '../../src-core/sync';

/**
 * The sync protocol's pure parts (src-core/sync: merge.ts on the server's
 * side, overlay.ts on the laptop's, field-changes.ts for both). The same
 * functions run in the real server and the real laptop engines driven by
 * tests/sync/protocol-model.test.ts.
 */

const NOW = '2026-11-27T12:00:00.000Z';
const record = (data: Record<string, unknown>, version: number, fieldVersions: Record<string, number>): VersionedRecord => ({
  data: { id: 'r', ...data, version },
  version,
  fieldVersions,
  deleted: false,
});
const upsert = (changes: WireRecord, baseVersion: number, recordId = 'r'): PendingChange => ({ entity: 'clients', recordId, op: 'upsert', changes, baseVersion });
const withoutMeta = ({ version: _v, updatedAt: _u, createdAt: _c, ...fields }: WireRecord) => fields;

describe('fusion des mutations (serveur)', () => {
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

  it('conflit si et seulement si un même champ a changé des deux côtés vers des valeurs différentes', () => {
    const fieldsArb = fc.dictionary(fc.constantFrom('a', 'b', 'c', 'd'), fc.integer({ min: 0, max: 3 }), { maxKeys: 4 });
    fc.assert(
      fc.property(fieldsArb, fieldsArb, (serverEdit, laptopEdit) => {
        const base = record({ a: 0, b: 0, c: 0, d: 0 }, 1, { a: 1, b: 1, c: 1, d: 1 });
        const server = mergeUpsert(base, 'r', 1, serverEdit, NOW);
        if (server.kind !== 'apply') throw new Error('server edit not applied');
        const outcome = mergeUpsert(server.next, 'r', 1, laptopEdit, NOW);
        const clashing = Object.keys(laptopEdit).filter((f) => server.changedFields.includes(f) && serverEdit[f] !== laptopEdit[f]);
        expect(outcome.kind).toBe(clashing.length > 0 ? 'conflict' : 'apply');
        if (outcome.kind === 'conflict') expect(outcome.conflicts.map((c) => c.field).sort()).toEqual(clashing.sort());
      }),
    );
  });

  it('une suppression faite sur une version dépassée est un conflit sur les champs changés depuis', () => {
    const base = record({ a: 1, b: 2 }, 3, { a: 1, b: 3 });
    expect(mergeDelete(base, 1, NOW)).toEqual({ kind: 'conflict', conflicts: [{ field: 'b', serverValue: 2, clientValue: null }] });
    expect(mergeDelete(base, 3, NOW)).toMatchObject({ kind: 'apply', next: { deleted: true, version: 4 } });
  });
});

describe('quels champs ont changé (les deux côtés)', () => {
  it('ni l’ordre des clés, ni la façon d’écrire « vide », ni les métadonnées ne comptent', () => {
    const before = { id: 'r', version: 2, updatedAt: 'hier', partner: null, address: { city: 'Nancy', postalCode: '54000' }, name: 'A' };
    const after = { id: 'r', version: 3, updatedAt: 'aujourd’hui', address: { postalCode: '54000', city: 'Nancy' }, name: 'B' };
    expect(differingFields(before, after)).toEqual(['name']);
    expect(differingFields(undefined, { id: 'r', version: 0, createdAt: 'x', name: 'A', vatMention: null })).toEqual(['id', 'name']);
    expect(changedFieldsOf(before, { partner: null, name: 'A', address: { postalCode: '54000', city: 'Nancy' } })).toEqual([]);
    expect(changedFieldsOf(before, { partner: { name: 'P' }, name: 'C' })).toEqual(['partner', 'name']);
  });

  it('est symétrique, et vide exactement quand les deux versions sont égales hors métadonnées', () => {
    const recordArb = fc.dictionary(fc.constantFrom('a', 'b', 'c', 'version'), fc.oneof(fc.integer({ min: 0, max: 2 }), fc.constant(null), fc.array(fc.integer({ min: 0, max: 1 }), { maxLength: 2 })));
    fc.assert(
      fc.property(recordArb, recordArb, (a, b) => {
        expect(differingFields(a, b)).toEqual(differingFields(b, a));
        const norm = (r: WireRecord) => JSON.stringify(Object.entries(withoutMeta(r)).filter(([, v]) => v !== null).sort());
        expect(differingFields(a, b).length === 0).toBe(norm(a) === norm(b));
      }),
    );
  });
});

describe('superposition et rebase (poste)', () => {
  it('rejoue les modifications en attente dans l’ordre, garde la version du serveur, vide comme le schéma', () => {
    const server = { id: 'c1', version: 4, legalName: 'Acme', partner: { name: 'P', email: 'p@exemple.fr' } };
    const pending = [upsert({ legalName: 'Acme SA' }, 4, 'c1'), upsert({ partner: null }, 4, 'c1')];
    expect(overlayPending(server, 4, pending)).toEqual({ id: 'c1', version: 4, legalName: 'Acme SA' });
    const invoice: PendingChange = { entity: 'invoices', recordId: 'i1', op: 'upsert', changes: { vatMention: null }, baseVersion: 2 };
    expect(overlayPending({ id: 'i1', version: 2, vatMention: 'Autoliquidation' }, 2, [invoice])).toEqual({ id: 'i1', version: 2, vatMention: null });
    expect(overlayPending(server, 4, [...pending, { ...pending[0]!, op: 'delete', changes: {} }])).toBeNull();
    expect(overlayPending(null, 0, [upsert({ id: 'c2', legalName: 'Neuf' }, 0, 'c2')])).toEqual({ id: 'c2', legalName: 'Neuf', version: 0 });
  });

  it('une modification d’un enregistrement supprimé sur le serveur entre-temps reste sur l’enregistrement affiché, une création sur rien', () => {
    const shown = { id: 'c1', version: 4, legalName: 'Acme', country: 'FR' };
    // The server deleted c1 (version 5) while the laptop's edit made on version 4 waits: the record stays whole, the push meets the deletion.
    expect(overlayPending(null, 5, [upsert({ legalName: 'Acme SA' }, 4, 'c1')], shown)).toEqual({ id: 'c1', version: 5, legalName: 'Acme SA', country: 'FR' });
    expect(overlayPending(null, 0, [upsert({ id: 'c2', legalName: 'Neuf' }, 0, 'c2')], shown)).toEqual({ id: 'c2', legalName: 'Neuf', version: 0 });
    expect(overlayPending(null, 5, [upsert({ legalName: 'Acme SA' }, 4, 'c1'), { ...upsert({}, 4, 'c1'), op: 'delete' }], shown)).toBeNull();
  });

  it('groupe par enregistrement dans l’ordre de l’outbox', () => {
    const entries = [{ ...upsert({ a: 2 }, 1, 'x'), seq: 3 }, { ...upsert({ a: 1 }, 1, 'x'), seq: 1 }, { ...upsert({ b: 1 }, 0, 'y'), seq: 2 }];
    const grouped = pendingByRecord(entries);
    expect([...grouped.keys()]).toEqual(['clients/x', 'clients/y']);
    expect(grouped.get('clients/x')!.map((e) => e.seq)).toEqual([1, 3]);
  });

  it('ne déplace que les modifications posées sur une version antérieure', () => {
    const later = [upsert({ a: 1 }, 2), upsert({ b: 1 }, 5)];
    const rebased = rebasePending(later, 4);
    expect(rebased).toEqual([upsert({ a: 1 }, 4), upsert({ b: 1 }, 5)]);
    expect(rebased[1]).toBe(later[1]);
    expect(later[0]!.baseVersion).toBe(2);
  });

  it('un conflit réglé : « le mien » renvoie tout, « le serveur » garde ses champs en conflit et fusionne les autres', () => {
    const current = { id: 'c1', version: 5, legalName: 'Serveur', country: 'DE' };
    const change = upsert({ legalName: 'Poste', country: 'FR', version: 3, updatedAt: 'x' }, 3, 'c1');
    const conflicts = [{ field: 'legalName', serverValue: 'Serveur', clientValue: 'Poste' }];
    expect(settleConflict(change, current, conflicts, 'mine')).toEqual({ id: 'c1', version: 5, legalName: 'Poste', country: 'FR' });
    expect(settleConflict(change, current, conflicts, 'server')).toEqual({ id: 'c1', version: 5, legalName: 'Serveur', country: 'FR' });
    expect(settleConflict(upsert({ legalName: 'Poste' }, 3, 'c1'), current, conflicts, 'server')).toBeUndefined();
  });

  it('un poste seul : pousser ses modifications une à une (avec rebase) donne au serveur ce que le poste montrait', () => {
    const editArb = fc.dictionary(fc.constantFrom('a', 'b', 'c'), fc.oneof(fc.integer({ min: 0, max: 3 }), fc.constant(null)), { minKeys: 1, maxKeys: 3 });
    fc.assert(
      fc.property(fc.array(editArb, { minLength: 1, maxLength: 6 }), fc.dictionary(fc.constantFrom('d', 'e'), fc.integer({ min: 0, max: 3 })), (edits, serverEdit) => {
        let server = record({ a: 0, b: 0 }, 1, { a: 1, b: 1 });
        let pending = edits.map((changes) => upsert(changes, 1));
        const shown = overlayPending(server.data, server.version, pending)!;
        // Another laptop changed other fields meanwhile: they merge.
        const other = mergeUpsert(server, 'r', 1, serverEdit, NOW);
        if (other.kind !== 'apply') throw new Error('other laptop not applied');
        server = other.next;
        while (pending.length > 0) {
          const [first, ...later] = pending;
          const outcome = mergeUpsert(server, 'r', first!.baseVersion, first!.changes, NOW);
          if (outcome.kind !== 'apply') throw new Error(`${outcome.kind} for the laptop's own sequence`);
          server = outcome.next;
          pending = rebasePending(later, server.version);
        }
        const stored = Object.fromEntries(Object.entries(server.data).filter(([, v]) => v !== null));
        expect(withoutMeta(stored)).toEqual(withoutMeta({ ...shown, ...serverEdit }));
      }),
    );
  });
});
