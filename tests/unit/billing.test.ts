import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  billingPeriod, buildInvoiceDraft, creditNoteLines, datesOnIssue, dueDate, isLateIssue, FIXED_RECOVERY_INDEMNITY_CENTS, invoiceDate, invoiceMentions,
  invoiceTotals, isBilledMonth, LATE_PAYMENT_TERMS_MENTION, lateSurchargeCents, lateSurchargeLines, monthlyLines,
  NO_EARLY_PAYMENT_DISCOUNT_MENTION, OPERATION_CATEGORY_MENTION, OUTSIDE_EU_MENTION, remainingCreditable, REVERSE_CHARGE_MENTION,
  vatRegime, vatRegimeExplained, type BillingContract, type BillingLine,
} from '../../src-core/billing';
import { messageFr } from '../../src-core/messages';
import { PRICE_LIST_2024_09_01 as BUILT_IN_LIST } from '../../src-core/pricing';

/** The stored lists of these tests: the built-in list, as an empty laptop reads it. */
const LISTS = [BUILT_IN_LIST];

const code = (c: string) => expect.objectContaining({ code: c });
const contract: BillingContract = { id: 'CT-1', tier: 'T99', priceListId: 'PL-2024-09-01', startDate: '2026-11-16' };
const french = { country: 'FR', vatNumber: 'FR44732829320' };

describe('VAT regime (§5.3)', () => {
  it('France → 20 %, no mention', () => {
    expect(vatRegime({ country: 'FR' })).toEqual({ ratePercent: 20, mention: null, warning: null });
    expect(vatRegime(french)).toEqual({ ratePercent: 20, mention: null, warning: null });
    expect(vatRegime({ country: 'MC' }).ratePercent).toBe(20); // Monaco: French VAT territory
    expect(vatRegimeExplained({ country: 'fr' }).clause).toBe('§5.3');
  });

  it('other EU country with a VAT number → reverse charge', () => {
    const rc = { ratePercent: 0, mention: 'Autoliquidation – article 196 de la directive 2006/112/CE', warning: null };
    expect(vatRegime({ country: 'DE', vatNumber: 'DE123456789' })).toEqual(rc);
    expect(vatRegime({ country: 'BE', vatNumber: 'BE 0123.456.789' })).toEqual(rc);
    expect(vatRegime({ country: 'GR', vatNumber: 'EL123456789' })).toEqual(rc); // Greece: country GR, prefix EL
    expect(REVERSE_CHARGE_MENTION).toBe(rc.mention);
  });

  it('outside the EU → 0 %, article 259-1 du CGI', () => {
    const out = { ratePercent: 0, mention: 'TVA non applicable – article 259-1 du CGI', warning: null };
    expect(vatRegime({ country: 'CH', vatNumber: 'CHE123456789' })).toEqual(out);
    expect(vatRegime({ country: 'GB' })).toEqual(out);
    expect(vatRegime({ country: 'US' }).mention).toBe(OUTSIDE_EU_MENTION);
  });

  it('EU client without a (valid) VAT number → 20 % with a French warning', () => {
    const none = vatRegime({ country: 'DE' });
    expect(none).toMatchObject({ ratePercent: 20, mention: null });
    expect(messageFr(none.warning!)).toMatch(/sans numéro de TVA intracommunautaire/);
    expect(messageFr(vatRegime({ country: 'IT', vatNumber: '  ' }).warning!)).toMatch(/sans numéro/);
    const wrongPrefix = vatRegime({ country: 'GR', vatNumber: 'GR123456789' });
    expect(wrongPrefix).toMatchObject({ ratePercent: 20, mention: null });
    expect(messageFr(wrongPrefix.warning!)).toMatch(/commence par EL \(« GR123456789 »\) : TVA française à 20 %/);
  });

  it('refuses unknown or invalid country codes', () => {
    for (const country of ['XX', 'EL', 'FRA', '', 'UK']) {
      expect(() => vatRegime({ country })).toThrow(code('INVALID_COUNTRY'));
    }
    expect(() => vatRegime({ country: undefined as unknown as string })).toThrow(/Pays invalide/);
  });
});

