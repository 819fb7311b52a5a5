import { describe, expect, it } from 'vitest';
import {
  clientInputSchema,
  DEFAULT_RULE_SETTINGS,
  ruleSettingsSchema,
  clientSchema,
  contractSchema,
  DomainError,
  entitySchemas,
  ENTITY_LABELS,
  ENTITY_TYPES,
  invoiceSchema,
  letterSchema,
  parseEntity,
  paymentSchema,
  priceListRecordSchema,
  tierForMonth,
  usageDocumentSchema,
  usageOfMonth,
  ValidationError,
  withUsageMonth,
  demoPriceListRecord,
  type Contract,
} from '../../src-core';

const meta = { id: 'r1', createdAt: '2026-11-27T10:00:00+01:00', updatedAt: '2026-11-27T10:00:00Z', version: 0 };
const client = {
  ...meta,
  legalName: 'Boulangerie Martin SARL',
  siren: '732829320',
  vatNumber: 'FR44732829320',
  country: 'FR',
  billingAddress: { lines: ['12 rue Saint-Dizier'], postalCode: '54000', city: 'Nancy' },
  contact: { name: 'Camille Martin', email: 'camille@martin.fr', phone: '03 83 12 34 56' },
  hostingMode: 'cloud',
};

function issues(schema: Parameters<typeof parseEntity>[0], input: unknown): Record<string, string> {
  try {
    parseEntity(schema, input, 'Test');
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    expect(e).toBeInstanceOf(DomainError);
    return Object.fromEntries((e as ValidationError).issues.map((i) => [i.path, i.message]));
  }
  return {};
}

