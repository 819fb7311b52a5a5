import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  applyPercent, assertNewPricesFrom, checkContinuity, divRoundHalfAwayFromZero, easterSunday, generateDemoPortfolio, invoiceTotals, message, messageFr, MESSAGES_FR, mulDivRound,
  messageOfFrench, parseInstant, parisWallClockToUtc, planTierChange, PRICE_LIST_2024_09_01, type Contract, parseXml, readCdar, readCiiXml, settlement, sirenCheckDigit, toThousandths, vatRegime, type MessageCode,
} from '../../src-core';
import { apiErrorSchema } from '../../src-core/sync';
import { en } from '../../src-renderer/i18n/en';
import { translate, translateMessage } from '../../src-renderer/i18n/translate';
import { asSyncError, SyncError } from '../../src-renderer/sync/sync-error';
import { refusedHere } from '../../src-renderer/sync/push-outbox';
import { checkServerUrl } from '../../src-renderer/sync/server-url';
import { HttpError, parseBody, tooLarge } from '../../src-server/http/errors';
import { cleanJson } from '../../src-server/http/hostile-input';
import { expectSaid, FRENCH } from './support/expect-said';
import { refusalOf } from './support/refusal-of';

// Issue 19, s13: what was still French in English mode — src-core's last
// refusals built in French, the server's own refusals of a request, the sync
// failures and set-aside reasons the laptop words itself — are message codes.
// Their French is what was written before (the literal text here), their
// English has no French left.


/** What `action` throws (any error). */
function thrownBy(action: () => unknown): Error {
  try {
    action();
  } catch (error) {
    return error as Error;
  }
  throw new Error('nothing thrown');
}

