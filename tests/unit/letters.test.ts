import { describe, expect, it } from 'vitest';
import { DEFAULT_RULE_SETTINGS, DomainError, LETTER_KINDS, composeLetter, type LetterContent, type LetterKind, type LetterParamsByKind } from '../../src-core';

/** Letter text with no-break spaces as plain spaces, so expectations read naturally. */
const textOf = (letter: LetterContent) =>
  [letter.subject, letter.contractReference, letter.salutation, ...letter.paragraphs, letter.closing].join('\n').replace(/\u00a0/g, ' ');

const contract = { reference: 'C-2026-0042', label: 'Hébergement Dokos T99' };

/** One realistic case per kind, with what its text must say (DOMAIN.md, Termination and notices). */
const CASES: { [K in LetterKind]: { params: LetterParamsByKind[K]; says: string[]; deadlines: string[] } } = {
  terminationAcknowledgement: {
    params: { contract, letterDate: '2027-02-02', noticeReceivedOn: '2027-01-31', channel: 'email' },
    says: ['reçue le 31 janvier 2027 par courrier électronique', 'prendra effet le 28 février 2027, à la fin du mois suivant la réception de votre préavis, conformément à l’article 1 de nos conditions générales de vente', 'Le mois de février 2027', 'jusqu’au 28 février 2028', 'l’article 6.2', 'l’article 3'],
    deadlines: ['2027-02-28', '2028-02-28'],
  },
  priceChange: {
    params: { contract, letterDate: '2026-11-27', reason: 'la hausse du coût de l’énergie', prices: [{ label: 'Formule T99', currentCents: 9900, newCents: 10900 }] },
    says: ['l’article 5.2', 'Formule T99 : 99,00 € HT par mois actuellement, 109,00 € HT par mois à compter du 1er février 2027', 'réception présumée le 30 novembre 2026, 3 jours après son envoi', 'au plus tard le 30 décembre 2026', 'prendrait alors effet le 31 janvier 2027'],
    deadlines: ['2026-11-30', '2026-12-30', '2027-02-01', '2027-01-31'],
  },
  tierChange: {
    params: {
      contract, letterDate: '2026-11-04', month: '2026-10', currentTier: { id: 'T99', priceCents: 9900 }, newTier: { id: 'T199', priceCents: 19900 },
      effectiveFrom: '2026-11-01', overLimits: ['Stockage : 14 Go pour 10 Go inclus'], supplementCents: 10000,
    },
    says: ['Le relevé de consommation de octobre 2026', 'formule T99 (99,00 € HT par mois)', 'Stockage : 14 Go pour 10 Go inclus', 'formule T199 à compter du 1er novembre 2026, au tarif de 199,00 € HT par mois, soit une différence de 100,00 € HT par mois', 'régularisation de 100,00 € HT', 'l’article 5.1', 'l’article 6.1'],
    deadlines: ['2026-11-01'],
  },
  paymentReminder: {
    params: { contract, letterDate: '2026-12-08', invoiceNumber: 'F-2026-000123', invoiceDate: '2026-11-01', dueDate: '2026-12-01', amountDueCents: 123456 },
    says: ['la facture n° F-2026-000123 du 01/11/2026, échue le 1er décembre 2026', '1 234,56 € TTC', 'majoration de 50 %', '40,00 €', 'articles L441-10 et D441-5 du Code de commerce', 'l’article 6.6'],
    deadlines: ['2026-12-01'],
  },
  formalNotice: {
    params: { contract, letterDate: '2026-12-16', invoiceNumber: 'F-2026-000123', invoiceDate: '2026-11-01', dueDate: '2026-12-01', amountDueCents: 123456, reminderSentOn: '2026-12-08' },
    // Pay by: presumed receipt 19/12 (16/12 + 3) + 8 days = Sunday 27/12, moved to Monday 28/12.
    says: ['Malgré notre relance du 8 décembre 2026', '1 234,56 € TTC', 'mettons en demeure de régler cette somme au plus tard le 28 décembre 2026', 'soit 617,28 €', '40,00 €', 'au total 1 891,84 €', 'à compter du 31 décembre 2026', 'l’article 6.6'],
    deadlines: ['2026-12-28', '2026-12-31'],
  },
  nonPaymentTermination: {
    params: { contract, letterDate: '2027-01-05', invoiceNumber: 'F-2026-000123', invoiceDate: '2026-11-01', dueDate: '2026-12-01', amountDueCents: 123456, formalNoticeSentOn: '2026-12-16' },
    says: ['Par lettre du 16 décembre 2026, nous vous avons mis en demeure', '1 234,56 € TTC', 'avec effet immédiat, soit le 5 janvier 2027', 'l’article 6.6', 'jusqu’au 5 janvier 2028'],
    deadlines: ['2027-01-05', '2028-01-05'],
  },
  breachNotice: {
    params: { contract, letterDate: '2027-03-05', description: 'le module de contrôle de licence a été désactivé (article 3).' },
    says: ['le module de contrôle de licence a été désactivé', 'l’article 6.6', '30 jours civils', 'réception présumée le 8 mars 2027', 'au plus tard le 7 avril 2027'],
    deadlines: ['2027-03-08', '2027-04-07'],
  },
  breachTermination: {
    params: { contract, letterDate: '2027-05-04', description: 'le module de contrôle de licence a été désactivé.', breachNoticeSentOn: '2027-03-29', breachNoticeReceivedOn: '2027-04-01' },
    says: ['Par lettre du 29 mars 2027, reçue le 1er avril 2027', 'a expiré le 3 mai 2027', 'avec effet immédiat, soit le 4 mai 2027', 'l’article 6.6', 'jusqu’au 4 mai 2028'],
    deadlines: ['2027-05-03', '2027-05-04', '2028-05-04'],
  },
  forceMajeureTermination: {
    params: { contract, letterDate: '2026-11-02', event: 'l’incendie du centre de données de Strasbourg', startedOn: '2026-10-01' },
    says: ['Depuis le 1er octobre 2026', 'l’article 7.4', 'article 1218 du Code civil', 'depuis le 31 octobre 2026', 'prendra effet le 10 novembre 2026, huit jours après l’envoi', 'jusqu’au 10 novembre 2027'],
    deadlines: ['2026-10-31', '2026-11-10', '2027-11-10'],
  },
  // The price change notice of 27/11/2026 above, acknowledged on 04/12/2026 instead of the presumed 30/11: its dates move.
  receiptCorrection: {
    params: {
      contract, letterDate: '2026-12-07',
      corrects: { kind: 'priceChange', sentOn: '2026-11-27', receivedOn: '2026-12-04', params: { 'contract.reference': 'C-2026-0042', letterDate: '2026-11-27', reason: 'la hausse du coût de l’énergie', 'prices.0.label': 'Formule T99', 'prices.0.currentCents': 9900, 'prices.0.newCents': 10900 } },
    },
    says: [
      'Rectification des dates de notre lettre du 27 novembre 2026',
      'Par lettre recommandée du 27 novembre 2026 (avis de modification des prix)',
      'réception présumée le 30 novembre 2026, 3 jours après son envoi',
      'vous a été remise le 4 décembre 2026',
      '– Date limite d’opposition : le 4 janvier 2027, et non le 30 décembre 2026 (réception de l’avis de modification des prix + 30 jours',
      '– Application des nouveaux tarifs : le 1er mars 2027, et non le 1er février 2027 (premier jour d’un mois tombant au moins 60 jours après la réception',
      '– Résiliation en cas d’opposition : le 28 février 2027, et non le 31 janvier 2027',
      'Les autres termes de notre lettre du 27 novembre 2026 demeurent inchangés.',
    ],
    deadlines: ['2027-01-04', '2027-03-01', '2027-02-28'],
  },
};

