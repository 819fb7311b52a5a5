import { describe, expect, it } from 'vitest';
import {
  acceptIssuedNumber, addDays, allocateNumber, assertCents, assertNonNegativeCents, assertWholeCount, clientInputSchema, composeLetter, dunningSchedule, DEFAULT_RULE_SETTINGS,
  getTier, message, messageFr, messageOfFrench, parseDocumentNumber, parseEntity, parseIsoDate, parseYearMonth, priceListInForce, PRICE_LIST_2024_09_01, readLetterParams, startSeries,
  validateEInvoice, assertBillingContract, saidSchema, pushResponseSchema, apiErrorSchema, type EInvoice, type Message,
} from '../../src-core';
import { translateMessage } from '../../src-renderer/i18n/translate';
import { expectSaid, FRENCH } from './support/expect-said';
import { refusalOf } from './support/refusal-of';

// Issue 19, s12: the last French of English mode — e-invoicing refusals and the
// EN 16931 rules, numbering, price lists, billing dates, reminder delays, a
// letter's params, the low-level asserts, a refused input's field names, the
// price-change objection's stored rule and the server's reasons on the wire —
// are message codes. Their French is what src-core wrote before (read here as
// the literal text), their English has no French left.


describe('English mode, s12 (issue 19)', () => {
  it('an e-invoicing refusal names each document and rule, its French word for word', () => {
    const e: EInvoice = {
      specification: 'urn:cen.eu:en16931:2017', number: 'F-2026-000001', issueDate: '2026-10-01', typeCode: '380', currency: 'EUR', dueDate: '2026-09-01',
      period: { from: '2026-10-31', to: '2026-10-01' },
      seller: { name: 'DOKOS SAS', siren: '123456789', vatId: '', address: { lines: [], city: 'Nancy', postalCode: '54000', country: 'FR' } },
      buyer: { name: 'Client', siren: '12345678', address: { lines: [], city: 'Metz', postalCode: '57000', country: 'FR' } },
      lines: [{ id: '1', name: 'Abonnement', quantity: 1, unitCode: 'C62', netPriceCents: 4900, netCents: 4900, category: 'S', ratePercent: 20 }],
      vat: [{ category: 'S', ratePercent: 20, basisCents: 4900, taxCents: 981 }],
      totals: { lineTotalCents: 4900, taxBasisCents: 4900, taxTotalCents: 981, grandTotalCents: 5881, duePayableCents: 5881 },
    } as unknown as EInvoice;
    const problems = validateEInvoice(e);
    const byRule = Object.fromEntries(problems.map((p) => [p.rule, p]));
    expect(byRule['BR-CO-17']!.message).toBe('Détail de TVA taux normal (S) : la TVA (BT-117, 9,81\u00a0€) doit être 49,00\u00a0€ × 20 % arrondi au centime près, soit 9,80\u00a0€.');
    expect(byRule['FR-SIREN-ACHETEUR']!.message).toBe('Le SIREN de l’acheteur français (BT-47, schéma 0002) est invalide (« 12345678 ») : il est obligatoire pour la facture électronique.');
    expect(byRule['BR-29']!.message).toBe('La fin de la période de facturation (BT-74, 01/10/2026) précède son début (BT-73, 31/10/2026).');
    expect(byRule['FR-ECHEANCE']!.message).toBe('L’échéance (BT-9, 01/09/2026) précède la date d’émission (BT-2, 01/10/2026).');
    expect(byRule['BR-S-2']!.message).toBe('Une facture au taux normal porte le numéro de TVA du vendeur (BT-31).');
    for (const p of problems) {
      expect(messageFr(p.said)).toBe(p.message);
      expect(translateMessage('en', p.said)).not.toMatch(FRENCH);
    }
    expect(translateMessage('en', byRule['BR-CO-17']!.said)).toBe('VAT breakdown standard rate (S): the VAT (BT-117, €9.81) must be €49.00 × 20% rounded to the cent, that is €9.80.');
  });

  it('numbering and series refusals', () => {
    const series = startSeries('F', 2026);
    const { series: one } = allocateNumber(series, '2026-03-01');
    expectSaid(refusalOf(() => acceptIssuedNumber(one, 'F-2026-000001', '2026-03-02')), 'Le numéro F-2026-000001 a déjà été attribué : un numéro ne se réutilise pas.');
    expectSaid(refusalOf(() => acceptIssuedNumber(one, 'F-2026-000004', '2026-03-02')), 'Le numéro F-2026-000004 sauterait 2 numéros de la série F-2026 : la numérotation doit être continue.');
    expectSaid(refusalOf(() => acceptIssuedNumber(one, 'F-2026-000002', '2026-02-01')), "Le 01/02/2026 précède la date du dernier document de la série F-2026 (01/03/2026) : la numérotation doit suivre l'ordre chronologique.");
    expectSaid(refusalOf(() => acceptIssuedNumber(one, 'AV-2026-000002', '2026-03-02')), "Le numéro AV-2026-000002 n'appartient pas à la série F-2026.");
    expectSaid(refusalOf(() => parseDocumentNumber('F-26-1')), 'Numéro de facture invalide : « F-26-1 » (attendu F-AAAA-NNNNNN, F-AAAA-<poste>-NNNN ou AV-… de même).');
    expectSaid(refusalOf(() => startSeries('F', 2026, 'l01')), 'Code de poste invalide : « l01 » (une majuscule puis 1 à 9 majuscules ou chiffres).');
    const english = expectSaid(refusalOf(() => allocateNumber({ ...startSeries('F', 2026, 'L01'), lastNumber: 9999 }, '2026-03-01')), /^La série F-2026-L01 est épuisée \(9\s999 numéros\) : demander une nouvelle série\.$/);
    expect(english).toBe('Series F-2026-L01 is used up (9,999 numbers): ask for a new series.');
  });

  it('price lists, billing dates, reminder delays, letter params and the low-level asserts', () => {
    const lists = [PRICE_LIST_2024_09_01];
    expectSaid(refusalOf(() => priceListInForce('2024-01-01', lists)), "Aucune grille tarifaire n'est en vigueur le 01/01/2024 (la première date du 01/09/2024).");
    expectSaid(refusalOf(() => priceListInForce('2024-01-01', [])), "Aucune grille tarifaire n'est en vigueur le 01/01/2024 (aucune grille enregistrée).");
    expectSaid(refusalOf(() => getTier('T5', PRICE_LIST_2024_09_01.id, lists)), /^Formule inconnue : « T5 » n'existe pas dans la grille /);
    expectSaid(refusalOf(() => assertBillingContract({ id: 'k1', startDate: '2026-01-01', paymentTermDays: -3 } as never)), 'Contrat k1 : délai de paiement invalide (−3 jours).');
    expectSaid(refusalOf(() => assertBillingContract({ id: 'k1', startDate: '2026-01-01', terminationEffectiveDate: '2025-12-31' } as never)), 'Contrat k1 : la résiliation (31/12/2025) précède le début du contrat (01/01/2026).');
    const delays = expectSaid(
      refusalOf(() => dunningSchedule('2026-01-01', { ...DEFAULT_RULE_SETTINGS, dunningFormalNoticeDays: 5 })),
      'Délais de relance incohérents : « Mise en demeure de payer » à 5 jours de l’échéance ne suit pas l’étape précédente (7 jours).',
    );
    expect(delays).toBe('Inconsistent reminder delays: “Formal notice to pay” at 5 days after the due date does not follow the previous step (7 days).');
    expectSaid(refusalOf(() => dunningSchedule('2026-01-01', { ...DEFAULT_RULE_SETTINGS, dunningReminderDays: 1.5 })), 'Délai « Relance » invalide : 1.5 (un entier positif ou nul est attendu).');
    expectSaid(refusalOf(() => parseIsoDate('2026-02-30')), "Date impossible : « 2026-02-30 » n'existe pas dans le calendrier.");
    expectSaid(refusalOf(() => parseIsoDate('hier')), 'Date invalide : « hier » (format attendu AAAA-MM-JJ).');
    expectSaid(refusalOf(() => parseYearMonth('2026-13')), 'Mois invalide : « 2026-13 » (format attendu AAAA-MM).');
    expectSaid(refusalOf(() => addDays('2026-01-01', 0.5)), 'Nombre de jours invalide : 0.5 (un entier est attendu).');
    expectSaid(refusalOf(() => assertWholeCount(-1)), 'Nombre de jours invalide : -1 (un entier positif ou nul est attendu).');
    expectSaid(refusalOf(() => assertCents(1.5, 'paid')), 'Montant payé invalide : un montant en euros au centime près est attendu (exemple : 118,80 €).');
    expectSaid(refusalOf(() => assertNonNegativeCents(-100, 'toCredit')), 'Montant à créditer négatif refusé : -1,00\u00a0€.');
    expectSaid(refusalOf(() => composeLetter('paymentReminder', {} as never)), /^Courrier incomplet : \w+ — /);
    expectSaid(refusalOf(() => readLetterParams('paymentReminder', {})), /^Paramètres de lettre illisibles : \w+ — /);
  });

  it('a refused input names each field and its reason in the interface’s language, its French unchanged', () => {
    const error = refusalOf(() => parseEntity(clientInputSchema, { legalName: '', country: 'FR', hostingMode: 'cloud', siren: '123456780', billingAddress: { lines: ['1 rue'], postalCode: '54000', city: '' }, contact: { name: 'C', email: 'c@d.fr', phone: '03 83 12 34 56' } }, 'Client'));
    expect(error.message).toBe('Saisie refusée (Client). Raison sociale : La raison sociale est obligatoire. ; SIREN : SIREN invalide : la clé de contrôle (Luhn) ne correspond pas. ; Ville : La ville est obligatoire.');
    expect(translateMessage('en', error.said!)).toBe('Input refused (Client). Legal name: The company name is required.; SIREN: Invalid SIREN: the check digit (Luhn) does not match.; City: The city is required.');
  });

  it('the rule a price-change objection stores is read back with its dates', () => {
    const stored = 'Veille de l’entrée en vigueur des nouveaux prix : l’opposition du client résilie le contrat sans pénalité. Opposition reçue le 12/10/2026 ; nouveaux prix prévus le 01/01/2027 (§5.2).';
    const said = messageOfFrench(stored)!;
    expect(said).toEqual(message('rule.priceChange.objectionStored', { rule: { message: message('rule.priceChange.objectionEffective') }, on: { date: '2026-10-12' }, from: { date: '2027-01-01' } }));
    expect(messageFr(said)).toBe(stored);
    expect(translateMessage('en', said)).not.toMatch(FRENCH);
    expect(messageOfFrench(stored.replace('12/10/2026', 'hier'))).toBeUndefined();
  });

  it('a server’s reason travels as a code the laptop checks; one it cannot read is dropped, its French kept', () => {
    const said: Message = message('sync.refusal.seriesNotGranted', { series: 'F-2026-L01' });
    const answer = { results: [{ mutationId: 'm1', status: 'rejected', reason: messageFr(said), said }, { mutationId: 'm2', status: 'rejected', reason: 'Raison ancienne.', said: { code: 'sync.refusal.fromTheFuture' } }] };
    const parsed = pushResponseSchema.parse(answer);
    expect(parsed.results[0]).toEqual(answer.results[0]);
    expect(parsed.results[1]).toEqual({ mutationId: 'm2', status: 'rejected', reason: 'Raison ancienne.' });
    expect(saidSchema.safeParse({ code: 'refusal.input', params: { what: { word: 'code.entity.clients' }, details: { clauses: [said] }, more: '' } }).success).toBe(true);
    expect(apiErrorSchema.parse({ error: 'INVALID_CREDENTIALS', message: 'x', said: { code: 'sync.refusal.wrongCredentials' } }).said).toEqual({ code: 'sync.refusal.wrongCredentials' });
  });
});
