import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkContinuity, PRICE_LIST_2024_09_01 } from '../../src-core';
import { createMonthlyDrafts, issueDrafts, nextCentralNumber, parisToday, planMonthlyRun, readAwaitingCentralIssue } from '../../src-renderer/data/invoicing';
import { listSetAside } from '../../src-renderer/data/sync-state';
import { CentralIssueError } from '../../src-renderer/sync/central-issue';
import { storageVariants } from '../server/support/storages';
import type { CentralServer } from './support/central-server';
import { centralServerSuite } from './support/suite';
import { expectConverged, serverRecords } from './support/invariants';
import { openLaptop, type Laptop } from './support/laptop';
import { ACTOR, FRENCH_CLIENT } from './support/records';

/** Last month: its invoices can be issued today. */
function lastMonth(today: string): string {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
}

/** A client with `count` running contracts on this laptop, and last month's drafts for them; returns the drafts' ids. */
async function draftsOf(laptop: Laptop, name: string, count: number): Promise<string[]> {
  const { ctx, repos, commands } = laptop.data;
  const today = parisToday(ctx);
  const client = await commands.clients.create({ ...FRENCH_CLIENT, legalName: name }, ACTOR);
  const contractIds = new Set<string>();
  for (let i = 0; i < count; i++) {
    const contract = await commands.contracts.create({ clientId: client.id, tier: 'T99', priceListId: PRICE_LIST_2024_09_01.id, startDate: `${Number(today.slice(0, 4)) - 1}-01-01` }, ACTOR);
    contractIds.add(contract.id);
  }
  const month = lastMonth(today);
  await createMonthlyDrafts(ctx, await planMonthlyRun(ctx, month), ACTOR);
  return (await repos.invoices.query({ period: month })).filter((d) => contractIds.has(d.contractId) && d.status === 'draft').map((d) => d.id);
}

/** The central series' numbers the server has given (F-YYYY-NNNNNN), in order. */
async function centralNumbersOnServer(server: CentralServer, year: string): Promise<string[]> {
  const records = [...(await serverRecords(server)).values()].filter((c) => c.entity === 'invoices' && !c.deleted).map((c) => String(c.record?.number ?? ''));
  return records.filter((n) => new RegExp(`^F-${year}-\\d{6}$`).test(n)).sort();
}

