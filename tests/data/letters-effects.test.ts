import { describe, expect, it } from 'vitest';
import { contractStateAt, contractTerms, DomainError, PRICE_LIST_2024_09_01, priceInForce, type LetterKind } from '../../src-core';
import { createDataContext, readPortfolio, statusesAt } from '../../src-renderer/data';
import { planMonthlyRun } from '../../src-renderer/data/invoicing/monthly-run';
import { advanceLetter, createDraftLetter, recordPriceChangeObjection } from '../../src-renderer/data/letters-flow';
import { ACTOR, CLIENT_INPUT, counts, openTestData } from './helpers';
import { PRICE_LIST_2024_09_01 as BUILT_IN_LIST } from '../../src-core/pricing';

/** The stored lists of these tests: the built-in list, as an empty laptop is seeded. */
const LISTS = [BUILT_IN_LIST];

/** Letters dated 05/03/2027, the clock on 01/06/2027 so every step is in the past. */
async function setUp(today = '2027-06-01') {
  const data = await openTestData();
  const ctx = createDataContext(data.db, 'device-test', { now: () => `${today}T10:00:00+02:00`, newId: data.ctx.newId });
  const client = await data.commands.clients.create(CLIENT_INPUT, ACTOR);
  const contract = await data.commands.contracts.create({ clientId: client.id, reference: 'CT-2026-00001', tier: 'T99', priceListId: PRICE_LIST_2024_09_01.id, startDate: '2026-03-16' }, ACTOR);
  return { ...data, ctx, client, contract };
}

type Setup = Awaited<ReturnType<typeof setUp>>;
const ref = { reference: 'CT-2026-00001', label: 'Hébergement Dokos T99' };
const invoice = { invoiceNumber: 'F-2027-000012', invoiceDate: '2027-01-01', dueDate: '2027-01-31', amountDueCents: 11880 };

const PARAMS: Partial<Record<LetterKind, Record<string, unknown>>> = {
  terminationAcknowledgement: { contract: ref, letterDate: '2027-03-05', noticeReceivedOn: '2027-03-02', channel: 'email' },
  nonPaymentTermination: { contract: ref, letterDate: '2027-03-05', ...invoice, formalNoticeSentOn: '2027-02-16' },
  breachTermination: { contract: ref, letterDate: '2027-03-05', description: 'le module de licence a été désactivé.', breachNoticeSentOn: '2027-01-05', breachNoticeReceivedOn: '2027-01-08' },
  forceMajeureTermination: { contract: ref, letterDate: '2027-03-05', event: 'l’incendie du centre de données', startedOn: '2027-01-02' },
  priceChange: { contract: ref, letterDate: '2027-03-05', reason: 'la hausse du coût de l’énergie', prices: [{ label: 'Formule T99', currentCents: 9900, newCents: 10900 }] },
};

async function send(s: Setup, kind: LetterKind, sentOn = '2027-03-05') {
  const letter = await createDraftLetter(s.ctx, { kind, clientId: s.client.id, contractId: s.contract.id, params: PARAMS[kind] as never }, ACTOR);
  await advanceLetter(s.ctx, letter.id, { type: 'print' }, ACTOR);
  await advanceLetter(s.ctx, letter.id, { type: 'send', sentOn, registeredNumber: '1A 123 456 7890 1' }, ACTOR);
  return letter;
}

const stored = async (s: Setup) => (await s.db.contracts.get(s.contract.id))!;
const billedIds = async (s: Setup, month: string) => (await planMonthlyRun(s.ctx, month)).items.map((i) => i.contract.id);

