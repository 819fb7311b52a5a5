import { describe, expect, it } from 'vitest';
import { readOutbox } from '../../src-renderer/data';
import { createMonthlyDrafts, issueDrafts, planMonthlyRun, recordDeviceGrant, recordPayment } from '../../src-renderer/data/invoicing';
import { commitPushResults, listSetAside } from '../../src-renderer/data/sync-state';
import { ACTOR, CLIENT_INPUT, openTestData } from './helpers';

type Data = Awaited<ReturnType<typeof openTestData>>;

/** Three invoices issued in the laptop's granted series, everything answered by the server but the issues. */
async function issuedThree(data: Data) {
  await recordDeviceGrant(data.ctx, { year: 2026, kind: 'invoice', deviceCode: 'D07', lastNumber: 0 });
  const client = await data.commands.clients.create(CLIENT_INPUT, ACTOR);
  for (let i = 1; i <= 3; i++) {
    await data.commands.contracts.create({ clientId: client.id, reference: `CT-${i}`, tier: 'T49', priceListId: 'PL-2024-09-01', startDate: '2026-01-01' }, ACTOR);
  }
  await createMonthlyDrafts(data.ctx, await planMonthlyRun(data.ctx, '2026-10'), ACTOR);
  const drafts = await data.repos.invoices.query({ period: '2026-10', status: 'draft' });
  const issued = (await issueDrafts(data.ctx, drafts.map((d) => d.id), ACTOR)).sort((a, b) => a.number!.localeCompare(b.number!));
  // The server took everything made before the issues (client, contracts, drafts).
  const before = (await readOutbox(data.db)).filter((m) => !(m.entity === 'invoices' && typeof m.changes.number === 'string'));
  await data.db.outbox.bulkDelete(before.map((m) => m.seq!));
  return { client, issued };
}

/** The server refuses the issue of these documents. */
async function refuse(data: Data, ids: readonly string[], reason = 'La série F-2026-D07 n’a pas été attribuée à ce poste.') {
  const issues = (await readOutbox(data.db)).filter((m) => ids.includes(m.recordId) && typeof m.changes.number === 'string');
  return commitPushResults(data.ctx, issues.map((m) => ({ mutationId: m.mutationId, status: 'rejected', reason })), data.ctx.now(), 'Alice Martin (alice)');
}

describe('a refused issue: a draft again, its number released only if nothing else bears it, its payments set aside with it', () => {
  it('steps the series back only over numbers no document bears, so it never leaves a gap nor reuses a number', async () => {
    const data = await openTestData();
    const { issued } = await issuedThree(data);
    expect(issued.map((i) => i.number)).toEqual(['F-2026-D07-0001', 'F-2026-D07-0002', 'F-2026-D07-0003']);
    const [first, second, third] = issued;

    // The middle one refused: a draft again, but 0003 still bears the series' last number — nothing released.
    await refuse(data, [second!.id]);
    expect(await data.db.invoices.get(second!.id)).toMatchObject({ status: 'draft', number: null });
    expect(await data.db.series.get('F-2026-D07')).toMatchObject({ lastNumber: 3 });

    // Then the last one: 0003 and 0002 are free, the series goes back to 0001 and its date.
    await refuse(data, [third!.id], 'Le numéro F-2026-D07-0003 sauterait 1 numéro(s) de la série F-2026-D07 : la numérotation doit être continue.');
    expect(await data.db.series.get('F-2026-D07')).toMatchObject({ lastNumber: 1, lastIssueDate: first!.issueDate });
    const [reissued] = await issueDrafts(data.ctx, [second!.id], ACTOR);
    expect(reissued!.number).toBe('F-2026-D07-0002');

    // Each revert is an audited local change carrying the whole draft, so the server's copy becomes this draft.
    const reverts = (await readOutbox(data.db)).filter((m) => m.recordId === third!.id && m.changes.status === 'draft');
    expect(reverts).toHaveLength(1);
    expect(reverts[0]!.changes).toMatchObject({ status: 'draft', number: null, issueDate: third!.issueDate, dueDate: third!.dueDate, lines: third!.lines, totals: third!.totals });
    expect((await data.repos.audit.ofRecord('invoices', third!.id)).find((e) => e.action === 'issue_refused')).toMatchObject({ actor: 'Alice Martin (alice)', summary: expect.stringMatching(/F-2026-D07-0003 refusée .* sauterait/) });
  });

  it('sets aside the payments of a refused invoice that were not sent, with the reason; the others stay to send', async () => {
    const data = await openTestData();
    const { client, issued } = await issuedThree(data);
    const [first, second] = issued;
    const pay = (invoiceId: string) => recordPayment(data.ctx, { invoiceId, clientId: client.id, date: '2026-11-27', amountCents: 1000, method: 'virement', reference: 'VIR' }, ACTOR);
    const refusedPayment = await pay(first!.id);
    const keptPayment = await pay(second!.id);
    const outcome = await refuse(data, [first!.id]);
    expect(outcome.rejected).toBe(2);
    const setAside = await listSetAside(data.ctx);
    expect(setAside.map((s) => [s.mutation.entity, s.mutation.recordId])).toEqual(
      expect.arrayContaining([['invoices', first!.id], ['payments', refusedPayment.id]]),
    );
    expect(setAside.find((s) => s.mutation.entity === 'payments')?.reason).toMatch(/facture F-2026-D07-0001 a été refusée par le serveur central .* paiement mis de côté/);
    const pending = await readOutbox(data.db);
    expect(pending.some((m) => m.recordId === refusedPayment.id)).toBe(false);
    expect(pending.some((m) => m.recordId === keptPayment.id)).toBe(true);
  });
});
