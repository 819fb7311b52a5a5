import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ValidationError,
  clientInputSchema,
  contractSchema,
  entitySchemas,
  letterParamsSchema,
  mutationSchema,
  paymentInputSchema,
  parseEntity,
  pullRequestSchema,
  pushRequestSchema,
  applyFieldChanges,
  sameFieldValue,
  withEmptyFieldsAsStored,
  type ClientInput,
} from '../../src-core';
import { TEXT_LIMITS, controlCharacterIn, isPlainText, isWellFormedText, malformedTextPath, text } from '../../src-core/model/text';

const CLIENT: ClientInput = {
  legalName: 'Boulangerie Martin SARL',
  siren: '732829320',
  country: 'FR',
  billingAddress: { lines: ['12 rue des Tilleuls'], postalCode: '54000', city: 'Nancy' },
  contact: { name: 'Claire Martin', email: 'claire@martin.fr', phone: '03 83 12 34 56' },
  hostingMode: 'cloud',
};

/** The French message a form or a CSV row shows for this client (parseEntity, as they use it). */
function refusal(input: unknown): ValidationError {
  try {
    parseEntity(clientInputSchema, input, 'Client');
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
  throw new Error('accepted');
}

describe('text fields: well-formed, NFC, bounded, in French', () => {
  it('refuses half an emoji (a lone surrogate), either half, wherever it sits', () => {
    for (const legalName of ['Café \ud83d', '\ude00 Café', 'Ca\ud83dfé']) {
      const error = refusal({ ...CLIENT, legalName });
      expect(error.message).toBe('Saisie refusée (Client). Raison sociale : Texte mal formé : un caractère y est coupé en deux (une moitié d’émoji, par exemple) ; retapez ce texte.');
      expect(error.issues).toEqual([{ path: 'legalName', message: expect.stringMatching(/^Texte mal formé/), said: { code: 'validation.text.malformed' } }]);
    }
    // A whole emoji is text like any other.
    expect(parseEntity(clientInputSchema, { ...CLIENT, legalName: 'Café 😀' }, 'Client').legalName).toBe('Café 😀');
  });

  it('refuses control characters in one-line fields, keeps line breaks in free text', () => {
    expect(refusal({ ...CLIENT, billingAddress: { ...CLIENT.billingAddress, city: 'Nancy\u0007' } }).issues).toEqual([
      { path: 'billingAddress.city', message: expect.stringMatching(/^Caractère invisible interdit/), said: { code: 'validation.text.control' } },
    ]);
    expect(refusal({ ...CLIENT, contact: { ...CLIENT.contact, name: 'Claire\nMartin' } }).issues[0]?.path).toBe('contact.name');
    const free = text({ max: TEXT_LIMITS.freeText, multiline: true });
    expect(free.parse('Première ligne\r\nSeconde\tligne')).toBe('Première ligne\r\nSeconde\tligne');
    expect(free.safeParse('NUL\u0000').success).toBe(false);
    expect(free.safeParse('C1 \u0085').success).toBe(false);
  });

  it('stores text in NFC, trimmed: the same name typed two ways is one name', () => {
    const decomposed = 'Cre\u0301dit Agricole';
    const parsed = parseEntity(clientInputSchema, { ...CLIENT, legalName: `  ${decomposed} ` }, 'Client');
    expect(parsed.legalName).toBe('Crédit Agricole');
    expect(parsed.legalName).toBe(decomposed.normalize('NFC'));
  });

  it('bounds every text field with a French message', () => {
    expect(refusal({ ...CLIENT, legalName: 'x'.repeat(TEXT_LIMITS.name + 1) }).issues).toEqual([{ path: 'legalName', message: 'Texte trop long (200 caractères au plus).', said: { code: 'validation.text.tooLong', params: { max: '200' } } }]);
    expect(parseEntity(clientInputSchema, { ...CLIENT, legalName: 'x'.repeat(TEXT_LIMITS.name) }, 'Client').legalName).toHaveLength(200);
    expect(paymentInputSchema.safeParse({ invoiceId: 'i', clientId: 'c', date: '2026-11-27', amountCents: 100, method: 'virement', reference: 'r'.repeat(141) }).success).toBe(false);
    // A 4 MiB VAT mention, as the attack stored, is refused.
    const invoiceShape = (entitySchemas.invoices as unknown as { shape: Record<string, { safeParse(v: unknown): { success: boolean } }> }).shape;
    expect(invoiceShape.vatMention!.safeParse('x'.repeat(4 * 1024 * 1024)).success).toBe(false);
    expect(letterParamsSchema.safeParse({ montant: 'x'.repeat(TEXT_LIMITS.freeText + 1) }).success).toBe(false);
    expect(letterParamsSchema.safeParse({ ['k'.repeat(TEXT_LIMITS.code + 1)]: 1 }).success).toBe(false);
  });

  it('refuses unknown keys, at the top and inside, naming them in French', () => {
    expect(refusal({ ...CLIENT, couleur: 'bleu' }).message).toMatch(/Clé non reconnue.*couleur/);
    expect(refusal({ ...CLIENT, contact: { ...CLIENT.contact, fax: '03' } }).issues[0]?.path).toBe('contact');
  });

  it('plain text is told without normalizing it: each of its characters, alone or beside another, is its own NFC and no control', () => {
    const plain: string[] = [];
    for (let code = 0; code <= 0xffff; code++) if (isPlainText(String.fromCharCode(code))) plain.push(String.fromCharCode(code));
    // ASCII, Latin-1, the general punctuation from U+2010 to U+205E but U+2028–U+202F, and €.
    expect(plain).toHaveLength(95 + 96 + 24 + 47 + 1);
    for (const c of plain) {
      // Whole, no control, no combining mark: each starts anew what NFC composes, so a pair is as far as composition reaches.
      expect(isWellFormedText(c) && controlCharacterIn(c, false) === undefined && !/\p{M}/u.test(c)).toBe(true);
      for (const d of plain) if ((c + d).normalize('NFC') !== c + d) throw new Error(`U+${c.charCodeAt(0).toString(16)} U+${d.charCodeAt(0).toString(16)} composes`);
    }
    // Left to normalization: a combining accent, a singleton (the ångström sign), the line separator.
    for (const other of ['e\u0301', '\u212B', 'a\u2028b', '\u2000']) expect(isPlainText(other)).toBe(false);
  });

  it('any string: accepted exactly when well-formed (property)', () => {
    const schema = text({ max: 10_000 });
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (s) => {
        const hasControl = [...s].some((c) => c.charCodeAt(0) < 0x20 || (c.charCodeAt(0) >= 0x7f && c.charCodeAt(0) <= 0x9f));
        const ok = schema.safeParse(s);
        expect(ok.success).toBe(isWellFormedText(s) && !hasControl);
        if (ok.success) expect(ok.data).toBe(s.normalize('NFC').trim());
      }),
    );
  });
});

