import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEMO_SELLER_PROFILE, eInvoiceOf, facturX, invoiceDocumentModel, OUTSIDE_EU_MENTION, OUTSIDE_VAT_SCOPE_MENTION, readCiiXml,
  REVERSE_CHARGE_MENTION, validateEInvoice, assertEInvoiceable, type EInvoice, type Invoice,
} from '../../src-core';
import { billedMonths, issuedCreditNote, issuedMonthInvoice, issuedSurcharge, portfolio } from './support/einvoice-fixtures';

const seller = DEMO_SELLER_PROFILE;
const euros = (cents: number) => cents / 100;

/** The first issued invoice of the demo portfolio (seed 1) whose client is in `country` filter. */
function invoiceWhere(pick: (country: string, vat: string | undefined) => boolean): { invoice: Invoice; xml: string; e: EInvoice } {
  const p = portfolio(1);
  for (const contract of p.contracts) {
    const client = p.clients.find((c) => c.id === contract.clientId)!;
    if (!pick(client.country, client.vatNumber)) continue;
    const family = issuedMonthInvoice(p, contract, '2026-10', 'F-2026-000042');
    if (!family) continue;
    const { xml } = facturX(invoiceDocumentModel(family.invoice, family.client, seller));
    return { invoice: family.invoice, xml, e: readCiiXml(xml) };
  }
  throw new Error('no such client in the demo portfolio');
}

/** Every business term of the XML read back, against the stored document (not against the builder that wrote it). */
function expectTermsOf(e: EInvoice, doc: Invoice, sign: 1 | -1): void {
  expect(e.specification).toBe('urn:cen.eu:en16931:2017');
  expect(e.number).toBe(doc.number);
  expect(e.issueDate).toBe(doc.issueDate);
  expect(e.currency).toBe('EUR');
  expect(e.seller).toMatchObject({ name: seller.legalName, siren: seller.siren, address: { postalCode: seller.postalCode, city: seller.city, country: 'FR', lines: seller.addressLines } });
  expect(e.buyer).toMatchObject({ name: doc.buyer!.legalName, address: { postalCode: doc.buyer!.postalCode, city: doc.buyer!.city, country: doc.buyer!.country, lines: doc.buyer!.addressLines } });
  expect(e.buyer.siren).toBe(doc.buyer!.siren);
  expect(e.lines.map((l) => [l.name, l.quantity, l.netPriceCents, l.netCents])).toEqual(doc.lines.map((l) => [l.label, l.quantity, sign * l.unitPriceCents, sign * l.netCents]));
  expect(e.totals).toEqual({
    lineTotalCents: sign * doc.totals.netCents, taxBasisCents: sign * doc.totals.netCents, taxTotalCents: sign * doc.totals.vatCents || 0,
    grandTotalCents: sign * doc.totals.totalCents, duePayableCents: sign * doc.totals.totalCents,
  });
  expect(e.vat.map((v) => [v.basisCents, v.taxCents])).toEqual(doc.totals.byRate.map((r) => [sign * r.baseCents, sign * r.vatCents || 0]));
  expect(validateEInvoice(e)).toEqual([]);
}

