import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  contractLifeRefusal, creditNoteLines, documentSettlement, RECORDED_PAYMENT_MESSAGE, creditNoteRefusal, enforce, formatEuros, issuedDocumentChangeRefusal, letterChangeRefusal, letterDeletionRefusal, newPaymentRefusal,
  paymentChangeRefusal, paymentDeletionRefusal, silentRetroactivityRefusal, type Contract, type CreditableDocument, type PayableDocument, type StoredLetterTrack, type TerminatingLetter,
} from '../../src-core';
import { PRICE_LIST_2024_09_01 as BUILT_IN_LIST } from '../../src-core/pricing';

/** The stored lists of these tests: the built-in list, as an empty laptop reads it. */
const LISTS = [BUILT_IN_LIST];

// Issue 17: the business invariants the laptop's commands and the central API both call (src-core/rules).

const TODAY = '2026-11-27';

describe('issued documents never change (CGI art. 242 nonies A)', () => {
  const issued = { kind: 'invoice' as const, status: 'issued' as const, number: 'F-2026-000007' };
  it('refuses any change or deletion of an issued document, naming it, and lets drafts and re-sent values through', () => {
    expect(issuedDocumentChangeRefusal(issued, ['lines'])).toEqual({ code: 'NUMBERING_VIOLATION', message: 'La facture F-2026-000007 est émise : elle ne peut plus être modifiée ni supprimée ; émettez un avoir.' });
    expect(issuedDocumentChangeRefusal(issued, 'delete')).not.toBeNull();
    expect(issuedDocumentChangeRefusal({ ...issued, kind: 'credit_note', number: 'AV-2026-000001' }, ['issueDate'])?.message).toBe('L’avoir AV-2026-000001 est émis : il ne peut plus être modifié ni supprimé.');
    expect(issuedDocumentChangeRefusal({ ...issued, kind: 'surcharge' }, ['clientId'])?.message).toMatch(/^La majoration F-2026-000007 est émise/);
    expect(issuedDocumentChangeRefusal(issued, [])).toBeNull();
    expect(issuedDocumentChangeRefusal({ kind: 'invoice', status: 'draft', number: null }, 'delete')).toBeNull();
    // A number alone makes it final, whatever the status says.
    expect(issuedDocumentChangeRefusal({ kind: 'invoice', status: 'draft', number: 'F-2026-000008' }, ['status'])).not.toBeNull();
  });
  it('enforce throws the refusal as a DomainError with its code', () => {
    expect(() => enforce(issuedDocumentChangeRefusal(issued, 'delete'))).toThrow(expect.objectContaining({ name: 'DomainError', code: 'NUMBERING_VIOLATION' }));
    expect(() => enforce(null)).not.toThrow();
  });
});