describe('wire schemas: strict, well-formed', () => {
  const mutation = {
    mutationId: '4b0f3a57-4a4f-4a43-9d1e-3c7b5b0c8f11',
    deviceId: 'poste-1',
    entity: 'clients',
    recordId: 'c-1',
    op: 'upsert',
    baseVersion: 0,
    changes: { legalName: 'Acme' },
    madeAt: '2026-11-27T10:00:00+01:00',
  };

  it('a mutation refuses unknown keys, malformed field names and half characters anywhere in its changes', () => {
    expect(mutationSchema.safeParse(mutation).success).toBe(true);
    expect(mutationSchema.safeParse({ ...mutation, seq: 3 }).success).toBe(false);
    expect(mutationSchema.safeParse({ ...mutation, changes: { 'legal name': 'x' } }).success).toBe(false);
    const nested = mutationSchema.safeParse({ ...mutation, changes: { partner: { name: 'P \ud83d' } } });
    expect(nested.success).toBe(false);
    expect(nested.error?.issues[0]).toMatchObject({ path: ['changes', 'partner', 'name'], message: expect.stringMatching(/^Texte mal formé/) });
    expect(mutationSchema.safeParse({ ...mutation, recordId: 'c-\ud800' }).success).toBe(false);
    expect(mutationSchema.safeParse({ ...mutation, deviceId: 'poste\u0000' }).success).toBe(false);
    expect(malformedTextPath({ a: [{ ['\udc00']: 1 }] })).toEqual(['a', 0, '(clé)']);
    expect(malformedTextPath({ a: ['ok', '😀'] })).toBeUndefined();
  });

  it('push and pull requests refuse unknown keys', () => {
    expect(pushRequestSchema.safeParse({ deviceId: 'poste-1', mutations: [mutation] }).success).toBe(true);
    expect(pushRequestSchema.safeParse({ deviceId: 'poste-1', mutations: [mutation], extra: 1 }).success).toBe(false);
    expect(pullRequestSchema.safeParse({ cursor: '0', limit: 10, entities: ['clients'], x: 1 }).success).toBe(false);
  });
});

describe('emptying a field on the wire (null) and in the merge', () => {
  it('null removes an optional field, stays null where the schema takes null', () => {
    const client = { id: 'c', legalName: 'A', vatNumber: 'DE123456789', partner: { name: 'P' } };
    expect(applyFieldChanges('clients', client, { partner: null, vatNumber: null })).toEqual({ id: 'c', legalName: 'A' });
    const draft = { id: 'f', number: null, vatMention: 'Autoliquidation', seriesId: 'S' };
    expect(applyFieldChanges('invoices', draft, { vatMention: null, seriesId: null })).toEqual({ id: 'f', number: null, vatMention: null });
    const contract = { id: 'k', paymentTermDays: 45, terminationNotice: { receivedOn: '2026-11-27', channel: 'email' } };
    expect(withEmptyFieldsAsStored('contracts', { ...contract, paymentTermDays: null, terminationNotice: null })).toEqual({ id: 'k' });
    expect(Object.keys(contractSchema.shape)).toContain('terminationNotice');
  });

  it('an empty value is empty however written; inside a value null is a value', () => {
    expect(sameFieldValue(null, undefined)).toBe(true);
    expect(sameFieldValue({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(sameFieldValue({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe(true);
    expect(sameFieldValue({ a: null }, {})).toBe(false);
    expect(sameFieldValue(null, '')).toBe(false);
    expect(sameFieldValue([1, 2], [2, 1])).toBe(false);
  });
});

describe('refusal messages stay readable', () => {
  it('20,000 unknown keys: a short French message, every issue still available to a form', () => {
    const keys = Object.fromEntries(Array.from({ length: 20_000 }, (_, i) => [`inconnu${i}`, i]));
    const error = refusal({ ...CLIENT, ...keys, legalName: '' });
    expect(error.message.length).toBeLessThan(1_000);
    expect(error.message).toMatch(/^Saisie refusée \(Client\)\. /);
    expect(error.issues.length).toBeGreaterThanOrEqual(2);
  });
});

describe('a clipped message never cuts a character in two', () => {
  it('an unknown key of emojis, clipped, stays well-formed', () => {
    for (const pad of ['', 'x']) {
      const error = refusal({ ...CLIENT, [`${pad}${'😀'.repeat(400)}`]: 1 });
      expect(isWellFormedText(error.message)).toBe(true);
      expect(error.message).toMatch(/…$/);
    }
  });
});
