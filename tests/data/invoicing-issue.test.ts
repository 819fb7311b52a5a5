import { describe, expect, it } from 'vitest';
import { checkContinuity, DEMO_SELLER_PROFILE } from '../../src-core';
import { createMonthlyDrafts, issueDrafts, planMonthlyRun, setDeviceCode } from '../../src-renderer/data/invoicing';
import { createDataContext, createRepositories } from '../../src-renderer/data';
import { ACTOR, CLIENT_INPUT, counts, openTestData } from './helpers';

type Data = Awaited<ReturnType<typeof openTestData>>;

/** `n` contracts of one client, all drafted for `month`. */
async function drafted(data: Data, n: number, month = '2026-11') {
  const client = await data.repos.clients.create(CLIENT_INPUT, ACTOR);
  for (let i = 1; i <= n; i++) {
    await data.repos.contracts.create({ clientId: client.id, reference: `CT-${i}`, tier: 'T49', priceListId: 'PL-2024-09-01', startDate: '2026-01-01' }, ACTOR);
  }
  await createMonthlyDrafts(data.ctx, await planMonthlyRun(data.ctx, month), ACTOR);
  const drafts = await data.repos.invoices.query({ period: month, status: 'draft' });
  return { client, ids: drafts.map((d) => d.id) };
}

describe('issuing: gapless numbering (CGI art. 242 nonies A)', () => {
  it('several issue calls racing on overlapping drafts give each draft one number, continuous, no gap, no reuse', async () => {
    const data = await openTestData();
    const { ids } = await drafted(data, 12);
    const calls = [ids.slice(0, 5), ids.slice(3, 9), ids.slice(7), ids, ids.slice(2, 4)];
    const results = await Promise.all(calls.map((batch) => issueDrafts(data.ctx, batch, ACTOR)));
    expect(results.flat()).toHaveLength(12);
    const issued = await data.repos.invoices.query({ period: '2026-11' });
    const numbers = issued.map((i) => i.number!);
    expect(issued.every((i) => i.status === 'issued' && i.seriesId === 'F-2026' && i.buyer?.legalName === CLIENT_INPUT.legalName)).toBe(true);
    expect(new Set(numbers).size).toBe(12);
    expect(checkContinuity(numbers)).toEqual([]);
    expect(numbers.sort()[0]).toBe('F-2026-000001');
    expect(await data.db.series.get('F-2026')).toMatchObject({ lastNumber: 12, lastIssueDate: '2026-11-01' });
    expect((await data.db.audit.toArray()).filter((a) => a.action === 'issue')).toHaveLength(12);
  });

  it('continues the series across runs and uses the device code when one is configured', async () => {
    const data = await openTestData();
    const { ids } = await drafted(data, 2, '2026-10');
    await issueDrafts(data.ctx, ids, ACTOR);
    await setDeviceCode(data.ctx, 'L01');
    await createMonthlyDrafts(data.ctx, await planMonthlyRun(data.ctx, '2026-11'), ACTOR);
    const november = (await data.repos.invoices.query({ period: '2026-11' })).map((d) => d.id);
    const issued = await issueDrafts(data.ctx, november, ACTOR);
    expect(issued.map((i) => i.number)).toEqual(['F-2026-L01-0001', 'F-2026-L01-0002']);
    await expect(setDeviceCode(data.ctx, 'l-01')).rejects.toThrow(/Code de poste invalide/);
  });

  it('numbers a month in the order of the clients\' names, whatever the drafts\' random ids', async () => {
    const opened = await openTestData();
    // Ids that sort against the order records are made in, as random UUIDs may.
    let next = 999;
    const ctx = createDataContext(opened.db, 'device-test', { now: opened.ctx.now, newId: () => `00000000-0000-4000-8000-${String(next--).padStart(12, '0')}` });
    const data = { ...opened, ctx, repos: createRepositories(ctx) };
    for (const [i, name] of ['Zénith Conseil', 'Atelier Éloïse', 'Boulangerie Martin SARL'].entries()) {
      const client = await data.repos.clients.create({ ...CLIENT_INPUT, legalName: name }, ACTOR);
      await data.repos.contracts.create({ clientId: client.id, reference: `CT-${i}`, tier: 'T49', priceListId: 'PL-2024-09-01', startDate: '2026-01-01' }, ACTOR);
    }
    await createMonthlyDrafts(data.ctx, await planMonthlyRun(data.ctx, '2026-11'), ACTOR);
    const drafts = await data.repos.invoices.query({ period: '2026-11', status: 'draft' });
    const issued = await issueDrafts(data.ctx, drafts.map((d) => d.id).reverse(), ACTOR);
    expect(issued.map((i) => [i.number, i.buyer?.legalName])).toEqual([
      ['F-2026-000001', 'Atelier Éloïse'],
      ['F-2026-000002', 'Boulangerie Martin SARL'],
      ['F-2026-000003', 'Zénith Conseil'],
    ]);
  });

  it('issued invoices are read-only: edits and deletions are refused, issuing again changes nothing', async () => {
    const data = await openTestData();
    const { ids } = await drafted(data, 1);
    const [issued] = await issueDrafts(data.ctx, ids, ACTOR);
    await expect(data.repos.invoices.updateDraft(issued!.id, { dueDate: '2027-01-31' }, ACTOR)).rejects.toThrow(/émise/);
    await expect(data.repos.invoices.deleteDraft(issued!.id, ACTOR)).rejects.toThrow(/émise/);
    expect(await issueDrafts(data.ctx, ids, ACTOR)).toEqual([]);
    expect(await data.repos.invoices.get(issued!.id)).toEqual(issued);
  });

  it('a draft dated before the series’ last document is refused and nothing of the batch is issued', async () => {
    const data = await openTestData();
    const { ids: november } = await drafted(data, 2);
    await createMonthlyDrafts(data.ctx, await planMonthlyRun(data.ctx, '2026-12'), ACTOR);
    const december = (await data.repos.invoices.query({ period: '2026-12' })).map((d) => d.id);
    await issueDrafts(data.ctx, december, ACTOR);
    const before = await counts(data.db);
    await expect(issueDrafts(data.ctx, november, ACTOR)).rejects.toThrow(/ordre chronologique/);
    expect(await counts(data.db)).toEqual(before);
    expect(await data.db.series.get('F-2026')).toMatchObject({ lastNumber: 2 });
  });
});

