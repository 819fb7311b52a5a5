import { describe, expect, it } from 'vitest';
import {
  DomainError,
  messageFr,
  formatEuros,
  composeLetter,
  applyLetterStep,
  letterContract,
  letterFollowUp,
  pendingFollowUps,
  readLetterParams,
  storeLetterParams,
  trackedLetterDeadlines,
  upcomingLetterDeadlines,
  type LetterTrack,
  type TrackedLetter,
} from '../../src-core';

const contract = { reference: 'CT-2026-0042', label: 'Hébergement Dokos T99' };

function tracked(kind: TrackedLetter['kind'], params: object, rest: Partial<TrackedLetter> = {}): TrackedLetter {
  return { id: 'l1', kind, status: 'draft', clientId: 'c1', contractId: 'k1', createdAt: '2027-03-05T10:00:00+01:00', params: storeLetterParams(params), ...rest };
}

describe('stored letter params', () => {
  it('flatten nested params to scalars and read them back typed', () => {
    const params = { contract, letterDate: '2026-11-27', reason: 'la hausse du coût de l’énergie', prices: [{ label: 'Formule T99', currentCents: 9900, newCents: 10900 }] };
    const stored = storeLetterParams(params);
    expect(stored).toMatchObject({ 'contract.reference': 'CT-2026-0042', 'prices.0.newCents': 10900 });
    expect(Object.values(stored).every((v) => typeof v !== 'object' || v === null)).toBe(true);
    expect(readLetterParams('priceChange', stored)).toEqual(params);
  });

  it('refuse a damaged record in French', () => {
    expect(() => readLetterParams('breachNotice', { 'contract.reference': 'X', letterDate: '2027-02-30' })).toThrow(/Paramètres de lettre illisibles/);
  });
});

describe('letter status machine', () => {
  const draft: LetterTrack = { status: 'draft', letterDate: '2027-03-05' };
  const today = '2027-06-01';

  it('goes draft → printed → sent → received, then accepts a corrected receipt date', () => {
    const printed = applyLetterStep(draft, { type: 'print' }, today);
    const sent = applyLetterStep(printed, { type: 'send', sentOn: '2027-03-05', registeredNumber: '1a 234 567 8901 2' }, today);
    expect(sent).toMatchObject({ status: 'sent', registeredNumber: '1A 234 567 8901 2' });
    const received = applyLetterStep(sent, { type: 'receive', receivedOn: '2027-03-09' }, today);
    expect(applyLetterStep(received, { type: 'receive', receivedOn: '2027-03-10' }, today)).toMatchObject({ status: 'received', receivedOn: '2027-03-10' });
    expect(applyLetterStep(sent, { type: 'return' }, today).status).toBe('returned');
  });

  it.each([
    [draft, { type: 'send', sentOn: '2027-03-05', registeredNumber: '1A2345678' }, 'imprimez d’abord la lettre'],
    [{ ...draft, status: 'printed' }, { type: 'receive', receivedOn: '2027-03-09' }, 'pas encore été envoyée'],
    [{ ...draft, status: 'printed' }, { type: 'send', sentOn: '2027-03-04', registeredNumber: '1A2345678' }, 'datée du 05/03/2027'],
    [{ ...draft, status: 'printed' }, { type: 'send', sentOn: '2027-06-02', registeredNumber: '1A2345678' }, 'dans le futur'],
    [{ ...draft, status: 'printed' }, { type: 'send', sentOn: '2027-03-05', registeredNumber: '  ' }, 'numéro du recommandé est obligatoire'],
    [{ ...draft, status: 'sent', sentOn: '2027-03-05' }, { type: 'receive', receivedOn: '2027-03-04' }, 'ne peut pas précéder l’envoi'],
    [{ ...draft, status: 'returned', sentOn: '2027-03-05' }, { type: 'receive', receivedOn: '2027-03-08' }, 'nouvel envoi'],
    [{ ...draft, status: 'received', sentOn: '2027-03-05', receivedOn: '2027-03-08' }, { type: 'return' }, 'déjà été reçue'],
  ] as const)('refuses a wrong step with a French reason (%#)', (letter, step, reason) => {
    const attempt = () => applyLetterStep(letter as LetterTrack, step, today);
    expect(attempt).toThrow(DomainError);
    expect(attempt).toThrow(reason);
  });
});

