import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_ENVELOPE_MODELS, DEFAULT_RULE_SETTINGS, DEMO_SELLER_PROFILE, PRICE_LIST_2024_09_01, datesMovedByReceipt, receiptCorrectionDue } from '../../src-core';
import { createDataContext } from '../../src-renderer/data';
import { advanceLetter, createDraftLetter, draftReceiptCorrection } from '../../src-renderer/data/letters-flow';
import { storedLetterSheets } from '../../src-renderer/features/letters/document';
import { lettersPdf } from '../../src-renderer/features/letters/output';
import { ACTOR, CLIENT_INPUT, openTestData } from './helpers';

// DOMAIN.md: entering a receipt date that moves a date already printed in a
// sent letter warns, and proposes a corrective letter — citing the first
// letter by its own date, stating each corrected date with its rule.
const dir = mkdtempSync(join(tmpdir(), 'contrats-correction-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function pdfText(pdf: Uint8Array): string {
  const file = join(dir, `letter-${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

/** A price change notice dated and sent on 27/11/2026 (receipt presumed on 30/11), seen on 07/12/2026. */
async function sentNotice() {
  const data = await openTestData();
  const ctx = createDataContext(data.db, 'device-test', { now: () => '2026-12-07T10:00:00+01:00', newId: data.ctx.newId });
  const client = await data.commands.clients.create(CLIENT_INPUT, ACTOR);
  const contract = await data.commands.contracts.create({ clientId: client.id, reference: 'CT-2026-00001', tier: 'T99', priceListId: PRICE_LIST_2024_09_01.id, startDate: '2026-03-16' }, ACTOR);
  const params = { contract: { reference: 'CT-2026-00001', label: 'Hébergement Dokos T99' }, letterDate: '2026-11-27', reason: 'la hausse du coût de l’énergie', prices: [{ label: 'Formule T99', currentCents: 9900, newCents: 10900 }] };
  const letter = await createDraftLetter(ctx, { kind: 'priceChange', clientId: client.id, contractId: contract.id, params }, ACTOR);
  await advanceLetter(ctx, letter.id, { type: 'print' }, ACTOR);
  await advanceLetter(ctx, letter.id, { type: 'send', sentOn: '2026-11-27', registeredNumber: '1A1234567' }, ACTOR);
  return { ...data, ctx, client, contract, letter };
}

describe('a receipt that moves a printed date', () => {
  it('is seen before it is recorded: the dates it moves, printed against corrected, each with its rule', async () => {
    const { db, letter } = await sentNotice();
    const sent = (await db.letters.get(letter.id))!;
    expect(datesMovedByReceipt(sent, '2026-11-27', '2026-11-30', DEFAULT_RULE_SETTINGS)!.moved).toEqual([]);
    const move = datesMovedByReceipt(sent, '2026-11-27', '2026-12-04', DEFAULT_RULE_SETTINGS)!;
    expect(move.presumedOn).toBe('2026-11-30');
    expect(move.moved.map((m) => [m.label, m.printed, m.corrected.value])).toEqual([
      ['Date limite d’opposition', '2026-12-30', '2027-01-04'],
      ['Application des nouveaux tarifs', '2027-02-01', '2027-03-01'],
      ['Résiliation en cas d’opposition', '2027-01-31', '2027-02-28'],
    ]);
    expect(move.moved[0]!.corrected.rule).toMatch(/\+ 30 jours/);
  });

  it('a receipt on the presumed day calls for no corrective letter', async () => {
    const { ctx, db, letter } = await sentNotice();
    await advanceLetter(ctx, letter.id, { type: 'receive', receivedOn: '2026-11-30' }, ACTOR);
    expect(receiptCorrectionDue((await db.letters.get(letter.id))!, [], DEFAULT_RULE_SETTINGS)).toBeNull();
    await expect(draftReceiptCorrection(ctx, letter.id, ACTOR)).rejects.toThrow(/Aucun courrier rectificatif à rédiger/);
  });

  it('a later receipt proposes one corrective letter, which cites the first by its own date and reads right on paper', async () => {
    const { ctx, db, client, contract, letter } = await sentNotice();
    await advanceLetter(ctx, letter.id, { type: 'receive', receivedOn: '2026-12-04' }, ACTOR);
    const received = (await db.letters.get(letter.id))!;
    expect(receiptCorrectionDue(received, [received], DEFAULT_RULE_SETTINGS)?.moved).toHaveLength(3);

    const command = '00000000-0000-4000-8000-c0ffee000002';
    const [draft, same] = await Promise.all([draftReceiptCorrection(ctx, letter.id, ACTOR, command), draftReceiptCorrection(ctx, letter.id, ACTOR, command)]);
    expect(same.id).toBe(draft.id);
    expect(draft).toMatchObject({ kind: 'receiptCorrection', status: 'draft', params: { letterDate: '2026-12-07', 'corrects.params.letterDate': '2026-11-27', 'corrects.receivedOn': '2026-12-04' } });
    // Written once: no longer proposed, and another intent is refused.
    const letters = await db.letters.where('contractId').equals(contract.id).toArray();
    expect(letters).toHaveLength(2);
    expect(receiptCorrectionDue(received, letters, DEFAULT_RULE_SETTINGS)).toBeNull();
    await expect(draftReceiptCorrection(ctx, letter.id, ACTOR)).rejects.toThrow(/déjà rédigée/);

    const text = pdfText(lettersPdf(storedLetterSheets(draft, (await db.clients.get(client.id))!, { rules: DEFAULT_RULE_SETTINGS, seller: DEMO_SELLER_PROFILE, envelope: DEFAULT_ENVELOPE_MODELS[0]! })));
    expect(text).toContain('Nancy, le 7 décembre 2026');
    expect(text).toContain('Objet : Rectification des dates de notre lettre du 27 novembre 2026');
    expect(text).toContain('Par lettre recommandée du 27 novembre 2026 (avis de modification des prix)');
    expect(text).toContain('réception présumée le 30 novembre 2026, 3 jours après son envoi');
    expect(text).toContain('vous a été remise le 4 décembre 2026');
    expect(text).toContain('Date limite d’opposition : le 4 janvier 2027, et non le 30 décembre 2026');
    expect(text).toContain('Application des nouveaux tarifs : le 1er mars 2027, et non le 1er février 2027 (premier jour d’un mois tombant au moins 60 jours après la réception');
    expect(text).toContain('Résiliation en cas d’opposition : le 28 février 2027, et non le 31 janvier 2027');
    expect(text).toContain('l’article 5.2 de nos conditions générales de vente');
  });
});