describe('Factur-X XML (CII, EN 16931) of the documents the app issues', () => {
  it('a French client: invoice 380, S 20 %, both SIRENs (0002) and VAT numbers, period, due date, IBAN', () => {
    const { invoice, xml, e } = invoiceWhere((country) => country === 'FR');
    expectTermsOf(e, invoice, 1);
    expect(e.typeCode).toBe('380');
    expect(e.dueDate).toBe(invoice.dueDate);
    expect(e.period).toEqual({ from: '2026-10-01', to: '2026-10-31' });
    expect(e.seller.vatId).toBe('FR44732829320');
    expect(e.buyer.vatId).toBe(invoice.buyer!.vatNumber);
    expect(e.lines.every((l) => l.category === 'S' && l.ratePercent === 20)).toBe(true);
    expect(e.vat).toEqual([{ category: 'S', ratePercent: 20, basisCents: invoice.totals.netCents, taxCents: invoice.totals.vatCents }]);
    expect(e.payment).toEqual({ meansCode: '58', iban: 'FR7630006000011234567890189' });
    // Written as the platform reads it: two decimals, format 102 dates, SIREN scheme 0002.
    expect(xml).toContain(`<ram:GrandTotalAmount>${euros(invoice.totals.totalCents).toFixed(2)}</ram:GrandTotalAmount>`);
    expect(xml).toContain(`<udt:DateTimeString format="102">${invoice.issueDate.replaceAll('-', '')}</udt:DateTimeString>`);
    expect(xml).toContain(`<ram:ID schemeID="0002">${invoice.buyer!.siren}</ram:ID>`);
  });

  it('an EU client with a VAT number: reverse charge AE at 0 %, with its exemption reason and both VAT numbers', () => {
    const { invoice, e } = invoiceWhere((country, vat) => country !== 'FR' && !!vat);
    expect(invoice.vatMention).toBe(REVERSE_CHARGE_MENTION);
    expectTermsOf(e, invoice, 1);
    expect(e.lines.every((l) => l.category === 'AE' && l.ratePercent === 0)).toBe(true);
    expect(e.vat).toEqual([{ category: 'AE', ratePercent: 0, basisCents: invoice.totals.netCents, taxCents: 0, exemptionReason: REVERSE_CHARGE_MENTION, exemptionReasonCode: 'VATEX-EU-AE' }]);
    expect(e.buyer.vatId).toBe(invoice.buyer!.vatNumber);
  });

  it('a client outside the EU: category O without rate nor VAT numbers (BR-O-2), reason art. 259-1 CGI', () => {
    const { invoice, e } = invoiceWhere((country) => ['US', 'CH', 'GB', 'CA', 'MA', 'SN'].includes(country));
    expect(invoice.vatMention).toBe(OUTSIDE_EU_MENTION);
    expectTermsOf(e, invoice, 1);
    expect(e.lines.every((l) => l.category === 'O' && l.ratePercent === undefined)).toBe(true);
    expect(e.vat).toEqual([{ category: 'O', ratePercent: undefined, basisCents: invoice.totals.netCents, taxCents: 0, exemptionReason: OUTSIDE_EU_MENTION, exemptionReasonCode: 'VATEX-EU-O' }]);
    expect(e.seller.vatId).toBeUndefined();
    expect(e.buyer.vatId).toBeUndefined();
  });

  it('a credit note is a 381 with positive amounts, its preceding invoice (BT-25), and no due date', () => {
    const { invoice } = invoiceWhere((country) => country === 'FR');
    const note = issuedCreditNote(invoice, 'full', 'AV-2026-000007');
    const e = readCiiXml(facturX(invoiceDocumentModel(note, undefined, seller, { referencedNumber: invoice.number, referencedDate: invoice.issueDate })).xml);
    expect(note.totals.totalCents).toBeLessThan(0);
    expectTermsOf(e, note, -1);
    expect(e.typeCode).toBe('381');
    expect(e.precedingInvoice).toBe(invoice.number);
    expect(e.precedingInvoiceDate).toBe(invoice.issueDate);
    expect(e.dueDate).toBeUndefined();
    expect(e.totals.grandTotalCents).toBe(invoice.totals.totalCents);
    expect(e.notes).toEqual([]);
  });

  it('the late surcharge is outside the scope of VAT (O), with the unpaid invoice named in a note', () => {
    const { invoice } = invoiceWhere((country) => country === 'FR');
    const surcharge = issuedSurcharge(invoice, invoice.totals.totalCents, true, 'F-2026-000099');
    const e = readCiiXml(facturX(invoiceDocumentModel(surcharge, undefined, seller, { referencedNumber: invoice.number })).xml);
    expectTermsOf(e, surcharge, 1);
    expect(e.typeCode).toBe('380');
    expect(e.vat).toEqual([{ category: 'O', ratePercent: undefined, basisCents: surcharge.totals.netCents, taxCents: 0, exemptionReason: OUTSIDE_VAT_SCOPE_MENTION, exemptionReasonCode: 'VATEX-EU-O' }]);
    expect(e.notes).toContainEqual({ subject: 'AAI', text: `Majoration de retard sur la facture n° ${invoice.number}` });
    expect(e.seller.vatId).toBeUndefined();
  });

  it('escapes what a client name may hold, and reads it back unchanged', () => {
    const { invoice } = invoiceWhere((country) => country === 'FR');
    const odd = { ...invoice, buyer: { ...invoice.buyer!, legalName: 'Dupont & Fils <SARL> « l’Étoile » "quote"' } };
    expect(readCiiXml(facturX(invoiceDocumentModel(odd, undefined, seller)).xml).buyer.name).toBe('Dupont & Fils <SARL> « l’Étoile » "quote"');
  });
});

