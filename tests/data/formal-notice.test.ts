import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_ENVELOPE_MODELS, DEFAULT_RULE_SETTINGS, DEMO_SELLER_PROFILE, PRICE_LIST_2024_09_01, readLetterParams, type Letter } from '../../src-core';
import { createCreditNote, createMonthlyDrafts, issueDrafts, ledger, planMonthlyRun, recordPayment } from '../../src-renderer/data/invoicing';
import { advanceLetter, createDraftLetter, dunningLettersDue } from '../../src-renderer/data/letters-flow';
import { buildParams, initialValues, sentReminders, unpaidInvoices, type ComposeFacts } from '../../src-renderer/features/letters/compose-fields';
import { storedLetterSheets } from '../../src-renderer/features/letters/document';
import { lettersPdf } from '../../src-renderer/features/letters/output';
import { ACTOR, CLIENT_INPUT, openTestData } from './helpers';

const dir = mkdtempSync(join(tmpdir(), 'contrats-notice-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The PDF's text as pdftotext reads it, spaces (narrow and no-break ones too) normalised. */
function text(pdf: Uint8Array): string {
  const file = join(dir, `notice-${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/[\s\u00a0\u202f]+/g, ' ');
}

/**
 * A T99 client (118,80 € a month) with October and November unpaid on
 * 16/12/2026: October partly paid (18,80 €) and partly credited (10,00 € HT),
 * November untouched. The formal notice is written from the facts: the
 * ledger's balances, the reminders actually sent.
 */
async function twoOverdueInvoices() {
  const data = await openTestData();
  const client = await data.commands.clients.create(CLIENT_INPUT, ACTOR);
  const contract = await data.commands.contracts.create({ clientId: client.id, reference: 'CT-2026-00001', tier: 'T99', priceListId: PRICE_LIST_2024_09_01.id, startDate: '2026-01-01' }, ACTOR);
  const issueMonth = async (month: string) => {
    data.setToday(`${month}-01`);
    await createMonthlyDrafts(data.ctx, await planMonthlyRun(data.ctx, month), ACTOR);
    const [issued] = await issueDrafts(data.ctx, (await data.repos.invoices.query({ period: month })).map((d) => d.id), ACTOR);
    return issued!;
  };
  const october = await issueMonth('2026-10');
  const november = await issueMonth('2026-11');
  data.setToday('2026-11-20');
  await recordPayment(data.ctx, { invoiceId: october.id, clientId: client.id, date: '2026-11-20', amountCents: 1880, method: 'virement', reference: 'VIR-1' }, ACTOR);
  await createCreditNote(data.ctx, october.id, [{ lineIndex: 0, netCents: 1000 }], ACTOR);
  data.setToday('2026-12-16');
  const facts = async (): Promise<ComposeFacts> => ({
    contract,
    priceList: undefined,
    unpaid: unpaidInvoices(contract.id, await data.db.invoices.toArray(), await data.db.payments.toArray(), '2026-12-16'),
    reminders: sentReminders(contract.id, await data.db.letters.toArray()),
  });
  /** Writes the notice as the form does, from the invoice it was opened from, and prints it. */
  const notice = async (fromNumber: string) => {
    const f = await facts();
    const params = buildParams('formalNotice', initialValues('formalNotice', '2026-12-16', f, { invoiceNumber: fromNumber }), f);
    const letter = await createDraftLetter(data.ctx, { kind: 'formalNotice', clientId: client.id, contractId: contract.id, params }, ACTOR);
    const pdf = lettersPdf(storedLetterSheets(letter, client, { rules: DEFAULT_RULE_SETTINGS, seller: DEMO_SELLER_PROFILE, envelope: DEFAULT_ENVELOPE_MODELS[0]! }));
    return { letter, params, pdf: text(pdf) };
  };
  return { ...data, client, contract, october, november, facts, notice };
}

describe('a formal notice to pay, from the facts (DOMAIN.md; issue 16)', { timeout: 30_000 }, () => {
  it('names every overdue invoice with its balance from the ledger; its amount is their sum, its surcharge computed from them', async () => {
    const data = await twoOverdueInvoices();
    const balances = new Map((await ledger(data.ctx, { clientId: data.client.id })).flatMap((r) => (r.settlement ? [[r.invoice.number, r.settlement.balanceCents]] : [])));
    // October: 118,80 − 18,80 paid − 12,00 credited (10,00 HT + VAT) = 88,00 €; November: 118,80 €.
    expect(balances.get(data.october.number)).toBe(8800);
    expect(balances.get(data.november.number)).toBe(11880);

    const { letter, params, pdf } = await data.notice(data.november.number!);
    // The oldest due first, whatever invoice the notice was opened from.
    expect([params.invoiceNumber, ...(params.otherInvoices ?? []).map((i) => i.invoiceNumber)]).toEqual([data.october.number, data.november.number]);
    expect(readLetterParams('formalNotice', letter.params)).toMatchObject({ amountDueCents: 8800, otherInvoices: [{ amountDueCents: 11880 }] });
    expect(pdf).toContain(`Mise en demeure de payer — factures n° ${data.october.number}, ${data.november.number}`);
    expect(pdf).toContain('restent impayées, pour un montant total de 206,80 € TTC');
    expect(pdf).toContain(`la facture n° ${data.october.number} du 01/10/2026, échue le 31 octobre 2026 : 88,00 € TTC restant dus`);
    expect(pdf).toContain(`la facture n° ${data.november.number} du 01/11/2026, échue le 1er décembre 2026 : 118,80 € TTC restant dus`);
    expect(pdf).toContain('nous vous mettons en demeure de régler ces sommes, soit 206,80 € TTC, au plus tard');
    // 50 % of each balance (44,00 + 59,40), one 40 € indemnity per invoice; the total adds the balances.
    expect(pdf).toContain('majoration de 50 % du montant impayé, soit 103,40 €');
    expect(pdf).toContain('soit 80,00 €');
    expect(pdf).toContain('soit au total 390,20 € avec les factures');
    // No reminder was sent: no "malgré".
    expect(pdf).toContain('Sauf erreur ou omission de notre part');
    expect(pdf).not.toMatch(/Malgré/);
    // No amount can be typed: a value in the form is not a param.
    expect(pdf).not.toContain('9 999');
  });

  it('says "malgré notre relance" only once a reminder about a named invoice was actually sent', async () => {
    const data = await twoOverdueInvoices();
    const f = await data.facts();
    const reminderParams = buildParams('paymentReminder', initialValues('paymentReminder', '2026-12-08', f, { invoiceNumber: data.november.number! }), f);
    const reminder: Letter = await createDraftLetter(data.ctx, { kind: 'paymentReminder', clientId: data.client.id, contractId: data.contract.id, params: reminderParams }, ACTOR);
    // Written, not sent: still no "malgré".
    expect((await data.notice(data.november.number!)).pdf).not.toMatch(/Malgré/);
    await advanceLetter(data.ctx, reminder.id, { type: 'print' }, ACTOR);
    await advanceLetter(data.ctx, reminder.id, { type: 'send', sentOn: '2026-12-08', registeredNumber: '1A 000 000 0000 1' }, ACTOR);
    const { pdf } = await data.notice(data.november.number!);
    expect(pdf).toContain('Malgré notre relance du 8 décembre 2026, les factures suivantes restent impayées');
  });

  it('follows the ledger: an invoice paid meanwhile is no longer named', async () => {
    const data = await twoOverdueInvoices();
    await recordPayment(data.ctx, { invoiceId: data.october.id, clientId: data.client.id, date: '2026-12-16', amountCents: 8800, method: 'virement', reference: 'VIR-2' }, ACTOR);
    const { params, pdf } = await data.notice(data.november.number!);
    expect(params.otherInvoices).toBeUndefined();
    expect(pdf).toContain(`Mise en demeure de payer — facture n° ${data.november.number}`);
    expect(pdf).toContain('reste impayée pour un montant de 118,80 € TTC');
    expect(pdf).toContain('soit 59,40 €');
    expect(pdf).toContain('soit au total 218,20 € avec la facture');
  });

  it('the letters agenda lists the dunning letters due until one names the invoice', async () => {
    const data = await twoOverdueInvoices();
    const due = async () => (await dunningLettersDue(data.ctx)).map((r) => [r.invoice.number, r.dunning.step]);
    // 16/12: October (due 31/10) may be terminated for non-payment; November (due 01/12) calls for its formal notice.
    expect(await due()).toEqual([[data.october.number, 'termination_possible'], [data.november.number, 'formal_notice']]);
    await data.notice(data.november.number!);
    expect(await due()).toEqual([[data.october.number, 'termination_possible']]);
  });
});