describe('invoice totals (EN 16931 BR-CO-17)', () => {
  it('computes VAT once per rate on the sum of the nets, rates sorted', () => {
    const lines = [
      { netCents: 3, vatRatePercent: 20 }, // 0.6 c each: per line 1 + 1 = 2 c,
      { netCents: 3, vatRatePercent: 20 }, // on the sum 6 × 20 % = 1.2 → 1 c
      { netCents: 4000, vatRatePercent: 0 },
      { netCents: 1001, vatRatePercent: 5.5 },
    ];
    expect(invoiceTotals(lines)).toEqual({
      netCents: 5007,
      vatCents: 56,
      totalCents: 5063,
      byRate: [
        { ratePercent: 0, baseCents: 4000, vatCents: 0 },
        { ratePercent: 5.5, baseCents: 1001, vatCents: 55 },
        { ratePercent: 20, baseCents: 6, vatCents: 1 },
      ],
    });
    expect(invoiceTotals([])).toEqual({ netCents: 0, vatCents: 0, totalCents: 0, byRate: [] });
  });

  it('rounds half away from zero on negative (credit) lines too', () => {
    expect(invoiceTotals([{ netCents: -25, vatRatePercent: 2.1 }]).vatCents).toBe(-1); // −0.525
    expect(invoiceTotals([{ netCents: -9950, vatRatePercent: 20 }])).toMatchObject({ vatCents: -1990, totalCents: -11940 });
  });

  it('refuses fractional amounts and impossible rates', () => {
    expect(() => invoiceTotals([{ netCents: 1.5, vatRatePercent: 20 }])).toThrow(code('INVALID_AMOUNT'));
    expect(() => invoiceTotals([{ netCents: 100, vatRatePercent: -1 }])).toThrow(code('INVALID_NUMBER'));
    expect(() => invoiceTotals([{ netCents: 100, vatRatePercent: Number.NaN }])).toThrow(/Taux de TVA invalide/);
  });

  it('totals equal the sum of their parts, and negating the lines negates the totals (property)', () => {
    const line = fc.record({ netCents: fc.integer({ min: -10_000_000, max: 10_000_000 }), vatRatePercent: fc.constantFrom(0, 2.1, 5.5, 10, 20) });
    fc.assert(
      fc.property(fc.array(line, { maxLength: 20 }), (lines) => {
        const t = invoiceTotals(lines);
        expect(t.netCents).toBe(lines.reduce((s, l) => s + l.netCents, 0));
        expect(t.netCents).toBe(t.byRate.reduce((s, r) => s + r.baseCents, 0));
        expect(t.vatCents).toBe(t.byRate.reduce((s, r) => s + r.vatCents, 0));
        expect(t.totalCents).toBe(t.netCents + t.vatCents);
        expect(t.byRate.map((r) => r.ratePercent)).toEqual([...new Set(lines.map((l) => l.vatRatePercent))].sort((a, b) => a - b));
        const negated = invoiceTotals(lines.map((l) => ({ ...l, netCents: -l.netCents })));
        expect(negated.vatCents + t.vatCents).toBe(0);
        expect(negated.totalCents + t.totalCents).toBe(0);
      }),
    );
  });
});