describe('payments (§6.6)', () => {
  const invoice: PayableDocument = { id: 'inv-1', kind: 'invoice', status: 'issued', clientId: 'c-1', issueDate: '2026-11-01', dueDate: '2026-12-01', totals: { totalCents: 11880 } };
  const facts = { invoice, payments: [{ id: 'p-1', invoiceId: 'inv-1', amountCents: 5000 }], creditNotes: [], today: TODAY };
  const pay = (amountCents: number, date = TODAY, more: object = {}) => ({ invoiceId: 'inv-1', clientId: 'c-1', date, amountCents, ...more });

  it('refuses a payment above the balance, and accepts exactly the balance', () => {
    expect(newPaymentRefusal(pay(6881), facts)).toMatchObject({ code: 'INVALID_AMOUNT', message: `Le paiement (${formatEuros(6881)}) dépasse le solde dû (${formatEuros(6880)}).` });
    expect(newPaymentRefusal(pay(6880), facts)).toBeNull();
    expect(newPaymentRefusal(pay(1), { ...facts, payments: [{ invoiceId: 'inv-1', amountCents: 11880 }] })?.message).toBe('Ce document est déjà soldé : aucun paiement n’est attendu.');
  });
  it('counts credit notes of the invoice, not cancelled payments, and not the payment itself twice', () => {
    const creditNotes = [{ kind: 'credit_note' as const, status: 'issued' as const, creditedInvoiceId: 'inv-1', totals: { totalCents: -1880 } }];
    expect(newPaymentRefusal(pay(5001), { ...facts, creditNotes })?.code).toBe('INVALID_AMOUNT');
    expect(newPaymentRefusal(pay(5000), { ...facts, creditNotes })).toBeNull();
    // A note on another invoice does not count.
    expect(newPaymentRefusal(pay(6880), { ...facts, creditNotes: [{ ...creditNotes[0]!, creditedInvoiceId: 'inv-2' }] })).toBeNull();
    expect(newPaymentRefusal(pay(11880), { ...facts, payments: [{ id: 'p-1', invoiceId: 'inv-1', amountCents: 5000, cancelledOn: TODAY }] })).toBeNull();
    expect(newPaymentRefusal(pay(5000, TODAY, { id: 'p-1' }), { ...facts, payments: [{ id: 'p-1', invoiceId: 'inv-1', amountCents: 5000 }, { id: 'p-2', invoiceId: 'inv-1', amountCents: 6880 }] })).toBeNull();
  });
  it('refuses a date before the invoice or in the future (Paris)', () => {
    expect(newPaymentRefusal(pay(100, '2026-10-31'), facts)).toMatchObject({ code: 'INVALID_DATE', message: 'Le paiement (le 31/10/2026) ne peut pas précéder la date du document qu’il règle (le 01/11/2026).' });
    expect(newPaymentRefusal(pay(100, '2026-11-28'), facts)?.message).toBe('Le paiement ne peut pas être daté dans le futur (le 28/11/2026, nous sommes le 27/11/2026).');
    // Cancelled before it was sent: its dates still matter, its amount no longer counts.
    expect(newPaymentRefusal(pay(99_999, TODAY, { cancelledOn: TODAY }), facts)).toBeNull();
    expect(newPaymentRefusal(pay(99_999, '2026-11-30', { cancelledOn: TODAY }), facts)?.code).toBe('INVALID_DATE');
  });
  it('pays only an issued invoice or surcharge of the same client', () => {
    expect(newPaymentRefusal(pay(100), { ...facts, invoice: undefined })?.message).toBe('Facture introuvable pour ce client : inv-1.');
    expect(newPaymentRefusal(pay(100, TODAY, { clientId: 'c-2' }), facts)?.message).toBe('Facture introuvable pour ce client : inv-1.');
    expect(newPaymentRefusal(pay(100), { ...facts, invoice: { ...invoice, status: 'draft' } })?.message).toBe('Un brouillon ne se paie pas : émettez-le d’abord.');
    expect(newPaymentRefusal(pay(100), { ...facts, invoice: { ...invoice, kind: 'credit_note' } })?.message).toBe('Un avoir ne reçoit pas de paiement.');
    expect(newPaymentRefusal(pay(100), { ...facts, invoice: { ...invoice, kind: 'surcharge' } })).toBeNull();
  });
  it('property: a payment passes exactly when it fits in the balance', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 20_000 }), { maxLength: 5 }), fc.integer({ min: 1, max: 30_000 }), (paid, amount) => {
        const balance = 11880 - paid.reduce((s, p) => s + p, 0);
        const verdict = newPaymentRefusal(pay(amount), { ...facts, payments: paid.map((amountCents) => ({ invoiceId: 'inv-1', amountCents })) });
        expect(verdict === null).toBe(balance > 0 && amount <= balance);
      }),
    );
  });
  it('a synced payment is never deleted', () => {
    expect(paymentDeletionRefusal({ version: 0 })).toBeNull();
    expect(paymentDeletionRefusal({ version: 3 })?.message).toBe('Ce paiement est déjà synchronisé : il ne se supprime pas, il s’annule avec un motif.');
  });
  it('a recorded payment only gets cancelled: with a reason, once, not in the future', () => {
    expect(paymentChangeRefusal({}, {}, [], TODAY)).toBeNull();
    expect(paymentChangeRefusal({}, {}, ['amountCents'], TODAY)?.message).toBe('Un paiement enregistré ne se modifie pas : annulez-le avec un motif, puis enregistrez le bon.');
    expect(paymentChangeRefusal({}, { cancelledOn: TODAY, cancellationReason: 'virement rejeté' }, ['cancelledOn', 'cancellationReason'], TODAY)).toBeNull();
    expect(paymentChangeRefusal({}, { cancelledOn: TODAY, cancellationReason: ' ' }, ['cancelledOn', 'cancellationReason'], TODAY)?.message).toMatch(/Indiquez le motif/);
    expect(paymentChangeRefusal({}, { cancelledOn: '2026-11-28', cancellationReason: 'virement rejeté' }, ['cancelledOn', 'cancellationReason'], TODAY)?.code).toBe('INVALID_DATE');
    const cancelled = { cancelledOn: '2026-11-20', cancellationReason: 'doublon' };
    expect(paymentChangeRefusal(cancelled, {}, ['cancelledOn', 'cancellationReason'], TODAY)?.message).toBe('Ce paiement a déjà été annulé le 20/11/2026.');
  });
  it('refunds and offsets count in the balance; they are checked by the credit-use rule, and a waiting offset may be imputed or split', () => {
    // 118,80 € invoice paid 118,80 €, 18,80 € credited: 18,80 € overpaid, of which 10 € refunded and 8,80 € carried to the next invoice.
    const overpaid = { ...facts, payments: [{ id: 'p-1', invoiceId: 'inv-1', amountCents: 11880 }], creditNotes: [{ kind: 'credit_note' as const, status: 'issued' as const, creditedInvoiceId: 'inv-1', totals: { totalCents: -1880 } }] };
    const settled = (payments: { id: string; invoiceId: string; amountCents: number; kind?: 'refund' | 'offset'; offsetInvoiceId?: string }[]) => documentSettlement(invoice, payments, overpaid.creditNotes, TODAY)?.balanceCents;
    expect(settled(overpaid.payments)).toBe(-1880);
    expect(settled([...overpaid.payments, { id: 'r-1', invoiceId: 'inv-1', amountCents: 1000, kind: 'refund' }, { id: 'o-1', invoiceId: 'inv-1', amountCents: 880, kind: 'offset' }])).toBe(0);
    // An offset of another invoice imputed on this one settles it like a payment.
    expect(documentSettlement(invoice, [{ id: 'o-2', invoiceId: 'inv-0', amountCents: 880, kind: 'offset', offsetInvoiceId: 'inv-1' }], [], TODAY)?.balanceCents).toBe(11000);
    expect(newPaymentRefusal(pay(1880, TODAY, { kind: 'refund' }), overpaid)).toBeNull();
    expect(paymentChangeRefusal({ kind: 'offset' }, { kind: 'offset', offsetInvoiceId: 'inv-2' }, ['offsetInvoiceId', 'amountCents'], TODAY)).toBeNull();
    expect(paymentChangeRefusal({ kind: 'offset', offsetInvoiceId: 'inv-2' }, { kind: 'offset', offsetInvoiceId: 'inv-3' }, ['offsetInvoiceId'], TODAY)?.message).toBe(RECORDED_PAYMENT_MESSAGE);
    expect(paymentChangeRefusal({ kind: 'refund' }, { kind: 'refund' }, ['amountCents'], TODAY)?.message).toBe(RECORDED_PAYMENT_MESSAGE);
  });
});