describe('EN 16931 business rules, each failure explained in French', () => {
  const good = () => invoiceWhere((country) => country === 'FR').e;
  const rules = (e: EInvoice) => validateEInvoice(e).map((p) => p.rule);

  it('BR-CO-10 … BR-CO-16: totals that do not add up are named with their amounts', () => {
    const e = good();
    const problems = validateEInvoice({ ...e, totals: { ...e.totals, lineTotalCents: e.totals.lineTotalCents + 1, duePayableCents: 0 } });
    expect(problems.map((p) => p.rule)).toEqual(expect.arrayContaining(['BR-CO-10', 'BR-CO-13', 'BR-CO-16']));
    expect(problems.find((p) => p.rule === 'BR-CO-10')!.message).toMatch(/^Le total des lignes \(BT-106, [\d\s ]+,\d\d\s€\) doit être la somme/);
  });

  it('BR-CO-17: the VAT of a rate is its base × rate rounded, not a sum of per-line VAT', () => {
    const e = good();
    const [s] = e.vat;
    const problems = validateEInvoice({ ...e, vat: [{ ...s!, taxCents: s!.taxCents + 1 }], totals: { ...e.totals, taxTotalCents: e.totals.taxTotalCents + 1, grandTotalCents: e.totals.grandTotalCents + 1, duePayableCents: e.totals.duePayableCents + 1 } });
    expect(problems.map((p) => p.rule)).toEqual(['BR-CO-17']);
    expect(problems[0]!.message).toContain('arrondi au centime');
  });

  it('mandatory terms BR-01 … BR-16 and the French buyer SIREN', () => {
    const e = good();
    const broken: EInvoice = { ...e, specification: 'urn:other', number: '', currency: 'USD', seller: { ...e.seller, name: ' ' }, buyer: { ...e.buyer, name: '', siren: undefined }, lines: [] };
    expect(rules(broken)).toEqual(expect.arrayContaining(['BR-01', 'BR-02', 'BR-05', 'BR-06', 'BR-07', 'BR-16', 'FR-SIREN-ACHETEUR']));
    expect(validateEInvoice({ ...e, buyer: { ...e.buyer, siren: '123456789' } })[0]!.message).toContain('invalide (« 123456789 »)');
  });

  it('BR-S-10, BR-S-5, BR-AE-2, BR-O-2, BR-O-11, BR-CO-4, BR-55', () => {
    const e = good();
    expect(rules({ ...e, vat: e.vat.map((v) => ({ ...v, exemptionReason: 'Exonéré' })) })).toEqual(['BR-S-10']);
    expect(rules({ ...e, lines: e.lines.map((l) => ({ ...l, ratePercent: 0 })) })).toContain('BR-S-5');
    const ae = invoiceWhere((country, vat) => country !== 'FR' && !!vat).e;
    expect(rules({ ...ae, buyer: { ...ae.buyer, vatId: undefined, siren: undefined } })).toEqual(['BR-AE-2']);
    expect(rules({ ...ae, vat: ae.vat.map(({ exemptionReason: _r, exemptionReasonCode: _c, ...v }) => v) })).toEqual(['BR-AE-10']);
    const o = invoiceWhere((country) => country === 'US' || country === 'CH').e;
    expect(rules({ ...o, seller: { ...o.seller, vatId: 'FR44732829320' } })).toEqual(['BR-O-2']);
    expect(rules({ ...o, lines: [...o.lines, { ...e.lines[0]!, id: '9' }] })).toEqual(expect.arrayContaining(['BR-O-11', 'BR-S-1']));
    expect(rules({ ...e, lines: e.lines.map((l) => ({ ...l, category: undefined })) })).toContain('BR-CO-4');
    expect(rules({ ...e, typeCode: '381' })).toEqual(['BR-55']);
  });

  it('a 0 % document with no regime mention has no VAT category: issuing is refused with the reasons', () => {
    const { invoice } = invoiceWhere((country) => country === 'FR');
    const zero = { ...invoice, lines: invoice.lines.map((l) => ({ ...l, vatRatePercent: 0 })), totals: { ...invoice.totals, vatCents: 0, totalCents: invoice.totals.netCents, byRate: [{ ratePercent: 0, baseCents: invoice.totals.netCents, vatCents: 0 }] } };
    expect(() => assertEInvoiceable([{ invoice, client: undefined }, { invoice: zero, client: undefined }], seller)).toThrow(
      new RegExp(`^Émission refusée, rien n’a été émis.\\nF-2026-000042 \\(${invoice.buyer!.legalName}\\) ne respecte pas la norme de facturation électronique EN 16931 :\\n– \\[BR-CO-4\\] Ligne 1 : aucune catégorie de TVA`),
    );
    expect(() => assertEInvoiceable([{ invoice, client: undefined }], seller)).not.toThrow();
  });
});