describe('composeLetter — each kind writes out its rule and dates', () => {
  it.each(LETTER_KINDS)('%s', (kind) => {
    const { params, says, deadlines } = CASES[kind];
    const letter = composeLetter(kind, params as never);
    const text = textOf(letter);
    for (const expected of says) expect(text).toContain(expected);
    expect(letter.kind).toBe(kind);
    expect(letter.contractReference).toBe('Contrat n° C-2026-0042 — Hébergement Dokos T99');
    expect(letter.salutation).toBe('Madame, Monsieur,');
    expect(letter.closing).toMatch(/^Nous vous prions d’agréer, Madame, Monsieur,/);
    expect(letter.deadlines.map((d) => d.value)).toEqual(deadlines);
    for (const d of letter.deadlines) expect(d.clause).toMatch(/^§\d/);
  });
});

describe('composeLetter — receipts, settings and refusals', () => {
  it('uses the real receipt date once known, and moves the objection deadline to a business day', () => {
    // Received 2 Dec 2026: + 30 = 1 Jan 2027 (holiday, Friday) → Monday 4 Jan; + 60 = 31 Jan → 1 Feb.
    const letter = composeLetter('priceChange', { ...CASES.priceChange.params, receivedOn: '2026-12-02' });
    expect(textOf(letter)).toContain('(réception le 2 décembre 2026)');
    expect(letter.deadlines.map((d) => [d.label, d.value])).toEqual([
      ['Réception de l’avis', '2026-12-02'],
      ['Date limite d’opposition', '2027-01-04'],
      ['Application des nouveaux tarifs', '2027-02-01'],
      ['Résiliation en cas d’opposition', '2027-01-31'],
    ]);
  });

  it('accepts a later first of month for the new prices and refuses an earlier or mid-month one', () => {
    const later = composeLetter('priceChange', { ...CASES.priceChange.params, effectiveFrom: '2027-03-01' });
    expect(textOf(later)).toContain('à compter du 1er mars 2027');
    expect(later.deadlines[2]?.rule).toContain('1er février 2027');
    expect(later.deadlines[3]?.value).toBe('2027-02-28');
    for (const effectiveFrom of ['2027-01-01', '2027-03-15']) {
      expect(() => composeLetter('priceChange', { ...CASES.priceChange.params, effectiveFrom })).toThrow(DomainError);
    }
  });

  it('follows the receipt presumption and the Alsace-Moselle holidays of the settings', () => {
    // Received 24 Feb 2027 + 30 = Good Friday 26 Mar 2027; Easter Monday 29 Mar → Tuesday 30 Mar in Alsace-Moselle.
    const params = { ...CASES.breachNotice.params, receivedOn: '2027-02-24' };
    expect(composeLetter('breachNotice', params).deadlines[1]?.value).toBe('2027-03-26');
    expect(composeLetter('breachNotice', params, { ...DEFAULT_RULE_SETTINGS, alsaceMoselle: true }).deadlines[1]?.value).toBe('2027-03-30');
    const fiveDays = composeLetter('breachNotice', CASES.breachNotice.params, { ...DEFAULT_RULE_SETTINGS, presumedReceiptDays: 5 });
    expect(textOf(fiveDays)).toContain('réception présumée le 10 mars 2027, 5 jours après son envoi');
  });

  it('words the termination acknowledgement for a registered letter', () => {
    const letter = composeLetter('terminationAcknowledgement', { ...CASES.terminationAcknowledgement.params, letterDate: '2026-12-16', noticeReceivedOn: '2026-12-15', channel: 'registeredLetter' });
    expect(textOf(letter)).toContain('reçue le 15 décembre 2026 par lettre recommandée avec accusé de réception');
    expect(textOf(letter)).toContain('prendra effet le 31 janvier 2027');
  });

  it('states a date already past on the letter’s date in the past tense', () => {
    // Notice received 15/10/2026 → effective 30/11/2026; acknowledged on 04/12/2026.
    const late = textOf(composeLetter('terminationAcknowledgement', { ...CASES.terminationAcknowledgement.params, letterDate: '2026-12-04', noticeReceivedOn: '2026-10-15', channel: 'registeredLetter' }));
    expect(late).toContain('La résiliation a pris effet le 30 novembre 2026');
    expect(late).toContain('au cours duquel la résiliation a pris effet, est facturé en totalité');
    expect(late).not.toContain('prendra effet');
    const onTime = textOf(composeLetter('terminationAcknowledgement', { ...CASES.terminationAcknowledgement.params, letterDate: '2026-10-16', noticeReceivedOn: '2026-10-15', channel: 'registeredLetter' }));
    expect(onTime).toContain('La résiliation prendra effet le 30 novembre 2026');
  });

  it('words the dunning letters without a previous letter', () => {
    const { reminderSentOn: _r, ...formal } = CASES.formalNotice.params;
    // "Malgré nos relances" only when a reminder was sent (DOMAIN.md).
    expect(textOf(composeLetter('formalNotice', formal))).toContain('Sauf erreur ou omission de notre part, la facture n° F-2026-000123');
    expect(textOf(composeLetter('formalNotice', formal))).not.toMatch(/[Mm]algré/);
    // Rule settings saved before the payment delay existed still give 8 days; another delay is followed.
    const { formalNoticePaymentDays: _days, ...older } = DEFAULT_RULE_SETTINGS;
    expect(composeLetter('formalNotice', formal, older).deadlines[0]?.value).toBe('2026-12-28');
    expect(composeLetter('formalNotice', formal, { ...DEFAULT_RULE_SETTINGS, formalNoticePaymentDays: 15 }).deadlines[0]?.value).toBe('2027-01-04');
    // Once the acknowledgement is known, the deadline runs from it: 22/12 + 8 = 30/12.
    expect(composeLetter('formalNotice', { ...formal, receivedOn: '2026-12-22' }).deadlines[0]).toMatchObject({ label: 'Date limite de paiement', value: '2026-12-30' });
    const { formalNoticeSentOn: _f, ...termination } = CASES.nonPaymentTermination.params;
    expect(textOf(composeLetter('nonPaymentTermination', termination))).toContain('Malgré nos relances, la facture n° F-2026-000123');
  });

  it('refuses a termination before the rule allows it', () => {
    expect(() => composeLetter('nonPaymentTermination', { ...CASES.nonPaymentTermination.params, letterDate: '2026-12-30' })).toThrow(/à partir du 31\/12\/2026/);
    expect(() => composeLetter('breachTermination', { ...CASES.breachTermination.params, letterDate: '2027-05-03' })).toThrow(/03\/05\/2027 inclus/);
    expect(() => composeLetter('forceMajeureTermination', { ...CASES.forceMajeureTermination.params, letterDate: '2026-10-30' })).toThrow(/à partir du 31\/10\/2026/);
    expect(() => composeLetter('tierChange', { ...CASES.tierChange.params, effectiveFrom: '2026-11-02' })).toThrow(/premier jour de mois/);
  });

  it('refuses invalid params with a French DomainError naming the field', () => {
    const bad = () => composeLetter('paymentReminder', { ...CASES.paymentReminder.params, dueDate: '2026-02-30' });
    expect(bad).toThrow(DomainError);
    expect(bad).toThrow(/dueDate — Date invalide/);
    expect(() => composeLetter('paymentReminder', { ...CASES.paymentReminder.params, amountDueCents: -5 })).toThrow(/positif/);
    expect(() => composeLetter('priceChange', { ...CASES.priceChange.params, prices: [] })).toThrow(/Au moins un tarif/);
  });

  it('writes the contract line without a label', () => {
    const letter = composeLetter('paymentReminder', { ...CASES.paymentReminder.params, contract: { reference: 'C-7' } });
    expect(letter.contractReference).toBe('Contrat n° C-7');
  });
});