describe('credit notes: never above what remains, on an issued invoice of the same client', () => {
  const invoice: CreditableDocument = {
    id: 'inv-1', kind: 'invoice', status: 'issued', number: 'F-2026-000007', clientId: 'c-1',
    lines: [{ label: 'Hébergement T99', netCents: 9900 }, { label: 'Régularisation dépassement octobre 2026', netCents: 10000 }],
  };
  const billing = { number: 'F-2026-000007', lines: invoice.lines.map((l) => ({ ...l, quantity: 1, unitPriceCents: l.netCents, vatRatePercent: 20, explanation: { value: l.netCents, clause: '§5.3', rule: l.label } })) };
  const noteOf = (id: string, request: Parameters<typeof creditNoteLines>[1]) => ({ id, clientId: 'c-1', creditedInvoiceId: 'inv-1', lines: creditNoteLines(billing, request) });

  it('accepts the notes the laptop makes and refuses one that would exceed a line across notes', () => {
    const first = noteOf('av-1', [{ lineIndex: 0, netCents: 5000 }]);
    expect(creditNoteRefusal(first, invoice, [])).toBeNull();
    const second = noteOf('av-2', [{ lineIndex: 0, netCents: 4901 }]);
    expect(creditNoteRefusal(second, invoice, [first])).toMatchObject({ code: 'INVALID_AMOUNT', message: `Avoir refusé : ${formatEuros(4901)} demandés sur la ligne 1, il ne reste que ${formatEuros(4900)} à créditer.`, said: { code: 'refusal.credit.excess' } });
    expect(creditNoteRefusal(noteOf('av-2', [{ lineIndex: 0, netCents: 4900 }]), invoice, [first])).toBeNull();
    // The note itself among the earlier ones (a re-sent copy) is not counted twice.
    expect(creditNoteRefusal(first, invoice, [first])).toBeNull();
  });
  it('refuses a line that credits nothing of the invoice', () => {
    const stray = { id: 'av-3', clientId: 'c-1', creditedInvoiceId: 'inv-1', lines: [{ label: 'Geste commercial', netCents: -100 }] };
    expect(creditNoteRefusal(stray, invoice, [])?.message).toBe('Avoir refusé : la ligne « Geste commercial » ne retire aucun montant d’une ligne de la facture F-2026-000007.');
    const positive = { ...stray, lines: [{ label: 'Avoir sur facture F-2026-000007 – Hébergement T99', netCents: 100 }] };
    expect(creditNoteRefusal(positive, invoice, [])?.code).toBe('INVALID_AMOUNT');
  });
  it('only on an issued invoice or surcharge of the same client', () => {
    const note = noteOf('av-1', 'full');
    expect(creditNoteRefusal(note, undefined, [])?.message).toBe('Un avoir se fait sur une facture ou une majoration émise.');
    expect(creditNoteRefusal(note, { ...invoice, status: 'draft', number: null }, [])?.message).toBe('Un avoir se fait sur une facture ou une majoration émise.');
    expect(creditNoteRefusal(note, { ...invoice, kind: 'credit_note' }, [])).not.toBeNull();
    expect(creditNoteRefusal({ ...note, clientId: 'c-2' }, invoice, [])?.message).toMatch(/celle d’un autre client/);
  });
  it('property: the notes accepted one after another never credit a line beyond its net', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ lineIndex: fc.integer({ min: 0, max: 1 }), netCents: fc.integer({ min: 1, max: 8000 }) }), { maxLength: 8 }), (requests) => {
        const accepted: { id: string; clientId: string; creditedInvoiceId: string; lines: { label: string; netCents: number }[] }[] = [];
        requests.forEach((request, i) => {
          const lines = [{ label: `Avoir sur facture F-2026-000007 – ${invoice.lines[request.lineIndex]!.label}`, netCents: -request.netCents }];
          const note = { id: `av-${i}`, clientId: 'c-1', creditedInvoiceId: 'inv-1', lines };
          if (creditNoteRefusal(note, invoice, accepted) === null) accepted.push(note);
        });
        invoice.lines.forEach((line) => {
          const credited = accepted.flatMap((n) => n.lines).filter((l) => l.label.endsWith(line.label)).reduce((s, l) => s - l.netCents, 0);
          expect(credited).toBeLessThanOrEqual(line.netCents);
        });
      }),
    );
  });
});