describe('every document the builders can produce validates and reads back equal (property)', () => {
  it('monthly invoices of any demo contract and month, their credit notes (full or partial) and late surcharges', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }), fc.nat(), fc.nat(), fc.boolean(), fc.double({ min: 0.01, max: 1, noNaN: true }), fc.boolean(),
        (seed, contractPick, monthPick, fullCredit, part, indemnity) => {
          const p = portfolio(seed);
          const contract = p.contracts[contractPick % p.contracts.length]!;
          const months = billedMonths(contract);
          const family = issuedMonthInvoice(p, contract, months[monthPick % months.length]!, 'F-2026-000001');
          if (!family) return;
          const { invoice, client } = family;
          const first = invoice.lines[0]!;
          const request = fullCredit ? 'full' as const : [{ lineIndex: 0, netCents: Math.max(1, Math.round(first.netCents * part)) }];
          const docs: [Invoice, string | null][] = [
            [invoice, null],
            [issuedCreditNote(invoice, request, 'AV-2026-000001'), invoice.number],
            [issuedSurcharge(invoice, Math.max(1, Math.round(invoice.totals.totalCents * part)), indemnity, 'F-2026-000002'), invoice.number],
          ];
          for (const [doc, ref] of docs) {
            const model = invoiceDocumentModel(doc, client, seller, { referencedNumber: ref, referencedDate: ref ? invoice.issueDate : null });
            const { invoice: e, xml, problems } = facturX(model);
            expect(problems).toEqual([]);
            expect(readCiiXml(xml)).toEqual(JSON.parse(JSON.stringify(e)));
            expect(eInvoiceOf(model).totals.grandTotalCents).toBe(Math.abs(doc.totals.totalCents));
          }
        },
      ),
      { numRuns: 150 },
    );
  }, 60_000);
});
