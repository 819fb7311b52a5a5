import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  messageFr,
  clientArchiveProblem, clientRemovalProblem, clientsWithSameSiren, clientVatWarning, contractDateIssues, contractInputSchema, countryGroups, deadlinesCsv, contractPriceListProblem, PRICE_LIST_2024_09_01, firstPriceListDate,
  nextContractReference, normalizeContractReference, parseEntity, referenceClash,
} from '../../src-core';

describe('contract references (CT-YYYY-NNNNN, unique)', () => {
  it('proposes the next free number of the year, never reusing a higher one', () => {
    expect(nextContractReference(2026, [])).toBe('CT-2026-00001');
    expect(nextContractReference(2026, ['CT-2026-00001', 'CT-2026-00007', 'CT-2025-00042', 'ct-2026-00003 '])).toBe('CT-2026-00008');
    // Other formats kept from before are valid references but do not number the series.
    expect(nextContractReference(2026, ['CT-2026-0009', 'CT-1-PRORATA'])).toBe('CT-2026-00001');
    expect(nextContractReference(2027, ['CT-2026-00099'])).toBe('CT-2027-00001');
  });

  it('the proposed reference is always free (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 99_999 }), { maxLength: 30 }), fc.integer({ min: 2024, max: 2030 }), (numbers, year) => {
        const refs = numbers.map((n) => `CT-${year}-${String(n).padStart(5, '0')}`);
        const next = nextContractReference(year, refs);
        expect(next).toMatch(/^CT-\d{4}-\d{5,}$/);
        expect(referenceClash({ id: 'new', reference: next }, refs.map((reference, i) => ({ id: `c${i}`, reference })))).toBeUndefined();
      }),
    );
  });

  it('refuses a reference another contract has, ignoring case and spaces, but not the contract itself', () => {
    const stored = [{ id: 'a', reference: 'CT-2026-00001' }, { id: 'b', reference: 'CT-2026-00002' }];
    expect(messageFr(referenceClash({ id: 'new', reference: ' ct-2026-00001' }, stored)!)).toBe('La référence ct-2026-00001 est déjà celle d’un autre contrat : choisissez-en une autre.');
    expect(referenceClash({ id: 'a', reference: 'CT-2026-00001' }, stored)).toBeUndefined();
    expect(referenceClash({ id: 'new', reference: 'CT-2026-00003' }, stored)).toBeUndefined();
    expect(normalizeContractReference(' ct-2026-00001 ')).toBe('CT-2026-00001');
  });
});

describe('contract dates a person cannot mean', () => {
  const base = { clientId: 'c', reference: 'CT-2026-00001', tier: 'T99', priceListId: 'PL-2024-09-01', status: 'active', history: [] };

  // Issue 19: the first list is the first STORED one, so the check reads the lists (no longer a schema constant).
  it('refuses a start before the first stored price list', () => {
    const lists = [PRICE_LIST_2024_09_01];
    expect(firstPriceListDate(lists)).toBe('2024-09-01');
    expect(messageFr(contractPriceListProblem({ ...base, startDate: '2024-08-31' }, lists)!)).toBe('Un contrat ne peut pas commencer avant la première grille tarifaire (01/09/2024).');
    expect(contractPriceListProblem({ ...base, startDate: '2024-09-01' }, lists)).toBeNull();
    expect(messageFr(contractPriceListProblem({ ...base, startDate: '2026-01-01', priceListId: 'PL-1999' }, lists)!)).toBe('Grille tarifaire inconnue : « PL-1999 ».');
    expect(parseEntity(contractInputSchema, { ...base, startDate: '2024-09-01' }, 'Contrat').startDate).toBe('2024-09-01');
  });

  it('refuses a notice received in the future, a start over a year ahead and an end beyond reason', () => {
    const today = '2026-12-04';
    expect(contractDateIssues({ startDate: '2026-03-16', terminationNotice: { receivedOn: '2026-12-04' }, terminationEffectiveDate: '2027-01-31' }, today)).toEqual([]);
    const issues = contractDateIssues({ startDate: '2028-01-01', terminationNotice: { receivedOn: '2026-12-05' }, terminationEffectiveDate: '2207-01-31' }, today);
    expect(issues.map((i) => i.path)).toEqual(['startDate', 'terminationNotice.receivedOn', 'terminationEffectiveDate']);
    expect(issues[1]!.message).toBe('Un préavis ne peut pas avoir été reçu dans le futur (05/12/2026, après aujourd’hui 04/12/2026).');
    expect(issues[2]!.message).toMatch(/^Date de résiliation invraisemblable \(31\/01\/2207\)/);
  });

  it('a date accepted today stays accepted later (property): a laptop and the server agree whenever it arrives', () => {
    const day = fc.integer({ min: 0, max: 2000 }).map((n) => new Date(Date.UTC(2024, 8, 1) + n * 86_400_000).toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, day, day, fc.integer({ min: 0, max: 900 }), (start, received, today, later) => {
        const contract = { startDate: start, terminationNotice: { receivedOn: received }, terminationEffectiveDate: received };
        const laterDay = new Date(Date.parse(today) + later * 86_400_000).toISOString().slice(0, 10);
        if (contractDateIssues(contract, today).length === 0) expect(contractDateIssues(contract, laterDay)).toEqual([]);
      }),
    );
  });
});