describe('letters move only along their states', () => {
  const draft: StoredLetterTrack = { status: 'draft', params: { letterDate: '2026-11-20' } };
  const sent = { status: 'sent' as const, sentOn: '2026-11-21', registeredNumber: '1A 123 456 7890 1' };
  it('refuses a jump, a step back and impossible dates with the letter machine’s words', () => {
    expect(letterChangeRefusal(draft, { ...draft, ...sent }, TODAY)).toEqual({
      code: 'INVALID_TRANSITION',
      message: 'Transition impossible : « Envoi en recommandé » n’est pas possible pour une lettre brouillon : imprimez d’abord la lettre.',
      said: expect.objectContaining({ code: 'refusal.letterStep.notAllowed' }),
    });
    const printed = { ...draft, status: 'printed' as const };
    expect(letterChangeRefusal(draft, printed, TODAY)).toBeNull();
    expect(letterChangeRefusal(printed, draft, TODAY)?.message).toBe('Transition impossible : une lettre imprimée ne redevient pas un brouillon.');
    expect(letterChangeRefusal(printed, { ...printed, ...sent }, TODAY)).toBeNull();
    expect(letterChangeRefusal(printed, { ...printed, ...sent, sentOn: '2026-11-19' }, TODAY)?.message).toMatch(/datée du 20\/11\/2026/);
    expect(letterChangeRefusal(printed, { ...printed, ...sent, sentOn: '2026-11-30' }, TODAY)?.message).toMatch(/dans le futur/);
    const out = { ...printed, ...sent };
    expect(letterChangeRefusal(out, { ...out, status: 'received', receivedOn: '2026-11-20' }, TODAY)?.message).toMatch(/ne peut pas précéder l’envoi/);
    const received = { ...out, status: 'received' as const, receivedOn: '2026-11-24' };
    expect(letterChangeRefusal(out, received, TODAY)).toBeNull();
    // Correcting the acknowledgement's date is a step of its own; sending again is not.
    expect(letterChangeRefusal(received, { ...received, receivedOn: '2026-11-25' }, TODAY)).toBeNull();
    expect(letterChangeRefusal(out, { ...out, sentOn: '2026-11-22' }, TODAY)?.code).toBe('INVALID_TRANSITION');
    expect(letterChangeRefusal(received, { ...received, status: 'returned' }, TODAY)?.code).toBe('INVALID_TRANSITION');
    // Nothing of its track changes: not a step (a re-sent copy, a params edit of a draft).
    expect(letterChangeRefusal(out, { ...out, params: { letterDate: '2026-11-20', x: 1 } }, TODAY)).toBeNull();
  });
  it('only a draft is deleted', () => {
    expect(letterDeletionRefusal(draft)).toBeNull();
    expect(letterDeletionRefusal({ status: 'sent' })?.message).toBe('Une lettre envoyée ne se supprime pas : elle reste au dossier du client.');
  });
});