describe('English mode, s13 (issue 19)', () => {
  it('every message code of src-core has its English, without French', () => {
    const french: string[] = [];
    for (const code of Object.keys(MESSAGES_FR) as MessageCode[]) {
      expect(en[code], code).toBeTruthy();
      const names = [...en[code].matchAll(/\{(\w+)(?:\|[^{}]*)?\}/g)].map((m) => m[1]!);
      const text = translate('en', code, Object.fromEntries(names.map((n) => [n, 2])));
      if (FRENCH.test(text)) french.push(`${code}: ${text}`);
    }
    expect(french).toEqual([]);
  });

  it('numbering continuity, a SIREN’s first digits, XML, CII and lifecycle reading', () => {
    const problems = checkContinuity(['F-2026-000001', 'F-2026-000003', 'F-2026-000003', 'F-2026-000007', 'F-2027-000004', 'n° 5']);
    expect(problems.map((p) => translateMessage('en', p))).toEqual([
      '“n° 5” is not a valid document number.',
      'F-2027-000004 does not belong to series F-2026.',
      'Gap in the numbering: F-2026-000002 is missing.',
      'Number used twice: F-2026-000003.',
      'Gap in the numbering: F-2026-000004 to F-2026-000006 are missing.',
    ]);
    expectSaid(refusalOf(() => sirenCheckDigit('1234')), 'Début de SIREN invalide : « 1234 » (8 chiffres attendus).');
    expectSaid(refusalOf(() => parseXml('<a>&nbsp;</a>')), 'XML illisible : entité inconnue &nbsp;.');
    expect(expectSaid(refusalOf(() => parseXml('<a><b></a>')), 'XML illisible : balise fermante </a> inattendue.')).toBe('Unreadable XML: unexpected closing tag </a>.');
    expectSaid(refusalOf(() => parseXml('<!DOCTYPE a><a/>')), 'XML illisible : les déclarations de type de document ne sont pas acceptées.');
    expectSaid(refusalOf(() => readCiiXml('<Invoice/>')), 'Ce XML n’est pas une facture CII (racine Invoice).');
    expectSaid(refusalOf(() => readCdar('<x/>')), 'Message de cycle de vie illisible : racine x.');
  });

  it('VAT, payments, money, years, Paris instants, usage, new prices and the demo’s options', () => {
    expectSaid(refusalOf(() => invoiceTotals([{ netCents: 100, vatRatePercent: 120 }])), 'Taux de TVA invalide : 120 % (entre 0 et 100 attendu).');
    expectSaid(refusalOf(() => vatRegime({ country: 'ZZ' } as never)), 'Pays invalide : « ZZ » (code ISO 3166 à deux lettres attendu, par exemple FR, DE, CH).');
    expectSaid(refusalOf(() => settlement({ totalCents: 1000, dueDate: '2026-10-31', paymentsCents: [-5] } as never, '2026-10-01')), 'Un paiement enregistré est toujours positif.');
    expectSaid(refusalOf(() => divRoundHalfAwayFromZero(1n, 0n)), 'Division par zéro.');
    expectSaid(refusalOf(() => mulDivRound(100, 1.5, 2)), 'Facteur non entier : 1.5/2.');
    expectSaid(refusalOf(() => applyPercent(100, 5.555)), 'Taux invalide : 5.555 % (deux décimales au plus).');
    expectSaid(refusalOf(() => easterSunday(1200)), /^Année invalide : 1200 \(un entier entre \d+ et \d+ est attendu\)\.$/);
    expectSaid(refusalOf(() => parseInstant('2026-02-30T10:00:00Z')), 'Horodatage invalide : « 2026-02-30T10:00:00Z » (le 2026-02-30 n’existe pas dans le calendrier).');
    expectSaid(refusalOf(() => parseInstant('hier')), 'Horodatage invalide : « hier » (format attendu AAAA-MM-JJTHH:MM:SS+HH:MM).');
    // The date now written as everywhere else (it was ISO).
    expect(expectSaid(refusalOf(() => parisWallClockToUtc({ date: '2026-03-29', msOfDay: 2.5 * 3_600_000 })), 'Heure inexistante à Paris le 29/03/2026 (passage à l’heure d’été).')).toMatch(/^This time does not exist in Paris on /);
    expectSaid(refusalOf(() => toThousandths(-1, 'databaseGB')), 'Consommation invalide pour base de données : -1 (un nombre positif ou nul est attendu).');
    expectSaid(refusalOf(() => assertNewPricesFrom('2026-10-01', '2026-11-15')), 'Date d’application des nouveaux prix invalide : 15/11/2026 (un premier jour de mois à partir du 01/12/2026 est attendu, §5.2).');
    expectSaid(refusalOf(() => generateDemoPortfolio({ seed: 1, clients: 0 })), 'Taille de portefeuille invalide : 0 (de 1 à 100 000 clients).');
    expectSaid(refusalOf(() => generateDemoPortfolio({ seed: 1, clients: 1, today: '2020-01-01' })), /^La date du portefeuille \(01\/01\/2020\) précède la première grille tarifaire \(\d{2}\/\d{2}\/\d{4}\)\.$/);
  });

  it('a tier change’s plan is said in English, its French as the history kept it', () => {
    const contract = { id: 'k1', clientId: 'c1', reference: 'CT-2026-00001', tier: 'T49', priceListId: PRICE_LIST_2024_09_01.id, startDate: '2026-01-01', status: 'active', history: [], createdAt: '2026-01-01T09:00:00+01:00', updatedAt: '2026-01-01T09:00:00+01:00', version: 1 } as unknown as Contract;
    const plan = planTierChange(contract, 'T99', '2026-09', '2026-10-15', [PRICE_LIST_2024_09_01]);
    expect(plan.rule).toMatch(/^Formule T49 \(.+ HT\) → T99 \(.+ HT\) à compter du 01\/09\/2026, soit \+.+ HT par mois \(§5\.1\) ; date antérieure au 15\/10\/2026 : changement rétroactif\.$/);
    expect(messageFr(plan.said)).toBe(plan.rule);
    expect(translateMessage('en', plan.said)).toMatch(/^Tier T49 \(€.+ excl\. VAT\) → T99 \(€.+ excl\. VAT\) from .+, that is \+€.+ excl\. VAT per month \(§5\.1\); date before .+: retroactive change\.$/);
  });

  it('a termination’s stored rule on an acknowledged receipt, and a force majeure’s, are read back in English', () => {
    const stored = [
      'Résiliation pour défaut de paiement effective à la réception de la lettre (C. civ. 1225, 1229 ; §6.6) : reçue le 12/10/2026.',
      'Résiliation pour manquement non résolu effective à la réception de la lettre (C. civ. 1229 ; §6.6) : reçue le 12/10/2026.',
      'Huit jours après l’envoi de la lettre recommandée notifiant la résiliation pour force majeure. (envoi le 01/02/2027)',
    ];
    const english = stored.map((text) => {
      const said = messageOfFrench(text);
      expect(said, text).toBeDefined();
      expect(messageFr(said!)).toBe(text);
      return translateMessage('en', said!);
    });
    for (const text of english) expect(text, text).not.toMatch(FRENCH);
    expect(english[0]).toMatch(/^Termination for non-payment effective on receipt of the letter \(Civil Code 1225, 1229; §6\.6\): received on .+\.$/);
  });

  it('a termination’s stored rule on a presumed receipt, written before it had a code, is read back in English with its count of days', () => {
    const stored = [
      'Résiliation pour défaut de paiement effective à la réception de la lettre (C. civ. 1225, 1229 ; §6.6) : réception présumée le 15/10/2026 (envoi + 3 jours, tant que la date de l’avis de réception n’est pas connue).',
      'Résiliation pour manquement non résolu effective à la réception de la lettre (C. civ. 1229 ; §6.6) : réception présumée le 13/10/2026 (envoi + 1 jour, tant que la date de l’avis de réception n’est pas connue).',
    ];
    const said = stored.map((text) => messageOfFrench(text));
    expect(said[0]).toEqual({ code: 'rule.termination.nonPaymentPresumed', params: { on: { date: '2026-10-15' }, days: 3 } });
    expect(said[1]).toEqual({ code: 'rule.termination.breachPresumed', params: { on: { date: '2026-10-13' }, days: 1 } });
    stored.forEach((text, i) => expect(messageFr(said[i]!)).toBe(text));
    const english = said.map((m) => translateMessage('en', m!));
    for (const text of english) expect(text, text).not.toMatch(FRENCH);
    expect(english[1]).toMatch(/^Termination for an uncured breach effective on receipt of the letter \(Civil Code 1229; §6\.6\): receipt presumed on .+ \(sending \+ 1 day, until .+\)\.$/);
    // A count the forms do not allow is not read as one.
    expect(messageOfFrench(stored[0]!.replace('3 jours', 'trois jours'))).toBeUndefined();
  });

  it('the server’s own refusals of a request carry their code; the laptop keeps it from the wire', () => {
    const schema = z.strictObject({ deviceId: z.string(), mutations: z.array(z.number()) });
    const refused = thrownBy(() => parseBody(schema, { deviceId: 3, mutations: [], extra: true })) as HttpError;
    expect(refused).toBeInstanceOf(HttpError);
    // zod's own words, in French as the server always wrote them and in English for the laptop.
    expect(refused.message).toMatch(/^Requête invalide : deviceId — .+ ; \(corps\) — .+extra.+$/);
    expect(refused.message).not.toMatch(/\b(?:expected|received|Unrecognized)\b/);
    const english = expectSaid(refused, refused.message);
    expect(english).toMatch(/^Invalid request: deviceId — Invalid input: expected string, received number; \(body\) — Unrecognized key: "extra"$/);
    const many = thrownBy(() => parseBody(z.strictObject({}), Object.fromEntries(Array.from({ length: 25 }, (_, i) => [`k${i}`, i])))) as HttpError;
    expect(expectSaid(many, /^Requête invalide : \(corps\) — .+$/)).toMatch(/^Invalid request: \(body\) — Unrecognized keys: .+$/);

    expectSaid(tooLarge(2 * 1024 * 1024), 'Requête trop volumineuse (2048 Kio au plus) : envoyez les mutations en plusieurs lots.');
    const hostile = cleanJson({ a: { ['__proto__']: 1, b: 'x' } });
    expect(hostile.ok).toBe(false);
    const reason = !hostile.ok ? hostile.reason : message('http.refused');
    expect(messageFr(reason)).toBe('clé interdite « __proto__ » (champ a).');
    expect(translateMessage('en', reason)).toBe('forbidden key “__proto__” (field a).');
    const control = cleanJson({ name: 'a\u0001b' });
    expect(!control.ok && translateMessage('en', control.reason)).toBe('forbidden control character (U+0001) (field name).');

    // What the wire carries, as the laptop reads it back.
    const body = { error: refused.code, message: refused.message, said: refused.said };
    expect(apiErrorSchema.parse(JSON.parse(JSON.stringify(body))).said).toEqual(refused.said);
  });

  it('the laptop’s own sync failures and set-aside reasons are codes', () => {
    const noAnswer = new SyncError('badAnswer', message('sync.error.noAnswer'));
    expect(expectSaid(noAnswer, 'Le serveur n’a répondu pour aucune des modifications envoyées.')).toBe('The server answered none of the changes sent.');
    // A server's French beside its code, and a kind's own words, as before.
    expect(new SyncError('refused', 'Requête refusée.', 400, message('http.refused')).said).toEqual(message('http.refused'));
    expect(new SyncError('timeout', 'Le serveur n’a pas répondu à temps.').said).toEqual(message('sync.error.timeout'));
    expectSaid(asSyncError(new Error('boom')), 'Synchronisation interrompue : boom');
    const suspect = refusedHere({ mutationId: 'm1' }, message('sync.setAside.serverFails', { status: { message: message('sync.setAside.httpStatus', { status: '500' }) } }));
    expect(suspect).toMatchObject({ status: 'rejected' });
    if (suspect.status !== 'rejected') return;
    expect(suspect.reason).toBe('Le serveur échoue (HTTP 500) à chaque envoi de cette modification, alors qu’il traite les autres : mise de côté pour ne pas bloquer la synchronisation. Corrigez l’enregistrement ou écartez la modification.');
    expectSaid({ message: suspect.reason, said: suspect.said }, suspect.reason);
    const plain = checkServerUrl('http://contrats.example');
    expect(!plain.ok && messageFr(plain.reason)).toBe('Connexion non chiffrée refusée : l’adresse doit commencer par https:// (http:// n’est admis que pour localhost).');
    expect(!plain.ok && translateMessage('en', plain.reason)).toBe('Unencrypted connection refused: the address must start with https:// (http:// is allowed for localhost only).');
    // Issuing through the central server: the count agrees (it was "envoyé(s)").
    expect(messageFr(message('central.unsent', { count: 1 }))).toBe('Un brouillon n’a pas pu être envoyé au serveur central (voir l’écran Synchronisation) : rien n’a été émis.');
    expect(translateMessage('en', message('central.unsent', { count: 3 }))).toBe('3 drafts could not be sent to the central server (see the Synchronisation screen): nothing was issued.');
    const tooBig = message('sync.setAside.tooLarge', { size: 1.5, max: 2 });
    expect(messageFr(tooBig)).toBe('Modification trop volumineuse pour le serveur (1,5 Mo, 2 Mo au plus par envoi) : raccourcissez les textes de l’enregistrement.');
    expect(translateMessage('en', tooBig)).toBe('Change too large for the server (1.5 MB, at most 2 MB per request): shorten the record’s texts.');
  });
});