describe('client', () => {
  it('accepts a valid French client and normalises identifiers', () => {
    const parsed = parseEntity(clientSchema, { ...client, siren: '732 829 320', vatNumber: 'fr44 732829320', country: 'fr' }, 'Client');
    expect(parsed).toMatchObject({ siren: '732829320', vatNumber: 'FR44732829320', country: 'FR' });
  });

  it('gives one French message per wrong field, with a readable summary', () => {
    try {
      parseEntity(clientSchema, { ...client, siren: '732829321', legalName: ' ', contact: { name: 'X', email: 'x@', phone: 'abc' } }, 'Client');
      expect.unreachable();
    } catch (e) {
      const err = e as ValidationError;
      expect(err.code).toBe('INVALID_INPUT');
      expect(err.message).toContain('Saisie refusée (Client).');
      expect(err.message).toContain('SIREN : SIREN invalide : la clé de contrôle (Luhn) ne correspond pas.');
      expect(err.message).toContain('Raison sociale : La raison sociale est obligatoire.');
      expect(Object.keys(Object.fromEntries(err.issues.map((i) => [i.path, 1])))).toEqual(['legalName', 'siren', 'contact.email', 'contact.phone', 'vatNumber']);
    }
  });

  it('requires a SIREN and a 5-digit postal code in France', () => {
    const { siren: _siren, vatNumber: _vat, ...noSiren } = client;
    expect(issues(clientSchema, { ...noSiren, billingAddress: { ...client.billingAddress, postalCode: '5400' } })).toEqual({
      siren: 'Le SIREN est obligatoire pour un client français.',
      'billingAddress.postalCode': 'Code postal invalide : 5 chiffres attendus en France.',
    });
  });

  it('checks the VAT number against the country and the SIREN', () => {
    expect(issues(clientSchema, { ...client, vatNumber: 'FR96552100554' })).toEqual({ vatNumber: 'Numéro de TVA incohérent : il ne contient pas le SIREN du client.' });
    expect(issues(clientSchema, { ...client, vatNumber: 'FR45732829320' }).vatNumber).toMatch(/clé/);
    expect(issues(clientSchema, { ...client, country: 'DE', vatNumber: 'DE12' }).vatNumber).toMatch(/format non conforme/);
  });

  it('accepts a foreign client without SIREN, with or without VAT number, and a partner', () => {
    const foreign = { ...client, siren: undefined, country: 'CH', vatNumber: 'CHE-123.456.789', billingAddress: { lines: ['1 rue du Rhône'], postalCode: '1201', city: 'Genève' } };
    expect(parseEntity(clientSchema, foreign, 'Client').vatNumber).toBe('CHE123456789');
    const partner = { name: 'Intégra Conseil', email: 'contact@integra.fr' };
    expect(parseEntity(clientSchema, { ...foreign, vatNumber: undefined, partner }, 'Client').partner).toEqual(partner);
  });

  it('uses French messages for missing fields and wrong types', () => {
    const found = issues(clientInputSchema, { hostingMode: 'mars' });
    expect(found.legalName).toBe('La raison sociale est obligatoire.');
    expect(found.hostingMode).toMatch(/Mode d'hébergement invalide/);
    expect(found.billingAddress).toBe('Ce champ est obligatoire.'); // not zod's « chaîne attendue, indéfini reçu » (issue 16)
    expect(issues(clientSchema, { ...client, billingAddress: { lines: [], postalCode: '54000', city: 'Nancy' } })['billingAddress.lines']).toBe("L'adresse est obligatoire.");
  });
});

const contract: Contract = {
  ...meta,
  clientId: 'c1',
  reference: 'CT-2025-00001',
  tier: 'T99',
  priceListId: 'PL-2024-09-01',
  startDate: '2025-03-16',
  status: 'active',
  history: [],
};

describe('contract', () => {
  it('accepts an active contract', () => {
    expect(parseEntity(contractSchema, contract, 'Contrat')).toEqual(contract);
  });

  it('requires the notice and the effective date for a contract under notice or terminated', () => {
    expect(Object.keys(issues(contractSchema, { ...contract, status: 'notice_received' }))).toEqual(['terminationNotice']);
    expect(Object.keys(issues(contractSchema, { ...contract, status: 'terminated' }))).toEqual(['terminationEffectiveDate']);
  });

  it('refuses dates before the start and impossible dates', () => {
    const found = issues(contractSchema, {
      ...contract,
      status: 'notice_received',
      terminationNotice: { receivedOn: '2025-01-10', channel: 'email' },
      terminationEffectiveDate: '2025-02-28',
    });
    expect(found).toEqual({
      terminationEffectiveDate: 'La résiliation ne peut pas précéder le début du contrat.',
      'terminationNotice.receivedOn': 'Le préavis ne peut pas précéder le début du contrat.',
    });
    expect(issues(contractSchema, { ...contract, startDate: '2025-02-30' }).startDate).toMatch(/Date invalide/);
    expect(issues(contractSchema, { ...contract, tier: 'T50' }).tier).toMatch(/Formule inconnue/);
  });

  it('gives the tier of each month from the tier change history', () => {
    const history: Contract['history'] = [
      { kind: 'tier_change', at: meta.createdAt, actor: 'a', fromMonth: '2026-12', fromTier: 'T199', toTier: 'T499' },
      { kind: 'tier_change', at: meta.createdAt, actor: 'a', fromMonth: '2026-06', fromTier: 'T99', toTier: 'T199' },
      { kind: 'status_change', at: meta.createdAt, actor: 'a', from: 'active', to: 'suspended' },
    ];
    const changed = { ...contract, tier: 'T499' as const, history };
    expect(parseEntity(contractSchema, changed, 'Contrat')).toEqual(changed);
    expect(tierForMonth(changed, '2026-05')).toBe('T99');
    expect(tierForMonth(changed, '2026-06')).toBe('T199');
    expect(tierForMonth(changed, '2026-11')).toBe('T199');
    expect(tierForMonth(changed, '2027-01')).toBe('T499');
    expect(tierForMonth(contract, '2026-01')).toBe('T99');
  });
});

describe('usage document', () => {
  const doc = { ...meta, id: 'k1', contractId: 'k1', clientId: 'c1', months: [{ month: '2026-10', cpuHours: 1, databaseGB: 0.5, storageGB: 3 }] };

  it('is keyed by its contract and keeps months sorted and unique', () => {
    expect(parseEntity(usageDocumentSchema, doc, 'Usage')).toEqual(doc);
    expect(Object.keys(issues(usageDocumentSchema, { ...doc, id: 'other' }))).toEqual(['id']);
    expect(Object.keys(issues(usageDocumentSchema, { ...doc, months: [...doc.months, ...doc.months] }))).toEqual(['months.1.month']);
  });

  it('adds or replaces a month in order', () => {
    const sept = { month: '2026-09', cpuHours: 2, databaseGB: 0.1, storageGB: 1 };
    const months = withUsageMonth(doc.months, sept);
    expect(months.map((m) => m.month)).toEqual(['2026-09', '2026-10']);
    expect(withUsageMonth(months, { ...sept, cpuHours: 3 })).toHaveLength(2);
    expect(usageOfMonth({ months }, '2026-09')).toEqual(sept);
    expect(usageOfMonth({ months }, '2026-08')).toBeUndefined();
  });
});

describe('invoice', () => {
  const line = { label: 'Hébergement T99 — novembre 2026', quantity: 1, unitPriceCents: 9900, netCents: 9900, vatRatePercent: 20 };
  const draft = {
    ...meta,
    kind: 'invoice',
    status: 'draft',
    number: null,
    clientId: 'c1',
    contractId: 'k1',
    period: '2026-11',
    issueDate: '2026-11-01',
    dueDate: '2026-12-01',
    lines: [line],
    totals: { netCents: 9900, vatCents: 1980, totalCents: 11880, byRate: [{ ratePercent: 20, baseCents: 9900, vatCents: 1980 }] },
    vatMention: null,
  };

  it('accepts a consistent draft and an issued invoice', () => {
    expect(parseEntity(invoiceSchema, draft, 'Facture')).toEqual(draft);
    expect(parseEntity(invoiceSchema, { ...draft, status: 'issued', number: 'F-2026-000001' }, 'Facture').number).toBe('F-2026-000001');
  });

  it('ties the number to the status', () => {
    expect(issues(invoiceSchema, { ...draft, number: 'F-2026-000001' }).number).toBe("Un brouillon n'a pas de numéro.");
    expect(issues(invoiceSchema, { ...draft, status: 'issued' }).number).toBe('Un document émis porte un numéro.');
  });

  it('requires the references of each kind, and consistent dates and totals', () => {
    expect(issues(invoiceSchema, { ...draft, period: undefined }).period).toBe('Le mois facturé est obligatoire.');
    expect(Object.keys(issues(invoiceSchema, { ...draft, kind: 'credit_note' }))).toEqual(['creditedInvoiceId']);
    expect(Object.keys(issues(invoiceSchema, { ...draft, kind: 'surcharge' }))).toEqual(['surchargedInvoiceId']);
    expect(Object.keys(issues(invoiceSchema, { ...draft, dueDate: '2026-10-31' }))).toEqual(['dueDate']);
    expect(Object.keys(issues(invoiceSchema, { ...draft, totals: { netCents: 1, vatCents: 5, totalCents: 2, byRate: [] } }))).toEqual([
      'totals.netCents',
      'totals.vatCents',
      'totals.totalCents',
    ]);
    expect(issues(invoiceSchema, { ...draft, lines: [{ ...line, netCents: 99.5 }] })['lines.0.netCents']).toMatch(/au centime près/);
  });
});

describe('payment, letter, price list', () => {
  const payment = { ...meta, invoiceId: 'i1', clientId: 'c1', date: '2026-11-20', amountCents: 11880, method: 'virement', reference: 'VIR 123' };

  it('payments are positive, with a known method', () => {
    expect(parseEntity(paymentSchema, payment, 'Paiement')).toEqual(payment);
    expect(Object.keys(issues(paymentSchema, { ...payment, amountCents: 0, method: 'bitcoin' }))).toEqual(['amountCents', 'method']);
  });

  const letter = { ...meta, kind: 'terminationAcknowledgement', status: 'draft', clientId: 'c1', contractId: 'k1', params: { effectiveDate: '2026-12-31', amount: 100, copy: true, none: null } };

  it('letters need their sending and receipt dates once sent and received', () => {
    expect(parseEntity(letterSchema, letter, 'Lettre')).toEqual(letter);
    expect(Object.keys(issues(letterSchema, { ...letter, status: 'sent' }))).toEqual(['sentOn']);
    expect(Object.keys(issues(letterSchema, { ...letter, status: 'received', sentOn: '2026-11-20' }))).toEqual(['receivedOn']);
    expect(Object.keys(issues(letterSchema, { ...letter, status: 'received', sentOn: '2026-11-20', receivedOn: '2026-11-19' }))).toEqual(['receivedOn']);
    expect(parseEntity(letterSchema, { ...letter, status: 'received', sentOn: '2026-11-20', receivedOn: '2026-11-23', registeredNumber: '1A 123 456 7890 1' }, 'Lettre').status).toBe('received');
    expect(Object.keys(issues(letterSchema, { ...letter, kind: 'love_letter', registeredNumber: 'x' }))).toEqual(['kind', 'registeredNumber']);
  });

  it('the built-in price list is a valid record; duplicated tiers are refused', () => {
    const list = demoPriceListRecord();
    expect(parseEntity(priceListRecordSchema, list, 'Grille')).toEqual(list);
    expect(Object.keys(issues(priceListRecordSchema, { ...list, tiers: [...list.tiers, list.tiers[0]] }))).toEqual(['tiers.6.id']);
  });
});

describe('entity registry', () => {
  it('has a schema and a French label for every synced entity', () => {
    expect(Object.keys(entitySchemas).sort()).toEqual([...ENTITY_TYPES].sort());
    expect(Object.keys(ENTITY_LABELS).sort()).toEqual([...ENTITY_TYPES].sort());
    expect(entitySchemas.clients.safeParse(client).success).toBe(true);
  });

  it('a message without a path is listed as is', () => {
    expect(() => parseEntity(entitySchemas.payments, 'not an object', 'Paiement')).toThrow(/^Saisie refusée \(Paiement\)\. Entrée invalide/);
    // An empty number field reaches the schema as NaN: said in words, never "NaN".
    const empty = () => parseEntity(ruleSettingsSchema, { ...DEFAULT_RULE_SETTINGS, paymentTermDays: Number('') * Number.NaN }, 'Paramètres des règles');
    expect(empty).toThrow(/Délai de paiement : Un nombre est attendu \(le champ est vide ou contient autre chose que des chiffres\)\./);
    expect(empty).not.toThrow(/NaN/);
  });
});
