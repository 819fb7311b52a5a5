import { describe, expect, it } from 'vitest';
import { checkContinuity, DEMO_SELLER_PROFILE } from '../../src-core';
import { createCreditNote, createLateSurcharge, createMonthlyDrafts, issueDrafts, planMonthlyRun, recordDeviceGrant } from '../../src-renderer/data/invoicing';
import { createDataContext, createRepositories } from '../../src-renderer/data';
import { ACTOR, CLIENT_INPUT, counts, openTestData } from './helpers';

type Data = Awaited<ReturnType<typeof openTestData>>;

/** `n` contracts of one client, all drafted for `month`. */
async function drafted(data: Data, n: number, month = '2026-11') {
  const client = await data.commands.clients.create(CLIENT_INPUT, ACTOR);
  for (let i = 1; i <= n; i++) {
    await data.commands.contracts.create({ clientId: client.id, reference: `CT-${i}`, tier: 'T49', priceListId: 'PL-2024-09-01', startDate: '2026-01-01' }, ACTOR);
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
    expect(await data.db.series.get('F-2026')).toMatchObject({ lastNumber: 12, lastIssueDate: '2026-11-27' });
    expect((await data.db.audit.toArray()).filter((a) => a.action === 'issue')).toHaveLength(12);
  });

  it('continues the series across runs and uses the device code when one is configured', async () => {
    const data = await openTestData();
    const { ids } = await drafted(data, 2, '2026-10');
    await issueDrafts(data.ctx, ids, ACTOR);
    // The central API granted this laptop its own series (the engine stores the grant at sign-in).
    await recordDeviceGrant(data.ctx, { year: 2026, kind: 'invoice', deviceCode: 'L01', lastNumber: 0 });
    await createMonthlyDrafts(data.ctx, await planMonthlyRun(data.ctx, '2026-11'), ACTOR);
    const november = (await data.repos.invoices.query({ period: '2026-11' })).map((d) => d.id);
    const issued = await issueDrafts(data.ctx, november, ACTOR);
    expect(issued.map((i) => i.number)).toEqual(['F-2026-L01-0001', 'F-2026-L01-0002']);
    await expect(recordDeviceGrant(data.ctx, { year: 2026, kind: 'invoice', deviceCode: 'l-01', lastNumber: 0 })).rejects.toThrow(/Code de poste invalide/);
  });

  it('numbers a month in the order of the clients\' names, whatever the drafts\' random ids', async () => {
    const opened = await openTestData();
    // Ids that sort against the order records are made in, as random UUIDs may.
    let next = 999;
    const ctx = createDataContext(opened.db, 'device-test', { now: opened.ctx.now, newId: () => `00000000-0000-4000-8000-${String(next--).padStart(12, '0')}` });
    const data = { ...opened, ctx, repos: createRepositories(ctx) };
    for (const [i, name] of ['Zénith Conseil', 'Atelier Éloïse', 'Boulangerie Martin SARL'].entries()) {
      const client = await data.commands.clients.create({ ...CLIENT_INPUT, legalName: name }, ACTOR);
      await data.commands.contracts.create({ clientId: client.id, reference: `CT-${i}`, tier: 'T49', priceListId: 'PL-2024-09-01', startDate: '2026-01-01' }, ACTOR);
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
    await expect(data.commands.invoices.updateDraft(issued!.id, { dueDate: '2027-01-31' }, ACTOR)).rejects.toThrow(/émise/);
    await expect(data.commands.invoices.deleteDraft(issued!.id, ACTOR)).rejects.toThrow(/émise/);
    expect(await issueDrafts(data.ctx, ids, ACTOR)).toEqual([]);
    expect(await data.repos.invoices.get(issued!.id)).toEqual(issued);
  });

  it('a month not yet begun is refused with its first day, and nothing of the batch is issued', async () => {
    const data = await openTestData();
    const { ids: november } = await drafted(data, 2);
    await createMonthlyDrafts(data.ctx, await planMonthlyRun(data.ctx, '2026-12'), ACTOR);
    const december = (await data.repos.invoices.query({ period: '2026-12' })).map((d) => d.id);
    const before = await counts(data.db);
    await expect(issueDrafts(data.ctx, [...november, ...december], ACTOR)).rejects.toThrow(/décembre 2026 ne peut pas être émise avant le 01\/12\/2026/);
    expect(await counts(data.db)).toEqual(before);
    expect(await data.db.series.get('F-2026')).toBeUndefined();
  });
});