describe('periods and dates (§1, §6.1)', () => {
  it('bills calendar months from the start month to the effective month', () => {
    expect(billingPeriod('2024-02')).toEqual({ month: '2024-02', from: '2024-02-01', to: '2024-02-29' });
    const ending = { ...contract, terminationEffectiveDate: '2027-04-30' };
    expect(['2026-10', '2026-11', '2027-04', '2027-05'].map((m) => isBilledMonth(ending, m))).toEqual([false, true, true, false]);
    expect(isBilledMonth(contract, '2031-01')).toBe(true);
  });

  it('dates the first invoice on the start date, the others on the 1st', () => {
    expect(invoiceDate(contract, '2026-11')).toMatchObject({ value: '2026-11-16', clause: '§1' });
    expect(invoiceDate(contract, '2026-12').value).toBe('2026-12-01');
    expect(invoiceDate(contract, '2026-12').rule).toContain('01/12/2026');
  });

  it('an invoice is dated the day it is issued, at the earliest the 1st of its month (first: the start date)', () => {
    expect(invoiceDate(contract, '2026-12', '2026-12-04')).toMatchObject({ value: '2026-12-04', clause: 'CGI art. 242 nonies A' });
    expect(invoiceDate(contract, '2026-12', '2026-12-04').rule).toContain('émission tardive');
    expect(invoiceDate(contract, '2026-12', '2026-11-20').value).toBe('2026-12-01');
    expect(invoiceDate(contract, '2026-11', '2026-11-10').value).toBe('2026-11-16');
    expect([isLateIssue(contract, '2026-12', '2026-12-01'), isLateIssue(contract, '2026-12', '2026-12-02'), isLateIssue(contract, '2026-11', '2026-11-16')]).toEqual([false, true, false]);
    const draft = buildInvoiceDraft({ lists: LISTS, contract, client: french, month: '2026-12', issuedOn: '2026-12-04' })!;
    expect([draft.issueDate.value, draft.dueDate.value, draft.period.month, draft.lateIssue]).toEqual(['2026-12-04', '2027-01-03', '2026-12', true]);
  });

  it('a stored draft is issued on the day, with its term; never before its own date', () => {
    const dates = datesOnIssue({ issueDate: '2026-12-01', dueDate: '2026-12-31', period: '2026-12' }, '2026-12-04');
    expect([dates.issueDate.value, dates.dueDate.value]).toEqual(['2026-12-04', '2027-01-03']);
    expect(dates.dueDate.rule).toBe("Échéance le 03/01/2027 : date d'émission (04/12/2026) + 30 jours (§6.1).");
    expect(() => datesOnIssue({ issueDate: '2027-01-01', dueDate: '2027-01-31', period: '2027-01' }, '2026-12-04')).toThrow(/janvier 2027 ne peut pas être émise avant le 01\/01\/2027/);
  });

  it('due date = invoice date + 30 days, or the contract term', () => {
    expect(dueDate('2026-12-01').value).toBe('2026-12-31');
    expect(dueDate('2026-11-16').rule).toBe('Échéance le 16/12/2026 : date de facture (16/11/2026) + 30 jours, délai par défaut (§6.1).');
    expect(dueDate('2026-12-01', 45).value).toBe('2027-01-15');
    expect(dueDate('2026-12-01', undefined, 15).value).toBe('2026-12-16');
    expect(dueDate('2026-12-01', 0, 15).value).toBe('2026-12-01');
  });
});

describe('monthly lines (§1, §5.1)', () => {
  it('prorates the first month and bills full months after', () => {
    const [first] = monthlyLines(contract, '2026-11', 20, LISTS);
    expect(first).toEqual({
      label: 'Abonnement Dokos, formule T99 – novembre 2026 (du 16/11/2026 au 30/11/2026)',
      quantity: 1,
      unitPriceCents: 4950,
      netCents: 4950,
      vatRatePercent: 20,
      explanation: { value: 4950, clause: '§1', rule: 'Premier mois au prorata : 99,00\u00a0€ × 15/30 jours = 49,50\u00a0€ (§1).' },
    });
    const [dec] = monthlyLines(contract, '2026-12', 0, LISTS);
    expect(dec).toMatchObject({ label: 'Abonnement Dokos, formule T99 – décembre 2026', netCents: 9900, vatRatePercent: 0 });
    expect(dec!.explanation.clause).toBe('§5.1');
  });

  it('bills the effective month in full and nothing after', () => {
    const ending = { ...contract, terminationEffectiveDate: '2027-02-28' };
    const [feb] = monthlyLines(ending, '2027-02', 20, LISTS);
    expect(feb!.netCents).toBe(9900);
    expect(feb!.explanation.rule).toContain('résiliation (28/02/2027) facturé en entier');
    expect(monthlyLines(ending, '2027-03', 20, LISTS)).toEqual([]);
    expect(monthlyLines(ending, '2026-10', 20, LISTS)).toEqual([]);
  });

  it('a contract starting and ending in the same month keeps its start proration', () => {
    const short = { ...contract, terminationEffectiveDate: '2026-11-30' };
    expect(monthlyLines(short, '2026-11', 20, LISTS)[0]!.netCents).toBe(4950);
  });

  it('refuses incoherent contracts and unknown tiers', () => {
    expect(() => monthlyLines({ ...contract, terminationEffectiveDate: '2026-11-15' }, '2026-11', 20, LISTS)).toThrow(code('INVALID_INPUT'));
    expect(() => monthlyLines({ ...contract, paymentTermDays: -3 }, '2026-11', 20, LISTS)).toThrow(/délai de paiement invalide/);
    expect(() => monthlyLines({ ...contract, startDate: '2026-02-30' }, '2026-11', 20, LISTS)).toThrow(code('INVALID_DATE'));
    expect(() => monthlyLines({ ...contract, tier: 'T100' }, '2026-12', 20, LISTS)).toThrow(code('UNKNOWN_TIER'));
  });
});

