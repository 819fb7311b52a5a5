import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { applyMigrations, dexieOptions } from '../../src-renderer/data/db';
import { createDatabase, createDataContext, createRepositories, MIGRATIONS } from '../../src-renderer/data';
import { freshIndexedDb } from './helpers';

// Grouped audit entries (v13): a usage import writes one history row per step, read back as one line per document.
describe('grouped audit entries', { timeout: 30_000 }, () => {
  it('migrates a v10 database to v13: single entries kept and still found by client and record, the multi-entry indexes added', async () => {
    const idb = freshIndexedDb();
    const old = new Dexie('audit-v13', dexieOptions(idb));
    applyMigrations(old, MIGRATIONS.filter((m) => m.version <= 10));
    await old.open();
    const single = { at: '2026-11-01T09:00:00+01:00', actor: 'camille', entity: 'usage', recordId: 'ct-1', clientId: 'cl-1', action: 'usage_month', summary: 'Consommation d’octobre 2026 enregistrée pour le contrat CT-A.', fields: ['months'] };
    await old.table('audit').add(single);
    old.close();

    const db = createDatabase({ name: 'audit-v13', ...idb });
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(13);
    expect(db.audit.schema.indexes.filter((i) => i.multi).map((i) => i.name).sort()).toEqual(['clientIds', 'recordIds']);
    // A grouped entry written after the upgrade, beside the single one.
    await db.audit.add({
      at: '2026-11-27T10:00:00+01:00', actor: 'camille', entity: 'usage', recordId: 'import-1', action: 'usage_import', summary: 'Import de consommations : 3 mois pour 2 contrats.',
      lines: [{ recordId: 'ct-1', clientId: 'cl-1', summary: 'Consommation importée pour le contrat CT-A : novembre 2026.', fields: ['months'] }, { recordId: 'ct-2', clientId: 'cl-2', summary: 'Consommation importée pour le contrat CT-B : octobre 2026, novembre 2026.', fields: ['months'] }],
      clientIds: ['cl-1', 'cl-2'], recordIds: ['ct-1', 'ct-2'],
    });
    const audit = createRepositories(createDataContext(db, 'device-test')).audit;
    expect((await audit.ofClient('cl-1')).map((e) => [e.action, e.recordId, e.summary])).toEqual([
      ['usage_import', 'ct-1', 'Consommation importée pour le contrat CT-A : novembre 2026.'],
      ['usage_month', 'ct-1', single.summary],
    ]);
    expect(await audit.ofRecord('usage', 'ct-2')).toEqual([{ seq: 2, at: '2026-11-27T10:00:00+01:00', actor: 'camille', entity: 'usage', recordId: 'ct-2', clientId: 'cl-2', action: 'usage_import', summary: 'Consommation importée pour le contrat CT-B : octobre 2026, novembre 2026.', fields: ['months'] }]);
    // Another entity's record of the same id is not this history's.
    expect(await audit.ofRecord('contracts', 'ct-2')).toEqual([]);
    db.close();
  });
});