describe('issue dates (CGI art. 242 nonies A: dated the day issued, never backdated)', () => {
  it('an invoice issued on 04/12 for December is dated 04/12, due 03/01, its period December', async () => {
    const data = await openTestData();
    data.setToday('2026-12-04');
    const { ids } = await drafted(data, 1, '2026-12');
    const [issued] = await issueDrafts(data.ctx, ids, ACTOR);
    expect(issued).toMatchObject({ issueDate: '2026-12-04', dueDate: '2027-01-03', period: '2026-12', number: 'F-2026-000001' });
    const audit = (await data.db.audit.toArray()).find((a) => a.action === 'issue');
    expect(audit?.summary).toBe(`Facture F-2026-000001 émise le 04/12/2026 (${CLIENT_INPUT.legalName}).`);
  });

  it('a draft computed earlier (or stored by the previous version, dated the 1st) takes the day it is issued and keeps its term', async () => {
    const data = await openTestData();
    data.setToday('2026-11-01');
    const { ids } = await drafted(data, 1, '2026-11');
    expect((await data.repos.invoices.get(ids[0]!))).toMatchObject({ issueDate: '2026-11-01', dueDate: '2026-12-01' });
    data.setToday('2026-11-09');
    const [issued] = await issueDrafts(data.ctx, ids, ACTOR);
    expect(issued).toMatchObject({ issueDate: '2026-11-09', dueDate: '2026-12-09', period: '2026-11' });
  });

  it('a month can be issued after a surcharge and a credit note issued the same day', async () => {
    const data = await openTestData();
    data.setToday('2026-10-01');
    const { ids: october } = await drafted(data, 2, '2026-10');
    const [first, second] = await issueDrafts(data.ctx, october, ACTOR);
    data.setToday('2026-12-04');
    const surcharge = await createLateSurcharge(data.ctx, first!.id, ACTOR);
    const credit = await createCreditNote(data.ctx, second!.id, 'full', ACTOR);
    expect([surcharge.issueDate, credit.issueDate]).toEqual(['2026-12-04', '2026-12-04']);
    await createMonthlyDrafts(data.ctx, await planMonthlyRun(data.ctx, '2026-12'), ACTOR);
    const december = (await data.repos.invoices.query({ period: '2026-12', status: 'draft' })).map((d) => d.id);
    const issued = await issueDrafts(data.ctx, december, ACTOR);
    expect(issued.map((i) => [i.number, i.issueDate])).toEqual([['F-2026-000004', '2026-12-04'], ['F-2026-000005', '2026-12-04']]);
    expect(surcharge.number).toBe('F-2026-000003');
  });
});

describe('issuing: every document a valid EN 16931 e-invoice (issue 18)', () => {
  it('refuses to issue while a document fails the rules, names the rule and the reason in French, and issues nothing', async () => {
    const data = await openTestData();
    const { ids } = await drafted(data, 2);
    // A seller SIREN whose check digit is wrong: the profile's format passes, the e-invoice rule BR-CO-26 does not.
    await data.commands.settings.set('sellerProfile', { ...DEMO_SELLER_PROFILE, siren: '732829321' }, ACTOR);
    await expect(issueDrafts(data.ctx, ids, ACTOR)).rejects.toThrow(/^Émission refusée, rien n’a été émis\.\nF-2026-000001 \(Boulangerie[^)]*\) ne respecte pas la norme de facturation électronique EN 16931 :\n– \[BR-CO-26\] Le SIREN du vendeur/);
    expect((await data.repos.invoices.query({ period: '2026-11' })).every((d) => d.status === 'draft' && d.number === null)).toBe(true);
    expect(await data.db.series.get('F-2026')).toBeUndefined();
    await data.commands.settings.set('sellerProfile', DEMO_SELLER_PROFILE, ACTOR);
    expect((await issueDrafts(data.ctx, ids, ACTOR)).map((d) => d.number)).toEqual(['F-2026-000001', 'F-2026-000002']);
  });
});