describe.each(storageVariants())('$name : émission par le serveur central (série F-AAAA-NNNNNN)', { timeout: 120_000 }, ({ open }) => {
  const suite = centralServerSuite(open);

  it('en ligne, une facture prend le numéro suivant de la série centrale ; le poste la garde telle que le serveur l’a émise, sans mutation à renvoyer ; B la voit pareille', async () => {
    const a = await openLaptop('central-a', () => suite.server.url(), { token: suite.server.tokens.alice });
    const b = await openLaptop('central-b', () => suite.server.url(), { token: suite.server.tokens.bob });
    suite.keep(a, b);
    const today = parisToday(a.data.ctx);
    const year = today.slice(0, 4);
    await a.engine.syncNow();
    const [draftId] = await draftsOf(a, 'Central SARL', 1);
    expect(await nextCentralNumber(a.data.ctx, 'invoice')).toEqual({ series: `F-${year}`, number: `F-${year}-000001`, known: false });

    const issued = await a.engine.issueCentrally([draftId!], { actor: 'Alice Martin (alice)', requestId: randomUUID() });
    expect(issued.map((i) => i.number)).toEqual([`F-${year}-000001`]);
    const local = await a.data.db.invoices.get(draftId!);
    expect(local).toMatchObject({ status: 'issued', number: `F-${year}-000001`, issueDate: today, buyer: { legalName: 'Central SARL', siren: FRENCH_CLIENT.siren } });
    // Nothing to send back: the record is the server's, its version too.
    expect((await a.data.repos.outbox.pending(1000)).filter((m) => m.recordId === draftId)).toEqual([]);
    const onServer = (await serverRecords(suite.server)).get(`invoices/${draftId}`);
    expect(local?.version).toBe(onServer?.version);
    expect(onServer?.record).toMatchObject({ status: 'issued', number: `F-${year}-000001`, issueDate: today, dueDate: local?.dueDate });
    // The audit names who asked, and says the server issued it.
    const audit = await a.data.repos.audit.ofRecord('invoices', draftId!);
    expect(audit.find((e) => e.action === 'issue')).toMatchObject({ actor: 'Alice Martin (alice)', summary: expect.stringMatching(new RegExp(`F-${year}-000001 émise par le serveur central`)) });
    expect(await nextCentralNumber(a.data.ctx, 'invoice')).toEqual({ series: `F-${year}`, number: `F-${year}-000002`, known: true });
    // A sync afterwards changes nothing and sets nothing aside.
    expect((await a.engine.syncNow()).pushed).toEqual({ applied: 0, conflicts: 0, rejected: 0 });

    await b.engine.syncNow();
    expect(await b.data.db.invoices.get(draftId!)).toEqual(await a.data.db.invoices.get(draftId!));
    await expectConverged(suite.server, [a, b]);
  });

  it('une demande coupée (réponse perdue) puis renvoyée ne donne pas deux numéros ; la série du poste reste bloquée tant que le serveur n’a pas répondu', async () => {
    const a = await openLaptop('central-cut', () => suite.server.url(), { token: suite.server.tokens.alice });
    suite.keep(a);
    const year = parisToday(a.data.ctx).slice(0, 4);
    await a.engine.syncNow();
    const before = await centralNumbersOnServer(suite.server, year);
    const [first, second] = await draftsOf(a, 'Coupure SAS', 2);

    // The server issues the first draft, its answer is lost on the way back.
    a.transport.plan(['loseAnswer'], '/invoices/issue');
    const cut = await a.engine.issueCentrally([first!, second!], { actor: ACTOR, requestId: randomUUID() }).catch((e: unknown) => e);
    expect(cut).toBeInstanceOf(CentralIssueError);
    expect(cut).toMatchObject({ fallback: false, issued: [], message: expect.stringMatching(/n’a pas répondu.*jamais deux numéros/) });
    // Only the request that left is remembered (drafts go in their numbering order: by client, then contract).
    const awaiting = (await Promise.all([first!, second!].map((id) => readAwaitingCentralIssue(a.data.ctx, id)))).filter((x) => x !== undefined);
    expect(awaiting).toHaveLength(1);
    const cutId = awaiting[0]!.invoiceId;
    expect(await a.data.db.invoices.get(cutId)).toMatchObject({ status: 'draft', number: null });
    // Numbering it in the laptop's series now could give the document a second number.
    await expect(issueDrafts(a.data.ctx, [cutId], ACTOR)).rejects.toThrow(/peut-être déjà donné un numéro/);
    expect(await a.data.db.invoices.get(cutId)).toMatchObject({ status: 'draft' });

    // Retried (a new click: another command id): the stored request goes again and gets the number it was given.
    const retried = await a.engine.issueCentrally([first!, second!], { actor: ACTOR, requestId: randomUUID() });
    const after = await centralNumbersOnServer(suite.server, year);
    expect(after).toHaveLength(before.length + 2);
    expect(checkContinuity(after)).toEqual([]);
    const given = (await serverRecords(suite.server)).get(`invoices/${cutId}`)?.record?.number;
    // The cut one kept the number the server gave it before the cut; the other took the next.
    expect(given).toBe(after.at(-2));
    expect(retried.map((i) => [i.id, i.number])).toEqual([[cutId, given], [cutId === first ? second : first, after.at(-1)]]);
    expect(await readAwaitingCentralIssue(a.data.ctx, cutId)).toBeUndefined();
    expect(a.transport.delivered.get('/invoices/issue')).toBe(3);

    // The same request sent twice at once (a duplicated delivery): one number.
    const [third] = await draftsOf(a, 'Doublon SA', 1);
    a.transport.plan(['duplicate'], '/invoices/issue');
    const [dup] = await a.engine.issueCentrally([third!], { actor: ACTOR, requestId: randomUUID() });
    const last = await centralNumbersOnServer(suite.server, year);
    expect(last).toHaveLength(after.length + 1);
    expect(dup!.number).toBe(last.at(-1));
    expect(checkContinuity(last)).toEqual([]);
    await expectConverged(suite.server, [a]);
  });

  it('hors ligne : rien n’est émis, le message le dit et propose la série du poste, qui émet alors sans blocage', async () => {
    const a = await openLaptop('central-offline', () => suite.server.url(), { token: suite.server.tokens.alice });
    suite.keep(a);
    const year = parisToday(a.data.ctx).slice(0, 4);
    await a.engine.syncNow();
    const [draftId] = await draftsOf(a, 'Hors Ligne SARL', 1);
    a.transport.setOnline(false);
    const failed = await a.engine.issueCentrally([draftId!], { actor: ACTOR, requestId: randomUUID() }).catch((e: unknown) => e);
    expect(failed).toMatchObject({ fallback: true, message: expect.stringMatching(/^Émission par le serveur central impossible : Serveur injoignable.*Rien n’a été émis/) });
    expect(await readAwaitingCentralIssue(a.data.ctx, draftId!)).toBeUndefined();
    const [local] = await issueDrafts(a.data.ctx, [draftId!], ACTOR);
    expect(local!.number).toMatch(new RegExp(`^F-${year}-D\\d\\d-0001$`));
    a.transport.setOnline(true);
    expect((await a.engine.syncNow()).pushed.rejected).toBe(0);
    expect((await serverRecords(suite.server)).get(`invoices/${draftId}`)?.record).toMatchObject({ status: 'issued', number: local!.number });
  });

  it('un brouillon déjà émis par un autre poste : la synchronisation d’avant la demande rapporte son numéro, rien n’est demandé ni mis de côté', async () => {
    const a = await openLaptop('central-other-a', () => suite.server.url(), { token: suite.server.tokens.alice });
    const b = await openLaptop('central-other-b', () => suite.server.url(), { token: suite.server.tokens.bob });
    suite.keep(a, b);
    await a.engine.syncNow();
    const [draftId] = await draftsOf(a, 'Deux Postes SAS', 1);
    await a.engine.syncNow();
    await b.engine.syncNow();
    const [byA] = await a.engine.issueCentrally([draftId!], { actor: ACTOR, requestId: randomUUID() });
    const asked = a.transport.delivered.get('/invoices/issue');
    expect(await b.engine.issueCentrally([draftId!], { actor: ACTOR, requestId: randomUUID() })).toEqual([]);
    expect(b.transport.delivered.get('/invoices/issue')).toBeUndefined();
    expect(a.transport.delivered.get('/invoices/issue')).toBe(asked);
    expect(await b.data.db.invoices.get(draftId!)).toMatchObject({ status: 'issued', number: byA!.number });
    expect(await listSetAside(b.data.ctx)).toEqual([]);
    expect(await b.data.repos.outbox.count()).toBe(0);
  });
});