describe('issuing: every document a valid EN 16931 e-invoice (issue 18)', () => {
  it('refuses to issue while a document fails the rules, names the rule and the reason in French, and issues nothing', async () => {
    const data = await openTestData();
    const { ids } = await drafted(data, 2);
    // A seller SIREN whose check digit is wrong: the profile's format passes, the e-invoice rule BR-CO-26 does not.
    await data.repos.settings.set('sellerProfile', { ...DEMO_SELLER_PROFILE, siren: '732829321' }, ACTOR);
    await expect(issueDrafts(data.ctx, ids, ACTOR)).rejects.toThrow(/^Émission refusée, rien n’a été émis\.\nF-2026-000001 \(Boulangerie[^)]*\) ne respecte pas la norme de facturation électronique EN 16931 :\n– \[BR-CO-26\] Le SIREN du vendeur/);
    expect((await data.repos.invoices.query({ period: '2026-11' })).every((d) => d.status === 'draft' && d.number === null)).toBe(true);
    expect(await data.db.series.get('F-2026')).toBeUndefined();
    await data.repos.settings.set('sellerProfile', DEMO_SELLER_PROFILE, ACTOR);
    expect((await issueDrafts(data.ctx, ids, ACTOR)).map((d) => d.number)).toEqual(['F-2026-000001', 'F-2026-000002']);
  });
});
