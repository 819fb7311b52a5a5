import { describe, expect, it } from 'vitest';
import { DomainError, PRICE_LIST_2024_09_01, demoPriceListRecord, trackedLetterDeadlines, type Letter } from '../../src-core';
import { createDataContext } from '../../src-renderer/data';
import { advanceLetter, advanceLetters, createDraftLetter, createPriceChangeBatch } from '../../src-renderer/data/letters-flow';
import { ACTOR, CLIENT_INPUT, counts, openTestData } from './helpers';

/** Letters are sent in March 2027 and followed up to June: the clock is set after both. */
async function setUp(today = '2027-06-01') {
  const data = await openTestData();
  const ctx = createDataContext(data.db, 'device-test', { now: () => `${today}T10:00:00+02:00`, newId: data.ctx.newId });
  const client = await data.commands.clients.create(CLIENT_INPUT, ACTOR);
  const contract = await data.commands.contracts.create({ clientId: client.id, reference: 'CT-2026-00001', tier: 'T99', priceListId: PRICE_LIST_2024_09_01.id, startDate: '2026-03-16' }, ACTOR);
  return { ...data, ctx, client, contract };
}

const breach = (contractId: string, clientId: string) => ({
  kind: 'breachNotice' as const,
  clientId,
  contractId,
  params: { contract: { reference: 'CT-2026-00001', label: 'Hébergement Dokos T99' }, letterDate: '2027-03-05', description: 'le module de contrôle de licence a été désactivé.' },
});

describe('a letter’s life, each step one transaction with its audit entry and outbox mutation', () => {
  it('draft → printed → sent → received, deadlines recomputed from the acknowledgement', async () => {
    const { db, ctx, repos, client, contract } = await setUp();
    const draft = await createDraftLetter(ctx, breach(contract.id, client.id), ACTOR);
    expect(draft).toMatchObject({ status: 'draft', params: { 'contract.reference': 'CT-2026-00001', letterDate: '2027-03-05' } });

    await advanceLetter(ctx, draft.id, { type: 'print' }, ACTOR);
    const sent = await advanceLetter(ctx, draft.id, { type: 'send', sentOn: '2027-03-05', registeredNumber: '1A 123 456 7890 1' }, ACTOR);
    expect(trackedLetterDeadlines(sent).deadlines.map((d) => d.value)).toEqual(['2027-03-08', '2027-04-07']);

    const received = await advanceLetter(ctx, draft.id, { type: 'receive', receivedOn: '2027-03-15' }, ACTOR);
    expect(await db.letters.get(draft.id)).toEqual(received);
    expect(trackedLetterDeadlines(received).deadlines.map((d) => [d.label, d.value])).toEqual([
      ['Réception de l’avis', '2027-03-15'],
      ['Date limite de régularisation', '2027-04-14'],
    ]);

    const audit = await repos.audit.ofRecord('letters', draft.id);
    expect(audit.map((a) => a.action).sort()).toEqual(['create', 'letter_print', 'letter_receive', 'letter_send']);
    expect(audit.map((a) => a.summary)).toContain('Notification de manquement envoyée le 05/03/2027 en recommandé n° 1A 123 456 7890 1.');
    const mutations = (await repos.outbox.pending()).filter((m) => m.recordId === draft.id);
    expect(mutations).toHaveLength(4);
    expect(mutations[3]!.changes).toEqual({ status: 'received', receivedOn: '2027-03-15' });
  });

  it.each([
    ['sending a draft that was never printed', [], { type: 'send', sentOn: '2027-03-05', registeredNumber: '1A1234567' }, 'imprimez d’abord la lettre'],
    ['receiving before it is sent', [{ type: 'print' }], { type: 'receive', receivedOn: '2027-03-08' }, 'pas encore été envoyée'],
    ['a receipt before the sending', [{ type: 'print' }, { type: 'send', sentOn: '2027-03-05', registeredNumber: '1A1234567' }], { type: 'receive', receivedOn: '2027-03-01' }, 'ne peut pas précéder l’envoi'],
    ['a receipt in the future', [{ type: 'print' }, { type: 'send', sentOn: '2027-03-05', registeredNumber: '1A1234567' }], { type: 'receive', receivedOn: '2027-06-02' }, 'dans le futur'],
    ['a malformed registered number', [{ type: 'print' }], { type: 'send', sentOn: '2027-03-05', registeredNumber: 'n°12' }, 'Numéro de recommandé invalide'],
    ['receiving a returned letter', [{ type: 'print' }, { type: 'send', sentOn: '2027-03-05', registeredNumber: '1A1234567' }, { type: 'return' }], { type: 'receive', receivedOn: '2027-03-08' }, 'nouvel envoi'],
  ] as const)('refuses %s in French and writes nothing', async (_case, before, step, reason) => {
    const { db, ctx, client, contract } = await setUp();
    const draft = await createDraftLetter(ctx, breach(contract.id, client.id), ACTOR);
    for (const s of before) await advanceLetter(ctx, draft.id, s, ACTOR);
    const stored = await db.letters.get(draft.id);
    const rows = await counts(db);
    const attempt = advanceLetter(ctx, draft.id, step, ACTOR);
    await expect(attempt).rejects.toThrow(DomainError);
    await expect(attempt).rejects.toThrow(reason);
    expect(await counts(db)).toEqual(rows);
    expect(await db.letters.get(draft.id)).toEqual(stored);
  });

  it('refuses an incomplete letter or another client’s contract before writing', async () => {
    const { db, ctx, client, contract, commands } = await setUp();
    const rows = await counts(db);
    const incomplete = { ...breach(contract.id, client.id), params: { ...breach(contract.id, client.id).params, description: ' ' } };
    await expect(createDraftLetter(ctx, incomplete, ACTOR)).rejects.toThrow(/Courrier incomplet : description/);
    const other = await commands.clients.create({ ...CLIENT_INPUT, legalName: 'Autre SAS' }, ACTOR);
    const rowsWithOther = await counts(db);
    await expect(createDraftLetter(ctx, breach(contract.id, other.id), ACTOR)).rejects.toThrow('n’appartient pas au client');
    expect(await counts(db)).toEqual(rowsWithOther);
    expect(rowsWithOther.letters).toBe(rows.letters);
  });

  it('a printed batch is marked all or none', async () => {
    const { db, ctx, client, contract } = await setUp();
    const a = await createDraftLetter(ctx, breach(contract.id, client.id), ACTOR);
    const b = await createDraftLetter(ctx, breach(contract.id, client.id), ACTOR);
    // A letter printed again is a no-op (issue 16); one already sent cannot be printed: the batch stops.
    await advanceLetter(ctx, b.id, { type: 'print' }, ACTOR);
    await advanceLetter(ctx, b.id, { type: 'send', sentOn: '2027-03-05', registeredNumber: '1A1234567' }, ACTOR);
    await expect(advanceLetters(ctx, [a.id, b.id], { type: 'print' }, ACTOR)).rejects.toThrow(DomainError);
    expect((await db.letters.get(a.id))!.status).toBe('draft');
  });
});

