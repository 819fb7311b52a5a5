import { describe, expect, it } from 'vitest';
import { PRICE_LIST_2024_09_01 } from '../../src-core';
import { applyTierChangeWithNotice, createDataContext, type TierChangeRequest } from '../../src-renderer/data';
import { advanceLetter, advanceLetters, createDraftLetter } from '../../src-renderer/data/letters-flow';
import { ACTOR, CLIENT_INPUT, counts, openTestData } from './helpers';

// Issue 16: the second submit of the same intent is a no-op at the data layer,
// not only a disabled button — both submits sent at once (Promise.all) or one
// after the other make one record, one audit entry, one outbox mutation.

const COMMAND = '00000000-0000-4000-8000-c0ffee000001';

async function setUp(today = '2026-12-04') {
  const data = await openTestData();
  const ctx = createDataContext(data.db, 'device-test', { now: () => `${today}T10:00:00+01:00`, newId: data.ctx.newId });
  const client = await data.commands.clients.create(CLIENT_INPUT, ACTOR);
  const contract = await data.commands.contracts.create({ clientId: client.id, reference: 'CT-2026-00001', tier: 'T49', priceListId: PRICE_LIST_2024_09_01.id, startDate: '2026-03-01' }, ACTOR);
  return { ...data, ctx, client, contract };
}

describe('a creating action submitted twice with the same command id makes one record', () => {
  it('client creation: the command id is the new client’s id', async () => {
    const { db, commands } = await setUp();
    const before = await counts(db);
    const [a, b] = await Promise.all([commands.clients.create(CLIENT_INPUT, ACTOR, COMMAND), commands.clients.create(CLIENT_INPUT, ACTOR, COMMAND)]);
    const again = await commands.clients.create(CLIENT_INPUT, ACTOR, COMMAND);
    expect(a.id).toBe(COMMAND);
    expect([b, again]).toEqual([a, a]);
    const after = await counts(db);
    expect([after.clientFiles! - before.clientFiles!, after.audit! - before.audit!, after.outbox! - before.outbox!]).toEqual([1, 1, 1]);
  });

  it('contract creation: one contract, one reference handed out', async () => {
    const { db, repos, commands, client } = await setUp();
    const input = { clientId: client.id, tier: 'T99' as const, priceListId: PRICE_LIST_2024_09_01.id, startDate: '2026-12-01' };
    const before = await counts(db);
    const [a, b] = await Promise.all([commands.contracts.create(input, ACTOR, COMMAND), commands.contracts.create(input, ACTOR, COMMAND)]);
    expect(b).toEqual(a);
    expect(a.reference).toBe('CT-2026-00002');
    expect((await repos.contracts.ofClient(client.id)).map((c) => c.reference)).toEqual(['CT-2026-00001', 'CT-2026-00002']);
    const after = await counts(db);
    expect([after.audit! - before.audit!, after.outbox! - before.outbox!]).toEqual([1, 1]);
    // Another intent (a new form) is another contract.
    expect((await commands.contracts.create(input, ACTOR)).reference).toBe('CT-2026-00003');
  });

  it('tier change: one change, one draft notice; the replay returns the first with its plan', async () => {
    const { db, ctx, contract } = await setUp();
    const request: TierChangeRequest = { contractId: contract.id, toTier: 'T99', fromMonth: '2027-01', retroactive: false, overrun: { month: '2026-11', overLimits: ['CPU : 1,2 h pour 1 h incluses'], supplementCents: 5000 } };
    const before = await counts(db);
    const [a, b] = await Promise.all([applyTierChangeWithNotice(ctx, request, ACTOR, COMMAND), applyTierChangeWithNotice(ctx, request, ACTOR, COMMAND)]);
    expect(b.letter.id).toBe(a.letter.id);
    expect(b.plan).toEqual(a.plan);
    expect((await db.contracts.get(contract.id))!.history.filter((e) => e.kind === 'tier_change')).toHaveLength(1);
    const after = await counts(db);
    expect([after.letters! - before.letters!, after.audit! - before.audit!]).toEqual([1, 2]);
    // Without a command id the second request is judged again, and refused: the contract is already in T99.
    await expect(applyTierChangeWithNotice(ctx, request, ACTOR)).rejects.toThrow(/déjà en formule T99/);
  });

  it('letter: create, print, send and receive each submitted twice at once write each step once', async () => {
    const { db, ctx, client, contract } = await setUp('2027-06-01');
    const draft = { kind: 'breachNotice' as const, clientId: client.id, contractId: contract.id, params: { contract: { reference: 'CT-2026-00001' }, letterDate: '2027-03-05', description: 'le module de contrôle de licence a été désactivé.' } };
    const [letter, same] = await Promise.all([createDraftLetter(ctx, draft, ACTOR, COMMAND), createDraftLetter(ctx, draft, ACTOR, COMMAND)]);
    expect(same.id).toBe(letter.id);
    const steps = [
      { type: 'print' },
      { type: 'send', sentOn: '2027-03-05', registeredNumber: '1a 123 456 7890 1' },
      { type: 'receive', receivedOn: '2027-03-09' },
    ] as const;
    for (const step of steps) {
      const [first, second] = await Promise.all([advanceLetter(ctx, letter.id, step, ACTOR), advanceLetter(ctx, letter.id, step, ACTOR)]);
      expect(second).toEqual(first);
      // A batch marked printed twice: a printed letter stays as it is.
      if (step.type === 'print') expect(await advanceLetters(ctx, [letter.id], step, ACTOR)).toEqual([first]);
    }
    expect((await db.letters.where('contractId').equals(contract.id).toArray())).toHaveLength(1);
    const audit = (await db.audit.toArray()).filter((a) => a.recordId === letter.id).map((a) => a.action);
    expect(audit.sort()).toEqual(['create', 'letter_print', 'letter_receive', 'letter_send']);
    // A different receipt date is a correction, not a repeat: it is written.
    await advanceLetter(ctx, letter.id, { type: 'receive', receivedOn: '2027-03-10' }, ACTOR);
    expect((await db.audit.toArray()).filter((a) => a.recordId === letter.id && a.action === 'letter_receive')).toHaveLength(2);
  });

  it('usage import: the same file imported twice at once writes each month once', async () => {
    const { db, commands, contract } = await setUp();
    const rows = [{ contractId: contract.id, month: '2026-11', cpuHours: 1.2, databaseGB: 0.5, storageGB: 1 }];
    const [first, second] = await Promise.all([commands.usage.importMonths(rows, ACTOR), commands.usage.importMonths(rows, ACTOR)]);
    expect(first + second).toBe(1);
    expect((await db.audit.toArray()).filter((a) => a.action === 'usage_import')).toHaveLength(1);
  });
});