describe('deadlines of a sent letter', () => {
  const breach = { contract, letterDate: '2027-03-05', description: 'le module de licence a été désactivé.' };

  it('run from the presumed receipt, then from the acknowledgement once entered', () => {
    const sent = tracked('breachNotice', breach, { status: 'sent', sentOn: '2027-03-05' });
    const presumed = trackedLetterDeadlines(sent).deadlines;
    expect(presumed.map((d) => [d.label, d.value])).toEqual([['Réception présumée de l’avis', '2027-03-08'], ['Date limite de régularisation', '2027-04-07']]);
    const received = trackedLetterDeadlines({ ...sent, status: 'received', receivedOn: '2027-03-15' }).deadlines;
    // 15 March + 30 days = 14 April 2027, a Wednesday.
    expect(received.map((d) => d.value)).toEqual(['2027-03-15', '2027-04-14']);
  });

  it('count from the day the letter left, not the date printed on it', () => {
    const sentLate = tracked('breachNotice', breach, { status: 'sent', sentOn: '2027-03-10' });
    expect(trackedLetterDeadlines(sentLate).deadlines[0]!.value).toBe('2027-03-13');
  });

  it('move an announced price date that a late receipt made unlawful, and say so', () => {
    const notice = tracked(
      'priceChange',
      { contract, letterDate: '2026-11-27', effectiveFrom: '2027-02-01', reason: 'la hausse du coût de l’énergie', prices: [{ label: 'T99', currentCents: 9900, newCents: 10900 }] },
      { status: 'received', sentOn: '2026-11-27', receivedOn: '2026-12-10' },
    );
    const { deadlines, warning } = trackedLetterDeadlines(notice);
    expect(warning).toMatch(/Date d’application des nouveaux prix invalide/);
    expect(deadlines.find((d) => d.label === 'Application des nouveaux tarifs')?.value).toBe('2027-03-01');
  });

  it('are listed when due within the horizon, soonest first', () => {
    const sent = tracked('breachNotice', breach, { status: 'sent', sentOn: '2027-03-05' });
    const draftLetter = tracked('breachNotice', breach, { id: 'l2' });
    expect(upcomingLetterDeadlines([draftLetter, sent], '2027-03-06', 30).map((u) => u.deadline.value)).toEqual(['2027-03-08']);
    expect(upcomingLetterDeadlines([sent], '2027-03-06', 40).map((u) => u.deadline.value)).toEqual(['2027-03-08', '2027-04-07']);
  });
});

