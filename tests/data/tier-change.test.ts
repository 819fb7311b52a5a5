import { describe, expect, it } from 'vitest';
import { PRICE_LIST_2024_09_01, readLetterParams } from '../../src-core';
import { applyTierChangesWithNotices, applyTierChangeWithNotice, createDataContext, readOverrunWorkList, undoTierChange, type TierChangeRequest } from '../../src-renderer/data';
import { advanceLetter } from '../../src-renderer/data/letters-flow';
import { ACTOR, CLIENT_INPUT, counts, openTestData } from './helpers';

/** Seen on 04/12/2026, a T49 contract over its CPU limit in November. */
async function setUp() {
  const data = await openTestData();
  const ctx = createDataContext(data.db, 'device-test', { now: () => '2026-12-04T10:00:00+01:00', newId: data.ctx.newId });
  const client = await data.commands.clients.create(CLIENT_INPUT, ACTOR);
  const contract = await data.commands.contracts.create({ clientId: client.id, reference: 'CT-2026-00001', tier: 'T49', priceListId: PRICE_LIST_2024_09_01.id, startDate: '2026-03-01' }, ACTOR);
  await data.commands.usage.importMonths([{ contractId: contract.id, month: '2026-11', cpuHours: 1.2, databaseGB: 0.5, storageGB: 1 }], ACTOR);
  return { ...data, ctx, client, contract };
}

const request = (contractId: string, fromMonth: string, retroactive: boolean): TierChangeRequest => ({
  contractId, toTier: 'T99', fromMonth, retroactive, overrun: { month: '2026-11', overLimits: ['CPU : 1,2 h pour 1 h incluses'], supplementCents: 5000 },
});

describe('a tier change done right', () => {
  it('a past date is refused unless chosen explicitly, and nothing is written', async () => {
    const s = await setUp();
    const rows = await counts(s.db);
    await expect(applyTierChangeWithNotice(s.ctx, request(s.contract.id, '2026-12', false), ACTOR)).rejects.toThrow(/01\/12\/2026 est antérieur à aujourd’hui \(04\/12\/2026\)/);
    expect(await counts(s.db)).toEqual(rows);
  });

  it('writes the change and its draft notice together; undone together while the notice is a draft', async () => {
    const s = await setUp();
    const { contract, letter, plan } = await applyTierChangeWithNotice(s.ctx, request(s.contract.id, '2027-01', false), ACTOR);
    expect(plan).toMatchObject({ from: '2027-01-01', fromTier: 'T49', toTier: 'T99', differenceCents: 5000, retroactive: false });
    expect(contract.history.at(-1)).toMatchObject({ kind: 'tier_change', fromMonth: '2027-01', toTier: 'T99', letterId: letter.id });
    expect(letter.status).toBe('draft');
    expect(readLetterParams('tierChange', letter.params)).toMatchObject({ effectiveFrom: '2027-01-01', currentTier: { id: 'T49', priceCents: 4900 }, newTier: { id: 'T99', priceCents: 9900 }, supplementCents: 5000 });
    expect(await s.db.letters.get(letter.id)).toEqual(letter);

    const undone = await undoTierChange(s.ctx, letter.id, ACTOR);
    expect(undone.tier).toBe('T49');
    expect(undone.history.some((e) => e.kind === 'tier_change')).toBe(false);
    expect(await s.db.letters.get(letter.id)).toBeUndefined();
  });

  it('a retroactive change chosen knowingly applies from the past date; once its notice is printed it can no longer be undone', async () => {
    const s = await setUp();
    const { letter } = await applyTierChangeWithNotice(s.ctx, request(s.contract.id, '2026-12', true), ACTOR);
    await advanceLetter(s.ctx, letter.id, { type: 'print' }, ACTOR);
    await expect(undoTierChange(s.ctx, letter.id, ACTOR)).rejects.toThrow(/ne peut plus être annulé/);
    expect((await s.db.contracts.get(s.contract.id))!.tier).toBe('T99');
  });

  it('the overrun work list proposes the change, and its bulk apply drafts every notice with progress', async () => {
    const s = await setUp();
    const list = await readOverrunWorkList(s.db, '2026-12-04');
    expect(list.month).toBe('2026-11');
    expect(list.items).toHaveLength(1);
    const [item] = list.items;
    expect(item!.over.coveringTierId).toBe('T99');
    expect(item!.plan).toMatchObject({ from: '2026-12-01', retroactive: true });
    expect(item!.nextPlan).toMatchObject({ from: '2027-01-01', retroactive: false });
    const progress: number[] = [];
    const result = await applyTierChangesWithNotices(s.ctx, [item!.nextRequest!, item!.nextRequest!], ACTOR, { chunkSize: 1, onProgress: (p) => progress.push(p.done) });
    expect(progress).toEqual([1, 2]);
    expect(result.applied).toHaveLength(1);
    // The same change twice: the second is refused, not written twice.
    expect(result.refused[0]!.message).toMatch(/déjà en formule T99/);
    expect((await s.db.letters.toArray()).filter((l) => l.kind === 'tierChange')).toHaveLength(1);
  });
});