describe('letters that act on their contract', () => {
  it('the acknowledgement of the client’s notice records it: end of the month after receipt (§1), on the timeline with its rule', async () => {
    const s = await setUp();
    await send(s, 'terminationAcknowledgement');
    const c = await stored(s);
    expect(c.terminationNotice).toEqual({ receivedOn: '2027-03-02', channel: 'email' });
    expect(c.terminationEffectiveDate).toBe('2027-04-30');
    expect(contractStateAt(contractTerms(c), '2027-05-01').status).toBe('terminated');
    const audit = await s.repos.audit.ofRecord('contracts', s.contract.id);
    expect(audit.map((a) => a.summary)).toContain('CT-2026-00001 — Préavis de résiliation reçu le 02/03/2027 : résiliation effective le 30/04/2027 — fin du mois suivant la réception du préavis (§1).');
    expect(await billedIds(s, '2027-05')).toEqual([]);
    expect(await billedIds(s, '2027-04')).toEqual([s.contract.id]);
  });

  it('a termination for non-payment ends the contract on the presumed receipt, then on the real one once entered', async () => {
    const s = await setUp();
    const letter = await send(s, 'nonPaymentTermination');
    let c = await stored(s);
    expect(c.terminationEffectiveDate).toBe('2027-03-08');
    expect(c.history.at(-1)).toMatchObject({ kind: 'termination', cause: 'non_payment', effectiveDate: '2027-03-08', letterId: letter.id });
    expect(c.history.at(-1)).toMatchObject({ rule: expect.stringContaining('réception présumée le 08/03/2027') });

    await advanceLetter(s.ctx, letter.id, { type: 'receive', receivedOn: '2027-04-02' }, ACTOR);
    c = await stored(s);
    expect(c.terminationEffectiveDate).toBe('2027-04-02');
    expect(c.status).toBe('terminated');
    expect(await billedIds(s, '2027-05')).toEqual([]);
    const row = (await readPortfolio(s.db)).find((r) => r.id === s.client.id)!;
    expect(statusesAt(row, '2027-04-02')).toEqual(['notice_received']);
    expect(statusesAt(row, '2027-04-03')).toEqual(['terminated']);
    // Receiving again with the same date changes nothing on the contract.
    const before = (await s.repos.audit.ofRecord('contracts', s.contract.id)).length;
    await advanceLetter(s.ctx, letter.id, { type: 'receive', receivedOn: '2027-04-02' }, ACTOR);
    expect((await s.repos.audit.ofRecord('contracts', s.contract.id)).length).toBe(before);
  });

  it('a termination after an uncured breach ends the contract on the letter’s receipt (C. civ. 1229)', async () => {
    const s = await setUp();
    const letter = await send(s, 'breachTermination');
    await advanceLetter(s.ctx, letter.id, { type: 'receive', receivedOn: '2027-03-09' }, ACTOR);
    const c = await stored(s);
    expect(c.history.at(-1)).toMatchObject({ kind: 'termination', cause: 'uncured_breach', effectiveDate: '2027-03-09' });
    expect(c.terminationEffectiveDate).toBe('2027-03-09');
  });

  it('a force majeure termination ends the contract on the sending date + 8 days (§7.4)', async () => {
    const s = await setUp();
    await send(s, 'forceMajeureTermination');
    const c = await stored(s);
    expect(c.history.at(-1)).toMatchObject({ kind: 'termination', cause: 'force_majeure', effectiveDate: '2027-03-13' });
    expect(await billedIds(s, '2027-04')).toEqual([]);
    expect(await billedIds(s, '2027-03')).toEqual([s.contract.id]);
  });

  it('a returned termination letter produced no effect: its end date is withdrawn', async () => {
    const s = await setUp();
    const letter = await send(s, 'forceMajeureTermination');
    await advanceLetter(s.ctx, letter.id, { type: 'return' }, ACTOR);
    const c = await stored(s);
    expect(c.terminationEffectiveDate).toBeUndefined();
    expect(c.status).toBe('active');
  });

  it('a price change notice, its receipt known and no objection, reprices the contract from its effective date (§5.2)', async () => {
    const s = await setUp();
    const letter = await send(s, 'priceChange');
    // Until the receipt is known, nothing changes.
    expect((await stored(s)).history.some((e) => e.kind === 'price_change')).toBe(false);
    await advanceLetter(s.ctx, letter.id, { type: 'receive', receivedOn: '2027-03-08' }, ACTOR);
    const c = await stored(s);
    expect(c.history.at(-1)).toMatchObject({ kind: 'price_change', from: '2027-06-01', tier: 'T99', priceCents: 10900, objectionDeadline: '2027-04-07' });
    const terms = contractTerms(c);
    expect(priceInForce(terms, '2027-05', LISTS).price.value).toBe(9900);
    expect(priceInForce(terms, '2027-06', LISTS).price.value).toBe(10900);
    const june = await planMonthlyRun(s.ctx, '2027-06');
    expect(june.items[0]!.draft.lines[0]!.netCents).toBe(10900);
    expect(june.items[0]!.draft.lines[0]!.explanation.rule).toContain('§5.2');
  });

  it('an objection recorded in time terminates the contract the day before the new prices; a late one is refused and writes nothing', async () => {
    const s = await setUp();
    const letter = await send(s, 'priceChange');
    await advanceLetter(s.ctx, letter.id, { type: 'receive', receivedOn: '2027-03-08' }, ACTOR);

    const rows = await counts(s.db);
    await expect(recordPriceChangeObjection(s.ctx, letter.id, '2027-04-20', ACTOR)).rejects.toThrow(/tardive.*07\/04\/2027/);
    expect(await counts(s.db)).toEqual(rows);

    const c = await recordPriceChangeObjection(s.ctx, letter.id, '2027-03-20', ACTOR);
    expect(c.terminationEffectiveDate).toBe('2027-05-31');
    expect(c.history.at(-1)).toMatchObject({ kind: 'termination', cause: 'price_change_objection', effectiveDate: '2027-05-31', letterId: letter.id });
    expect(await billedIds(s, '2027-06')).toEqual([]);
    expect(await billedIds(s, '2027-05')).toEqual([s.contract.id]);
    const audit = await s.repos.audit.ofRecord('contracts', s.contract.id);
    expect(audit.some((a) => a.action === 'price_change_objection' && a.summary.includes('Opposition du client reçue le 20/03/2027'))).toBe(true);
  });

  it('refuses an objection dated in the future', async () => {
    const s = await setUp('2027-03-25');
    const letter = await send(s, 'priceChange');
    await expect(recordPriceChangeObjection(s.ctx, letter.id, '2027-03-26', ACTOR)).rejects.toBeInstanceOf(DomainError);
  });
});