describe('follow-up proposed when a deadline passes', () => {
  const breach = tracked('breachNotice', { contract, letterDate: '2027-03-05', description: 'le module de licence a été désactivé.' }, { status: 'received', sentOn: '2027-03-05', receivedOn: '2027-03-08' });

  it('termination after an uncured breach, from the day after the cure deadline', () => {
    expect(letterFollowUp(breach, '2027-04-07')).toBeNull();
    const followUp = letterFollowUp(breach, '2027-04-08')!;
    expect(followUp).toMatchObject({ kind: 'breachTermination', since: '2027-04-08' });
    expect(messageFr(followUp.action)).toBe('Rédiger la résiliation pour manquement non corrigé');
    expect(followUp.params).toMatchObject({ breachNoticeSentOn: '2027-03-05', breachNoticeReceivedOn: '2027-03-08', contract });
    expect(messageFr(followUp.reason)).toContain('07/04/2027');
  });

  it('the termination cites the breach notice by its own date, not the day it was posted', () => {
    const postedLater = { ...breach, sentOn: '2027-03-07', receivedOn: '2027-03-09' };
    const followUp = letterFollowUp(postedLater, '2027-04-09')!;
    expect(followUp.params).toMatchObject({ breachNoticeSentOn: '2027-03-05', breachNoticeReceivedOn: '2027-03-09' });
    const text = composeLetter('breachTermination', { ...(followUp.params as { contract: typeof contract; description: string; breachNoticeSentOn: string; breachNoticeReceivedOn: string }), letterDate: '2027-04-12' }).paragraphs.join(' ');
    expect(text).toContain('Par lettre du 5 mars 2027, reçue le 9 mars 2027');
    expect(text).not.toContain('7 mars 2027');
  });

  it('not on a presumed receipt: the acknowledgement must be entered first', () => {
    expect(letterFollowUp({ ...breach, status: 'sent', receivedOn: undefined }, '2027-06-01')).toBeNull();
  });

  it('dunning: reminder → formal notice → termination for non-payment', () => {
    const invoice = { contract, invoiceNumber: 'F-2026-000123', invoiceDate: '2026-11-01', dueDate: '2026-12-01', amountDueCents: 123456 };
    const reminder = tracked('paymentReminder', { ...invoice, letterDate: '2026-12-08' }, { status: 'sent', sentOn: '2026-12-08' });
    expect(letterFollowUp(reminder, '2026-12-15')).toBeNull();
    expect(letterFollowUp(reminder, '2026-12-16')).toMatchObject({ kind: 'formalNotice', params: { reminderSentOn: '2026-12-08', amountDueCents: 123456 } });
    // Dated 16/12, posted 17/12: the next letter cites it by its own date, "Par lettre du 16 décembre 2026".
    const notice = tracked('formalNotice', { ...invoice, letterDate: '2026-12-16' }, { status: 'received', sentOn: '2026-12-17', receivedOn: '2026-12-18' });
    const next = letterFollowUp(notice, '2026-12-31')!;
    expect(next).toMatchObject({ kind: 'nonPaymentTermination', params: { formalNoticeSentOn: '2026-12-16' } });
    expect(composeLetter('nonPaymentTermination', { ...(next.params as object), letterDate: '2026-12-31' } as never).paragraphs[0]).toContain('Par lettre du 16 décembre 2026');
  });

  it('a formal notice naming several invoices leads to a termination naming them all, with their total', () => {
    const invoice = { contract, invoiceNumber: 'F-2026-000123', invoiceDate: '2026-11-01', dueDate: '2026-12-01', amountDueCents: 123456 };
    const other = { invoiceNumber: 'F-2026-000150', invoiceDate: '2026-11-05', dueDate: '2026-12-05', amountDueCents: 10000 };
    const notice = tracked('formalNotice', { ...invoice, otherInvoices: [other], letterDate: '2026-12-16' }, { status: 'received', sentOn: '2026-12-16', receivedOn: '2026-12-18' });
    const next = letterFollowUp(notice, '2026-12-31')!;
    expect(next.params).toMatchObject({ invoiceNumber: 'F-2026-000123', otherInvoices: [other] });
    const letter = composeLetter('nonPaymentTermination', { ...(next.params as object), letterDate: '2026-12-31' } as never);
    expect(letter.paragraphs[0]).toBe(
      `Par lettre du 16 décembre 2026, nous vous avons mis en demeure de régler les factures n° F-2026-000123 du 01/11/2026, échue le 1er décembre 2026 (${formatEuros(123456)} TTC), n° F-2026-000150 du 05/11/2026, échue le 5 décembre 2026 (${formatEuros(10000)} TTC), d’un montant total de ${formatEuros(133456)} TTC. Cette somme demeure impayée à ce jour.`,
    );
    expect(letter.paragraphs[2]).toContain(`le montant de ${formatEuros(133456)} TTC reste exigible`);
  });

  it('a returned letter is to be sent again; a follow-up already written is not proposed twice', () => {
    expect(letterFollowUp({ ...breach, status: 'returned' }, '2027-03-20')).toMatchObject({ kind: 'breachNotice', params: { description: 'le module de licence a été désactivé.' } });
    const termination = tracked('breachTermination', {}, { id: 'l9', createdAt: '2027-04-09T09:00:00+02:00' });
    expect(pendingFollowUps([breach], '2027-04-09')).toHaveLength(1);
    expect(pendingFollowUps([breach, termination], '2027-04-09')).toHaveLength(0);
  });
});

describe('contract line of a letter', () => {
  it('names the contract and its tier', () => {
    expect(letterContract({ reference: 'CT-2026-0042', tier: 'T99' })).toEqual({ reference: 'CT-2026-0042', label: 'Hébergement Dokos T99' });
  });
});
