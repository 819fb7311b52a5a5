import { describe, expect, it } from 'vitest';
import type { UsageDocument } from '../../src-core';
import { changeTransaction, localWrite } from '../../src-renderer/data/change';
import { applyRecordWrites, localChange, type RecordWrite } from '../../src-renderer/data/writes/gateway';
import { readDigests } from '../../src-renderer/data/read-model/record-digests';
import { ACTOR, CLIENT_INPUT, counts, openTestData } from './helpers';

// A long write given a step at a time (writes/gateway.ts WriteSteps): each step is recorded once stored, in order,
// the next one reads what the ones before wrote, and a step may rewrite a record of the one before.

const AT = '2026-12-04T10:00:00+01:00';

function usage(contractId: string, clientId: string, cpuHours: number, before?: UsageDocument): UsageDocument {
  return { id: contractId, contractId, clientId, months: [{ month: '2026-11', cpuHours, databaseGB: 0.5, storageGB: 1 }], createdAt: before?.createdAt ?? AT, updatedAt: AT, version: before?.version ?? 0 };
}

describe('a write given a step at a time', () => {
  it('stores every step in order, reports each once stored, and keeps the last state of a record two steps wrote', async () => {
    const { db, ctx, commands } = await openTestData();
    const client = await commands.clients.create(CLIENT_INPUT, ACTOR);
    const contracts = [];
    for (let i = 1; i <= 5; i++) contracts.push(await commands.contracts.create({ clientId: client.id, tier: 'T49', priceListId: 'PL-2024-09-01', startDate: '2026-06-01' }, ACTOR));
    const before = await counts(db);
    const write = (after: UsageDocument, prior?: UsageDocument): RecordWrite => localWrite({ entity: 'usage', before: prior, after, actor: ACTOR, action: 'usage_import', summary: 'Consommation importée.', clientId: client.id });
    const first = contracts.slice(0, 3).map((c) => usage(c.id, client.id, 1));
    // The second step rewrites the first step's first document (read back as the first step left it) and adds two more.
    const second = [usage(contracts[0]!.id, client.id, 2, first[0]), ...contracts.slice(3).map((c) => usage(c.id, client.id, 3))];
    const steps = [first.map((d) => write(d)), [write(second[0]!, first[0]), ...second.slice(1).map((d) => write(d))]];
    const progress: number[] = [];
    const stored: number[] = [];
    await changeTransaction(ctx, ['usage', 'contracts'], () => {
      let next = 0;
      return applyRecordWrites(
        db,
        () => {
          const step = steps[next++];
          // Asked for the next step: how many usage documents IndexedDB holds by then (reads see the requests issued before).
          return step ? db.usage.count().then((n) => (stored.push(n), step)) : undefined;
        },
        localChange(ctx),
        { onProgress: ({ written }) => progress.push(written) },
      );
    });
    expect(progress).toEqual([3, 6]);
    expect(stored).toEqual([0, 3]);
    expect((await db.usage.get(contracts[0]!.id))!.months[0]!.cpuHours).toBe(2);
    expect((await db.usage.toArray()).map((d) => d.months[0]!.cpuHours).sort()).toEqual([1, 1, 2, 3, 3]);
    const after = await counts(db);
    expect([after.usage! - before.usage!, after.outbox! - before.outbox!, after.audit! - before.audit!]).toEqual([5, 6, 6]);
    // The digests count each record once, at its last version: as a recount from the records says.
    expect((await readDigests(db)).get('usage')!.count.reduce((a, b) => a + b, 0)).toBe(5);
  });

  it('a failing step abandons the whole write: nothing of the steps before it is kept', async () => {
    const { db, ctx, commands } = await openTestData();
    const client = await commands.clients.create(CLIENT_INPUT, ACTOR);
    const contract = await commands.contracts.create({ clientId: client.id, tier: 'T49', priceListId: 'PL-2024-09-01', startDate: '2026-06-01' }, ACTOR);
    const before = await counts(db);
    const ok = localWrite({ entity: 'usage', before: undefined, after: usage(contract.id, client.id, 1), actor: ACTOR, action: 'usage_import', summary: 'Consommation importée.', clientId: client.id });
    // The second step is refused once the documents it reads are read, as an import's refused row: its read is issued in the transaction.
    const steps: (() => Promise<RecordWrite[]>)[] = [
      () => db.usage.count().then(() => [ok]),
      () =>
        db.usage.count().then(() => {
          throw new Error('refusée');
        }),
    ];
    let next = 0;
    await expect(changeTransaction(ctx, ['usage', 'contracts'], () => applyRecordWrites(db, () => steps[next++]?.(), localChange(ctx)))).rejects.toThrow('refusée');
    expect(await counts(db)).toEqual(before);
  });
});