describe('the contract’s life acts on everything else', () => {
  const base: Contract = {
    id: 'k-1', createdAt: '2026-01-01T09:00:00+01:00', updatedAt: '2026-01-01T09:00:00+01:00', version: 1,
    clientId: 'c-1', reference: 'CT-2026-00001', tier: 'T99', priceListId: 'PL-2024-09-01', startDate: '2026-03-01', status: 'active', history: [],
  };
  const change = (fromMonth: string, more: object = {}) => ({ kind: 'tier_change' as const, at: '2026-11-27T10:00:00+01:00', actor: 'Alice', fromMonth, fromTier: 'T99' as const, toTier: 'T199' as const, ...more });
  const none = new Map<string, TerminatingLetter>();

  it('a tier change is a history entry the tier follows, never retroactive without the flag', () => {
    expect(contractLifeRefusal(base, { ...base, tier: 'T199' }, TODAY, none, LISTS)?.message).toMatch(/par « Changer de formule »/);
    expect(contractLifeRefusal(base, { ...base, tier: 'T199', history: [change('2026-12')] }, TODAY, none, LISTS)).toBeNull();
    expect(contractLifeRefusal(base, { ...base, tier: 'T99', history: [change('2026-12')] }, TODAY, none, LISTS)?.message).toMatch(/dernier changement vers T199/);
    expect(contractLifeRefusal(base, { ...base, tier: 'T199', history: [change('2026-11')] }, TODAY, none, LISTS)?.message).toBe(
      'Le 01/11/2026 est antérieur à aujourd’hui (27/11/2026) : confirmez explicitement un changement rétroactif, ou choisissez le 1er d’un mois à venir.',
    );
    expect(contractLifeRefusal(base, { ...base, tier: 'T199', history: [change('2026-11', { retroactive: true })] }, TODAY, none, LISTS)).toBeNull();
    // Judged on the day it was made: an entry made on 1 November for November is not retroactive.
    expect(contractLifeRefusal(base, { ...base, tier: 'T199', history: [change('2026-11', { at: '2026-11-01T08:00:00+01:00' })] }, TODAY, none, LISTS)).toBeNull();
    expect(contractLifeRefusal(base, { ...base, tier: 'T199', history: [change('2026-02', { retroactive: true })] }, TODAY, none, LISTS)?.message).toMatch(/précéder le début du contrat/);
    // Undone with its draft notice: the tier returns to what it was.
    const changed = { ...base, tier: 'T199' as const, history: [change('2026-12')] };
    expect(contractLifeRefusal(changed, base, TODAY, none, LISTS)).toBeNull();
    expect(silentRetroactivityRefusal({ from: '2026-11-01', retroactive: true }, true, TODAY)).toBeNull();
  });
  it('the stored end date is the one the notice and the letters set', () => {
    const notice = { receivedOn: '2026-10-15', channel: 'email' as const };
    expect(contractLifeRefusal(base, { ...base, status: 'notice_received', terminationNotice: notice, terminationEffectiveDate: '2026-11-30' }, TODAY, none, LISTS)).toBeNull();
    expect(contractLifeRefusal(base, { ...base, status: 'notice_received', terminationNotice: notice, terminationEffectiveDate: '2027-03-31' }, TODAY, none, LISTS)?.message).toMatch(
      /^La date de résiliation enregistrée \(31\/03\/2027\) n’est pas celle que fixent le préavis et les lettres du contrat : le 30\/11\/2026/,
    );
  });
  it('a termination set by a letter names a letter of that contract, of that kind, sent before it takes effect', () => {
    const entry = { kind: 'termination' as const, at: '2026-11-27T10:00:00+01:00', actor: 'Alice', cause: 'non_payment' as const, noticeDate: '2026-11-24', effectiveDate: '2026-11-24', rule: 'Réception.', letterId: 'l-9' };
    const after = { ...base, status: 'terminated' as const, terminationEffectiveDate: '2026-11-24', history: [entry] };
    const letter: TerminatingLetter = { kind: 'nonPaymentTermination', status: 'sent', contractId: 'k-1', sentOn: '2026-11-21' };
    expect(contractLifeRefusal(base, after, TODAY, new Map([['l-9', letter]]), LISTS)).toBeNull();
    expect(contractLifeRefusal(base, after, TODAY, none, LISTS)?.message).toBe('Résiliation refusée : elle ne s’appuie sur aucune lettre de ce contrat qui la prononce (lettre l-9).');
    expect(contractLifeRefusal(base, after, TODAY, new Map([['l-9', { ...letter, kind: 'breachTermination' }]]), LISTS)).not.toBeNull();
    expect(contractLifeRefusal(base, after, TODAY, new Map([['l-9', { ...letter, contractId: 'k-2' }]]), LISTS)).not.toBeNull();
    expect(contractLifeRefusal(base, after, TODAY, new Map([['l-9', { ...letter, status: 'printed', sentOn: undefined }]]), LISTS)?.message).toBe('Résiliation refusée : la lettre qui la prononce n’a pas été envoyée.');
    expect(contractLifeRefusal(base, after, TODAY, new Map([['l-9', { ...letter, sentOn: '2026-11-25' }]]), LISTS)?.code).toBe('INVALID_DATE');
    // Already on the contract before: not judged again (its letter may since have been archived elsewhere).
    expect(contractLifeRefusal(after, after, TODAY, none, LISTS)).toBeNull();
  });
});