describe('client warnings', () => {
  it('finds the other clients with the same SIREN, not the client itself', () => {
    const others = [{ id: 'a', siren: '732829320', legalName: 'Martin' }, { id: 'b', siren: '552100554', legalName: 'Autre' }];
    expect(clientsWithSameSiren({ siren: '732 829 320' }, others).map((c) => c.legalName)).toEqual(['Martin']);
    expect(clientsWithSameSiren({ id: 'a', siren: '732829320' }, others)).toEqual([]);
    expect(clientsWithSameSiren({ siren: undefined }, others)).toEqual([]);
  });

  it('warns for an EU client without a VAT number, not for France, the rest of the world or a valid number', () => {
    expect(messageFr(clientVatWarning({ country: 'BE' })!)).toMatch(/sans numéro de TVA intracommunautaire/);
    expect(clientVatWarning({ country: 'DE', vatNumber: 'DE123456789' })).toBeNull();
    expect(clientVatWarning({ country: 'FR' })).toBeNull();
    expect(clientVatWarning({ country: 'CH' })).toBeNull();
    expect(clientVatWarning({ country: 'ZZ' })).toBeNull();
  });

  it('groups the countries: France, the 26 other member states, the rest of the world', () => {
    const { france, eu, world } = countryGroups();
    expect(france).toEqual(['FR']);
    expect(eu).toHaveLength(26);
    expect(eu).toContain('GR');
    expect(world).toContain('CH');
    expect(world).not.toContain('DE');
    expect(new Set([...france, ...eu, ...world]).size).toBe(249);
  });
});

describe('archiving and deleting a client', () => {
  it('archives only a client with nothing running', () => {
    expect(clientArchiveProblem([])).toBeNull();
    expect(messageFr(clientArchiveProblem(['CT-2026-00001'])!)).toBe('Archivage impossible : le contrat CT-2026-00001 est encore en cours. Enregistrez d’abord sa résiliation.');
    expect(messageFr(clientArchiveProblem(['CT-1', 'CT-2'])!)).toMatch(/^Archivage impossible : les contrats CT-1, CT-2 sont encore en cours/);
  });

  it('deletes only a client created by mistake: no issued document, no letter sent', () => {
    expect(clientRemovalProblem([], 0)).toBeNull();
    expect(messageFr(clientRemovalProblem(['F-2026-000001'], 0)!)).toBe('Suppression impossible : la facture émise F-2026-000001 doit être conservée. Archivez plutôt ce client.');
    expect(messageFr(clientRemovalProblem(['F-1', 'F-2', 'F-3', 'AV-1'], 2)!)).toBe('Suppression impossible : 4 documents émis (F-1, F-2, F-3…) doivent être conservés. Archivez plutôt ce client.');
    expect(messageFr(clientRemovalProblem([], 1)!)).toBe('Suppression impossible : un courrier a été envoyé à ce client. Archivez plutôt ce client.');
    expect(messageFr(clientRemovalProblem([], 3)!)).toMatch(/3 courriers ont été envoyés/);
  });
});

describe('deadlines export', () => {
  it('writes each deadline with its rule and clause, for Excel in French', () => {
    const deadline = { kind: 'termination_effective' as const, label: 'Résiliation effective', value: '2027-01-31', rule: 'Fin du mois suivant la réception du préavis (§1)', clause: '§1' };
    const file = deadlinesCsv([{ clientName: 'Boulangerie « Martin »; SARL', contractReference: 'CT-2026-00001', deadline }], '2026-12-04', '2027-03-04');
    expect(file.name).toBe('echeances-2026-12-04-2027-03-04.csv');
    expect(file.content).toBe('\ufeffDate;Échéance;Client;Contrat;Règle;Clause\r\n2027-01-31;Résiliation effective;"Boulangerie « Martin »; SARL";CT-2026-00001;Fin du mois suivant la réception du préavis (§1);§1\r\n');
  });
});