describe('invoice draft', () => {
  it('first invoice: T99 from 16 Nov 2026, French client', () => {
    const draft = buildInvoiceDraft({ lists: LISTS, contract, client: french, month: '2026-11' })!;
    expect(draft.issueDate.value).toBe('2026-11-16');
    expect(draft.dueDate.value).toBe('2026-12-16');
    expect(draft.period).toEqual({ month: '2026-11', from: '2026-11-01', to: '2026-11-30' });
    expect(draft.totals).toEqual({ netCents: 4950, vatCents: 990, totalCents: 5940, byRate: [{ ratePercent: 20, baseCents: 4950, vatCents: 990 }] });
    expect(draft.mentions).toEqual([
      'Prestation de services',
      "Pas d'escompte pour paiement anticipé",
      LATE_PAYMENT_TERMS_MENTION,
    ]);
    expect(draft.warnings).toEqual([]);
    expect(draft.overConsumption).toBeNull();
  });

  it('adds the regularisation of last month and carries the reverse-charge mention', () => {
    const draft = buildInvoiceDraft({ lists: LISTS,
      contract: { ...contract, paymentTermDays: 45 },
      client: { country: 'DE', vatNumber: 'DE123456789' },
      month: '2026-12',
      previousMonthUsage: { month: '2026-11', cpuHours: 1, databaseGB: 1, storageGB: 15 },
    })!;
    expect(draft.lines.map((l) => [l.label, l.netCents, l.vatRatePercent])).toEqual([
      ['Abonnement Dokos, formule T99 – décembre 2026', 9900, 0],
      ['Régularisation dépassement novembre 2026', 5000, 0], // (199 − 99) × 15/30
    ]);
    expect(draft.totals.totalCents).toBe(14900);
    expect(draft.dueDate.value).toBe('2027-01-15');
    expect(draft.mentions.at(-1)).toBe(REVERSE_CHARGE_MENTION);
    expect(draft.overConsumption?.proposedSwitch?.from.value).toBe('2026-12-01');
  });

  it('bills last month at the tier it had before a switch', () => {
    const draft = buildInvoiceDraft({ lists: LISTS,
      contract: { ...contract, tier: 'T199', startDate: '2026-01-01' },
      client: french,
      month: '2026-12',
      previousMonthUsage: { month: '2026-11', cpuHours: 1.8, databaseGB: 1, storageGB: 15, tierId: 'T99', priceListId: 'PL-2024-09-01' },
    })!;
    expect(draft.lines.map((l) => l.netCents)).toEqual([19900, 10000]);
  });

  it('warns on hors grille and EU clients without VAT number', () => {
    const draft = buildInvoiceDraft({ lists: LISTS,
      contract,
      client: { country: 'ES' },
      month: '2026-12',
      previousMonthUsage: { month: '2026-11', cpuHours: 1, databaseGB: 2, storageGB: 1 },
      settings: { paymentTermDays: 20 },
    })!;
    expect(draft.lines).toHaveLength(1);
    expect(draft.warnings).toHaveLength(2);
    expect(draft.warnings[1]).toMatch(/^Hors grille/);
    expect(draft.dueDate.value).toBe('2026-12-21');
    expect(draft.totals.vatCents).toBe(1980);
  });

  it('after the effective month: nothing, or only the last regularisation', () => {
    const ending = { ...contract, terminationEffectiveDate: '2027-01-31' };
    expect(buildInvoiceDraft({ lists: LISTS, contract: ending, client: french, month: '2027-02' })).toBeNull();
    expect(buildInvoiceDraft({ lists: LISTS, contract: ending, client: french, month: '2026-10' })).toBeNull();
    const last = buildInvoiceDraft({ lists: LISTS,
      contract: ending,
      client: french,
      month: '2027-02',
      previousMonthUsage: { month: '2027-01', cpuHours: 2, databaseGB: 1, storageGB: 1 },
    })!;
    expect(last.lines.map((l) => l.label)).toEqual(['Régularisation dépassement janvier 2027']);
    expect(last.period.month).toBe('2027-01');
    expect(last.issueDate.value).toBe('2027-02-01');
    expect(last.overConsumption?.proposedSwitch).toBeNull();
  });

  it('refuses usage of another month', () => {
    const input = { contract, client: french, month: '2027-01' };
    expect(() => buildInvoiceDraft({ lists: LISTS, ...input, previousMonthUsage: { month: '2026-11', cpuHours: 1, databaseGB: 1, storageGB: 1 } })).toThrow(code('INVALID_INPUT'));
    expect(() => buildInvoiceDraft({ lists: LISTS, ...input, month: '2026-11', previousMonthUsage: { month: '2026-10', cpuHours: 1, databaseGB: 1, storageGB: 1 } })).toThrow(/consommation de octobre 2026/);
    expect(() => buildInvoiceDraft({ lists: LISTS, ...input, month: '2026-1' })).toThrow(code('INVALID_DATE'));
  });
});