describe('price change notices in a batch', () => {
  it('one draft per running contract of the price list, in chunks, with progress', async () => {
    const { db, ctx, repos, commands, client } = await setUp('2026-11-27');
    await db.priceLists.put(demoPriceListRecord());
    const tiers = ['T19', 'T99', 'T99', 'T499', 'T999'] as const;
    const contracts = [];
    for (const [i, tier] of tiers.entries()) {
      contracts.push(await commands.contracts.create({ clientId: client.id, reference: `CT-2026-1000${i}`, tier, priceListId: PRICE_LIST_2024_09_01.id, startDate: '2026-03-16' }, ACTOR));
    }
    // A terminated contract gets no notice.
    await db.contracts.put({ ...contracts[4]!, status: 'terminated', terminationEffectiveDate: '2026-10-31' });
    const progress: number[] = [];
    const request = { priceListId: PRICE_LIST_2024_09_01.id, letterDate: '2026-11-27', reason: 'la hausse du coût de l’énergie', newPrices: { T99: 10900, T499: 52900, T19: 1900 } };
    const { letters, alreadyNotified } = await createPriceChangeBatch(ctx, request, ACTOR, { chunkSize: 2, onProgress: (p) => progress.push(p.written) });
    expect(alreadyNotified).toBe(0);
    // The setUp contract (T99) plus the two T99 and the T499 ones; T19 keeps its price.
    expect(letters).toHaveLength(4);
    expect(progress).toEqual([2, 4]);
    expect(await db.letters.count()).toBe(4);
    const t499 = letters.find((l: Letter) => l.params['prices.0.label'] === 'Formule T499')!;
    expect(t499.params).toMatchObject({ 'prices.0.currentCents': 49900, 'prices.0.newCents': 52900 });
    expect(trackedLetterDeadlines(t499).deadlines.map((d) => d.value)).toEqual(['2026-11-30', '2026-12-30', '2027-02-01', '2027-01-31']);
    expect((await repos.outbox.pending()).filter((m) => m.entity === 'letters')).toHaveLength(4);

    // The same batch run again (or twice at once) sends nothing twice; another change is a new notice.
    const [again, racing] = await Promise.all([createPriceChangeBatch(ctx, request, ACTOR), createPriceChangeBatch(ctx, request, ACTOR)]);
    expect([again.letters.length, again.alreadyNotified, racing.letters.length, racing.alreadyNotified]).toEqual([0, 4, 0, 4]);
    expect(await db.letters.count()).toBe(4);
    const higher = await createPriceChangeBatch(ctx, { ...request, newPrices: { T499: 54900 } }, ACTOR);
    expect([higher.letters.length, higher.alreadyNotified]).toEqual([1, 0]);
  });

  it('refuses a batch that would concern nobody, writing nothing', async () => {
    const { db, ctx } = await setUp('2026-11-27');
    await db.priceLists.put(demoPriceListRecord());
    const rows = await counts(db);
    await expect(createPriceChangeBatch(ctx, { priceListId: PRICE_LIST_2024_09_01.id, letterDate: '2026-11-27', reason: 'x', newPrices: {} }, ACTOR)).rejects.toThrow('Aucun contrat');
    await expect(createPriceChangeBatch(ctx, { priceListId: 'PL-inconnue', letterDate: '2026-11-27', reason: 'x', newPrices: {} }, ACTOR)).rejects.toThrow('Grille tarifaire introuvable');
    expect(await counts(db)).toEqual(rows);
  });
});
