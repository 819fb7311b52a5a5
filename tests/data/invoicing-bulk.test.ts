import { describe, expect, it } from 'vitest';
import { checkContinuity } from '../../src-core';
import { loadDemoPortfolio, readOutbox } from '../../src-renderer/data';
import { createMonthlyDrafts, issueDrafts, planMonthlyRun, type WriteProgress } from '../../src-renderer/data/invoicing';
import { ACTOR, openTestData } from './helpers';

/**
 * A month of several hundred drafts, more than one bulk chunk: written in bulk,
 * the records, audit entries and outbox mutations are those of one-by-one writes,
 * and issuing them in one call keeps the series gapless.
 */
describe('monthly run and issuing in bulk', () => {
  it('creates and issues a whole month in one call each, with every audit entry and outbox mutation, gapless', async () => {
    const { db, ctx } = await openTestData();
    await loadDemoPortfolio(db, { seed: 7, clients: 320, today: '2026-11-27' });
    const plan = await planMonthlyRun(ctx, '2026-11');
    expect(plan.items.length).toBeGreaterThan(300);
    const createProgress: WriteProgress[] = [];
    const { created } = await createMonthlyDrafts(ctx, plan, ACTOR, { onProgress: (p) => createProgress.push(p) });
    expect(created).toBe(plan.items.length);
    expect(createProgress[0]).toEqual({ written: 0, total: created });
    expect(createProgress.at(-1)).toEqual({ written: created, total: created });
    expect(createProgress.length).toBeGreaterThan(2);

    const drafts = (await db.invoices.toArray()).filter((i) => i.status === 'draft');
    expect(drafts).toHaveLength(created);
    const draftAudit = (await db.audit.toArray()).filter((a) => a.action === 'create' && a.entity === 'invoices');
    expect(draftAudit).toHaveLength(created);
    expect(draftAudit[0]).toMatchObject({ actor: ACTOR, summary: 'Brouillon de la facture de 2026-11 créé.' });
    expect(draftAudit.every((a) => a.clientId && a.fields?.includes('lines'))).toBe(true);
    const creations = (await readOutbox(db)).filter((m) => m.entity === 'invoices');
    expect(creations).toHaveLength(created);
    expect(creations[0]).toMatchObject({ op: 'upsert', baseVersion: 0, deviceId: 'device-test' });
    expect(Object.keys(creations[0]!.changes)).toEqual(expect.arrayContaining(['id', 'status', 'lines', 'totals', 'period']));

    // A second run of the same month finds everything drafted.
    expect((await createMonthlyDrafts(ctx, plan, ACTOR)).created).toBe(0);

    const issueProgress: WriteProgress[] = [];
    const issued = await issueDrafts(ctx, drafts.map((d) => d.id), ACTOR, { onProgress: (p) => issueProgress.push(p) });
    expect(issued).toHaveLength(created);
    expect(issueProgress.at(-1)).toEqual({ written: created, total: created });
    const numbers = issued.map((i) => i.number!);
    expect(numbers[0]).toBe('F-2026-000001');
    expect(checkContinuity(numbers)).toEqual([]);
    expect(await db.series.get('F-2026')).toMatchObject({ lastNumber: created });
    expect((await db.invoices.toArray()).filter((i) => i.status === 'draft')).toHaveLength(0);

    const issueMutations = (await readOutbox(db)).filter((m) => m.entity === 'invoices' && m.baseVersion === 0 && 'number' in m.changes && m.changes.number !== null);
    expect(issueMutations).toHaveLength(created);
    expect(Object.keys(issueMutations[0]!.changes).sort()).toEqual(['buyer', 'issuedAt', 'number', 'seriesId', 'status']);
    const issueAudit = (await db.audit.toArray()).filter((a) => a.action === 'issue');
    expect(issueAudit).toHaveLength(created);
    expect(issueAudit[0]!.summary).toMatch(/^Facture F-2026-000001 émise le 27\/11\/2026 \(.+\)\.$/);
  });
});
