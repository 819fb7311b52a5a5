import { describe, expect, it } from 'vitest';
import {
  applyLetterStep, clientInputSchema, creditNoteLines, describeHistoryEntry, historyEntryMessages, messageFr, paymentCancellation, parseEntity, parseEuros, parseUsageCsv,
  ValidationError, type ContractHistoryEntry, type FieldIssue, type Message,
} from '../../src-core';
import { translateMessage } from '../../src-renderer/i18n/translate';
import { refusalOf } from './support/refusal-of';

// Issue 19, the last French of English mode: form validation, the usage CSV's
// report, credit note refusals, an unreadable amount and a contract's history
// are message codes; their French is the very text src-core always wrote, and
// their English is English.

/** Signs of French left in an English sentence (what the screens' e2e check looks for, minus data). */
const FRENCH = /[éèêàùç«»]|\b(?:le|la|les|du|des|est|pour|sur|avec|dans|une|aucun|facture|contrat)\b/i;

function expectBothLocales(said: Message | undefined, french: string): void {
  expect(said, french).toBeDefined();
  expect(translateMessage('fr', said!)).toBe(french);
  expect(messageFr(said!)).toBe(french);
  const english = translateMessage('en', said!);
  expect(english).not.toMatch(/\{\w+\}/);
  expect(english, english).not.toMatch(FRENCH);
}


const CLIENT = {
  legalName: 'Brasserie du Port', siren: '732829320', country: 'FR', hostingMode: 'cloud',
  billingAddress: { lines: ['12 quai Claude Le Lorrain'], postalCode: '54000', city: 'Nancy' },
  contact: { name: 'Claire Martin', email: 'claire@brasserie.fr', phone: '03 83 12 34 56' },
};

describe('English mode: what was still French (issue 19)', () => {
  it('a refused form says each field’s problem by its code, zod’s own words in English beside their French', () => {
    const input = {
      ...CLIENT, siren: '123456789', legalName: 'x'.repeat(201), unknownKey: 1,
      billingAddress: { lines: [], postalCode: '5400', city: '' }, contact: { name: 'C', email: 'nope', phone: '12' },
    };
    const error = refusalOf(() => parseEntity(clientInputSchema, input, 'Client')) as ValidationError;
    expect(error).toBeInstanceOf(ValidationError);
    const issues: FieldIssue[] = error.issues;
    expect(issues.map((i) => i.said?.code)).toEqual(expect.arrayContaining([
      'validation.siren.key', 'validation.text.tooLong', 'validation.address.required', 'validation.city.required', 'validation.email.invalid', 'validation.phone.invalid', 'validation.other',
    ]));
    for (const issue of issues.filter((i) => i.said?.code !== 'validation.other')) expectBothLocales(issue.said, issue.message);
    const unknownKey = issues.find((i) => i.said?.code === 'validation.other')!;
    expect(translateMessage('fr', unknownKey.said!)).toBe(unknownKey.message);
    expect(translateMessage('en', unknownKey.said!)).toMatch(/^Unrecognized key/);
  });

  it('every problem of the usage CSV report has its code, the French unchanged', () => {
    const contracts = [{ id: 'c1', reference: 'CT-2024-00001', clientId: 'cl1', clientSiren: '732829320', startDate: '2024-09-16' }];
    const csv = ['contrat;mois;cpu_heures;base_go;stockage_go', 'CT-9999;2026-13;abc;-1;', 'CT-2024-00001;2024-08;1;1;1', 'CT-2024-00001;2026-12;1;1;1', '552100554;2026-07;1;1;1', 'CT-2024-00001;2026-10'].join('\n');
    const report = parseUsageCsv(csv, { contracts, today: '2026-11-04' });
    expect(report.errors.length).toBeGreaterThanOrEqual(8);
    for (const issue of report.errors) expectBothLocales(issue.said, issue.message);
    expect(translateMessage('en', parseUsageCsv('contrat;mois\nx;y', { contracts, today: '2026-11-04' }).errors[0]!.said)).toBe(
      'Incomplete header: columns cpu_heures, base_go, stockage_go are missing (expected header: contrat;mois;cpu_heures;base_go;stockage_go).',
    );
  });

  it('credit note refusals, a payment cancelled twice, an unreadable amount and a letter step refused', () => {
    const invoice = { number: 'F-2026-000001', lines: [{ label: 'Abonnement', quantity: 1, unitPriceCents: 4900, netCents: 4900, vatRatePercent: 20, explanation: { value: 4900, clause: '§5.1', rule: 'Mensualité.' } }] };
    for (const error of [
      refusalOf(() => creditNoteLines(invoice, [{ lineIndex: 0, netCents: 5000 }])),
      refusalOf(() => creditNoteLines(invoice, 'full', [4900])),
      refusalOf(() => creditNoteLines(invoice, [{ lineIndex: 3, netCents: 100 }])),
      refusalOf(() => creditNoteLines(invoice, 'full', [4900, 0])),
      refusalOf(() => paymentCancellation({ cancelledOn: '2026-11-02' }, 'rejeté', '2026-11-04')),
      refusalOf(() => paymentCancellation({}, '', '2026-11-04')),
      refusalOf(() => parseEuros('douze')),
      refusalOf(() => applyLetterStep({ status: 'draft', letterDate: '2026-11-02' }, { type: 'send', sentOn: '2026-11-03', registeredNumber: '1A 123' }, '2026-11-04')),
      refusalOf(() => applyLetterStep({ status: 'printed', letterDate: '2026-11-02' }, { type: 'send', sentOn: '2026-11-05', registeredNumber: '1A 123' }, '2026-11-04')),
      refusalOf(() => applyLetterStep({ status: 'printed', letterDate: '2026-11-02' }, { type: 'send', sentOn: '2026-11-01', registeredNumber: '1A 123' }, '2026-11-04')),
      refusalOf(() => applyLetterStep({ status: 'sent', letterDate: '2026-11-02', sentOn: '2026-11-03' }, { type: 'receive', receivedOn: '2026-11-02' }, '2026-11-04')),
    ]) {
      expectBothLocales(error.said, error.message);
    }
  });

  it('a contract’s history entries: the client file’s French, the timeline’s English', () => {
    const at = '2026-11-04T10:00:00+01:00';
    const entries: ContractHistoryEntry[] = [
      { kind: 'tier_change', at, actor: 'A', fromTier: 'T49', toTier: 'T99', fromMonth: '2026-12' },
      { kind: 'termination_notice', at, actor: 'A', receivedOn: '2026-11-02', channel: 'registered_letter', effectiveDate: '2026-12-31' },
      { kind: 'termination', at, actor: 'A', cause: 'non_payment', noticeDate: '2026-11-02', effectiveDate: '2026-11-02', rule: 'Résiliation pour défaut de paiement, avec effet immédiat à la date de la lettre.' },
      { kind: 'price_change', at, actor: 'A', tier: 'T49', priceCents: 5900, from: '2027-01-01', receivedOn: '2026-10-20', objectionDeadline: '2026-11-19' },
      { kind: 'status_change', at, actor: 'A', from: 'active', to: 'suspended' },
    ];
    for (const entry of entries) {
      const { event, detail } = historyEntryMessages(entry);
      const french = describeHistoryEntry(entry);
      expectBothLocales(event, french.event);
      expectBothLocales(detail, french.detail);
    }
    // The termination's stored rule, one of src-core's sentences, is said again in English.
    expect(translateMessage('en', historyEntryMessages(entries[2]!).detail)).toMatch(/^Effective on .+: Termination for non-payment/);
  });
});