describe('mentions (French B2B)', () => {
  it('lists the mandatory mentions, ending with the VAT regime mention', () => {
    expect(OPERATION_CATEGORY_MENTION).toBe('Prestation de services');
    expect(NO_EARLY_PAYMENT_DISCOUNT_MENTION).toBe("Pas d'escompte pour paiement anticipé");
    expect(LATE_PAYMENT_TERMS_MENTION).toMatch(/^Pénalités de retard : 50 % du montant TTC impayé, exigibles le lendemain de l’échéance \(article 6\.6.*40 €.*L441-10 et D441-5/);
    expect(invoiceMentions(vatRegime({ country: 'CH' }))).toHaveLength(4);
    expect(invoiceMentions(vatRegime({ country: 'CH' }))[3]).toBe(OUTSIDE_EU_MENTION);
  });
});

describe('late surcharge (§6.6)', () => {
  it('is 50 % of the unpaid TTC, rounded half away from zero', () => {
    expect(lateSurchargeCents(11880)).toBe(5940);
    expect(lateSurchargeCents(5941)).toBe(2971); // 29.705 → 29.71
    expect(lateSurchargeCents(1)).toBe(1);
    expect(lateSurchargeCents(0)).toBe(0);
    expect(() => lateSurchargeCents(-100)).toThrow(code('INVALID_AMOUNT'));
    expect(() => lateSurchargeCents(10.5)).toThrow(code('INVALID_AMOUNT'));
  });

  it('issues the surcharge and the 40 € indemnity, outside the scope of VAT', () => {
    const lines = lateSurchargeLines('F-2026-000123', 11880);
    expect(lines.map((l) => [l.label, l.netCents, l.vatRatePercent])).toEqual([
      ['Majoration de 50 % pour retard de paiement – facture F-2026-000123', 5940, 0],
      ['Indemnité forfaitaire pour frais de recouvrement – facture F-2026-000123', 4000, 0],
    ]);
    expect(FIXED_RECOVERY_INDEMNITY_CENTS).toBe(4000);
    expect(lines[0]!.explanation.rule).toBe('Majoration de retard : 50 % × 118,80\u00a0€ TTC impayés = 59,40\u00a0€, hors champ de la TVA (§6.6).');
    expect(lines[1]!.explanation.rule).toMatch(/L441-10 et D441-5/);
    expect(invoiceTotals(lines)).toMatchObject({ vatCents: 0, totalCents: 9940 });
  });

  it('leaves the indemnity out when switched off, refuses a paid invoice', () => {
    expect(lateSurchargeLines('F-2026-000123', 11880, { recoveryIndemnityOnSurcharge: false })).toHaveLength(1);
    expect(() => lateSurchargeLines('F-2026-000123', 0)).toThrow(/aucune majoration/);
  });
});

describe('credit notes', () => {
  const invoice = {
    number: 'F-2026-000123',
    lines: buildInvoiceDraft({ lists: LISTS,
      contract,
      client: french,
      month: '2026-12',
      previousMonthUsage: { month: '2026-11', cpuHours: 1, databaseGB: 1, storageGB: 15 },
    })!.lines,
  };

  it('cancels an invoice in full: totals are the exact opposite', () => {
    const lines = creditNoteLines(invoice, 'full');
    expect(lines.map((l) => [l.label, l.netCents, l.vatRatePercent])).toEqual([
      ['Avoir sur facture F-2026-000123 – Abonnement Dokos, formule T99 – décembre 2026', -9900, 20],
      ['Avoir sur facture F-2026-000123 – Régularisation dépassement novembre 2026', -5000, 20],
    ]);
    expect(lines[0]!.explanation.rule).toMatch(/^Annulation de la ligne/);
    expect(invoiceTotals(lines).totalCents).toBe(-invoiceTotals(invoice.lines).totalCents);
  });

  it('credits part of a line, then only what remains', () => {
    const partial = creditNoteLines(invoice, [{ lineIndex: 1, netCents: 2000 }]);
    expect(partial).toHaveLength(1);
    expect(partial[0]!.netCents).toBe(-2000);
    expect(partial[0]!.explanation.rule).toMatch(/^Annulation partielle/);
    expect(remainingCreditable(invoice.lines, [0, 2000])).toEqual([9900, 3000]);
    expect(creditNoteLines(invoice, 'full', [0, 2000]).map((l) => l.netCents)).toEqual([-9900, -3000]);
    expect(() => creditNoteLines(invoice, [{ lineIndex: 1, netCents: 2000 }, { lineIndex: 1, netCents: 1001 }], [0, 2000])).toThrow(
      /il ne reste que 30,00\u00a0€ à créditer/,
    );
  });

  it('refuses what cannot be credited', () => {
    expect(() => creditNoteLines(invoice, 'full', [9900, 5000])).toThrow(code('INVALID_AMOUNT'));
    expect(() => creditNoteLines(invoice, [])).toThrow(/rien ne reste à créditer/);
    expect(() => creditNoteLines(invoice, [{ lineIndex: 2, netCents: 1 }])).toThrow(/Ligne à créditer inexistante : n° 3/);
    expect(() => creditNoteLines(invoice, [{ lineIndex: 0, netCents: -1 }])).toThrow(code('INVALID_AMOUNT'));
    expect(() => remainingCreditable(invoice.lines, [9901])).toThrow(/déjà crédités/);
    expect(() => remainingCreditable(invoice.lines, [0, 0, 0])).toThrow(code('INVALID_INPUT'));
  });

  it('several notes together never credit more than the invoice (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ lineIndex: fc.integer({ min: 0, max: 1 }), netCents: fc.integer({ min: 0, max: 6000 }) }), { maxLength: 12 }), (requests) => {
        let credited = [0, 0];
        for (const r of requests) {
          try {
            const lines: BillingLine[] = creditNoteLines(invoice, [r], credited);
            credited = credited.map((c, i) => (i === r.lineIndex ? c - lines[0]!.netCents : c));
          } catch {
            // refused: more than what remains, or nothing
          }
          expect(credited[0]).toBeLessThanOrEqual(9900);
          expect(credited[1]).toBeLessThanOrEqual(5000);
        }
      }),
    );
  });
});
