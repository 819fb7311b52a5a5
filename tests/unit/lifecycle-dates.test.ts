import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, fromDayNumber, lastDayOfMonth, parseIsoDate, toDayNumber } from '../../src-core/dates';
import { expectDomainError } from './support/domain-error';
import { isBusinessDay } from '../../src-core/calendar';
import {
  assertNewPricesFrom,
  breachCureDeadline,
  breachCureDeadlineExplained,
  breachTerminationOpensOn,
  dunningSchedule,
  dunningStepOn,
  forceMajeureTerminationEffectiveDate,
  forceMajeureTerminationEffectiveDateExplained,
  forceMajeureTerminationOpensOn,
  forceMajeureTerminationOpensOnExplained,
  liabilityCapCents,
  liabilityCapExplained,
  nonPaymentTerminationOpensOn,
  nonSolicitationEnd,
  nonSolicitationEndExplained,
  presumedReceiptDate,
  presumedReceiptDateExplained,
  priceChangeDates,
  priceChangeDatesExplained,
  priceChangeObjectionTerminationDate,
  terminationEffectiveDate,
  terminationEffectiveDateExplained,
} from '../../src-core/lifecycle';
import { DEFAULT_RULE_SETTINGS } from '../../src-core/settings';

const anyDate = fc.integer({ min: toDayNumber('2000-01-01'), max: toDayNumber('2099-12-31') }).map(fromDayNumber);


describe('terminationEffectiveDate (§1)', () => {
  it.each([
    ['2027-01-31', '2027-02-28'], // DOMAIN.md
    ['2026-12-15', '2027-01-31'], // DOMAIN.md
    ['2027-03-15', '2027-04-30'],
    ['2028-01-01', '2028-02-29'], // leap year
    ['2027-02-28', '2027-03-31'],
    ['2026-11-27', '2026-12-31'],
  ])('notice received %s → effective %s', (received, effective) => {
    expect(terminationEffectiveDate(received)).toBe(effective);
  });

  it('explains itself as in DOMAIN.md', () => {
    expect(terminationEffectiveDateExplained('2027-03-15')).toMatchObject({
      value: '2027-04-30',
      clause: '§1',
      rule: 'Fin du mois suivant la réception du préavis.',
    });
  });

  it('is always the last day of the month after the receipt month', () => {
    fc.assert(
      fc.property(anyDate, (received) => {
        const effective = terminationEffectiveDate(received);
        expect(lastDayOfMonth(effective)).toBe(effective);
        const r = parseIsoDate(received);
        const e = parseIsoDate(effective);
        expect(e.year * 12 + e.month).toBe(r.year * 12 + r.month + 1);
        expect(daysBetween(received, effective)).toBeGreaterThanOrEqual(28);
      }),
    );
  });

  it('refuses an impossible date', () => {
    expectDomainError(() => terminationEffectiveDate('2026-02-30'), 'INVALID_DATE');
  });
});

describe('price change (§5.2)', () => {
  it.each([
    // received, earliest effective, objection deadline
    ['2026-11-02', '2027-01-01', '2026-12-02'], // R + 60 is already a first of month
    ['2026-11-03', '2027-02-01', '2026-12-03'],
    ['2026-11-05', '2027-02-01', '2026-12-07'], // R + 30 on a Saturday → Monday
    ['2026-10-12', '2027-01-01', '2026-11-12'], // R + 30 on 11 November
    ['2027-12-31', '2028-03-01', '2028-01-31'], // leap year: R + 60 = 29 Feb 2028
  ])('received %s → new prices from %s, objection until %s', (received, earliestEffective, objectionDeadline) => {
    expect(priceChangeDates(received)).toEqual({ earliestEffective, objectionDeadline });
  });

  it('explains both dates and cites art. 641 and 642 CPC', () => {
    const e = priceChangeDatesExplained('2026-11-05');
    expect(e.earliestEffective).toMatchObject({ value: '2027-02-01', clause: '§5.2' });
    expect(e.objectionDeadline.clause).toBe('§5.2');
    expect(e.objectionDeadline.rule).toContain('art. 641 CPC');
    expect(e.objectionDeadline.rule).toContain('art. 642 CPC');
  });

  it('ends the contract the day before the new prices apply when the client objects', () => {
    expect(priceChangeObjectionTerminationDate('2027-02-01')).toBe('2027-01-31');
    expect(priceChangeObjectionTerminationDate('2028-03-01')).toBe('2028-02-29');
  });

  it('presumes the receipt 3 days after sending (setting) until it is known', () => {
    expect(presumedReceiptDate('2026-11-02')).toBe('2026-11-05');
    expect(presumedReceiptDate('2026-11-02', { presumedReceiptDays: 5 })).toBe('2026-11-07');
    expect(presumedReceiptDate('2026-11-02', { presumedReceiptDays: 0 })).toBe('2026-11-02');
    const e = presumedReceiptDateExplained('2026-11-02', DEFAULT_RULE_SETTINGS, '§6.6');
    expect(e).toMatchObject({ value: '2026-11-05', clause: '§6.6' });
    expect(e.rule).toContain('3 jours');
    expectDomainError(() => presumedReceiptDate('2026-11-02', { presumedReceiptDays: -1 }), 'INVALID_NUMBER');
  });

  it('accepts only a first of month on or after the earliest date for the new prices', () => {
    expect(assertNewPricesFrom('2026-11-03', '2027-02-01')).toBe('2027-02-01');
    expect(assertNewPricesFrom('2026-11-03', '2027-06-01')).toBe('2027-06-01');
    expectDomainError(() => assertNewPricesFrom('2026-11-03', '2027-01-01'), 'INVALID_INPUT');
    expectDomainError(() => assertNewPricesFrom('2026-11-03', '2027-02-15'), 'INVALID_INPUT');
  });

  it('gives the first first-of-month on or after R + 60, and a business-day objection deadline before it', () => {
    fc.assert(
      fc.property(anyDate, (received) => {
        const { earliestEffective, objectionDeadline } = priceChangeDates(received);
        const gap = daysBetween(addDays(received, 60), earliestEffective);
        expect(parseIsoDate(earliestEffective).day).toBe(1);
        expect(gap).toBeGreaterThanOrEqual(0);
        expect(gap).toBeLessThan(31);
        expect(isBusinessDay(objectionDeadline)).toBe(true);
        expect(daysBetween(addDays(received, 30), objectionDeadline)).toBeLessThanOrEqual(3);
        expect(objectionDeadline < earliestEffective).toBe(true);
      }),
    );
  });
});

describe('breach (§6.6)', () => {
  it('gives R + 30 moved to a business day, then termination from the next day', () => {
    expect(breachCureDeadline('2026-11-05')).toBe('2026-12-07');
    expect(breachTerminationOpensOn('2026-11-05')).toBe('2026-12-08');
    expect(breachCureDeadline('2025-11-26', { alsaceMoselle: true })).toBe('2025-12-29');
    const e = breachCureDeadlineExplained('2026-11-05');
    expect(e.clause).toBe('§6.6');
    expect(e.rule).toContain('30 jours');
  });
});

describe('force majeure (§7.4)', () => {
  it('opens termination 30 days after the start; effective 8 days after the letter, never moved', () => {
    expect(forceMajeureTerminationOpensOn('2026-11-01')).toBe('2026-12-01');
    expect(forceMajeureTerminationEffectiveDate('2026-12-01')).toBe('2026-12-09');
    expect(forceMajeureTerminationEffectiveDate('2026-11-21')).toBe('2026-11-29'); // a Sunday, kept
    expect(forceMajeureTerminationEffectiveDate('2026-12-17')).toBe('2026-12-25'); // Christmas, kept
    expect(forceMajeureTerminationOpensOnExplained('2026-11-01').clause).toBe('§7.4');
    expect(forceMajeureTerminationEffectiveDateExplained('2026-12-01').rule).toContain('Huit jours');
  });
});

describe('nonSolicitationEnd (§6.2)', () => {
  it.each([
    ['2027-02-28', '2028-02-28'],
    ['2028-02-29', '2029-02-28'], // no 29 Feb in 2029: last day of the month (art. 641 CPC)
    ['2027-05-31', '2028-05-31'],
    ['2026-12-31', '2027-12-31'],
    ['2027-01-15', '2028-01-15'],
  ])('%s → %s', (effective, end) => {
    expect(nonSolicitationEnd(effective)).toBe(end);
  });

  it('explains itself', () => {
    expect(nonSolicitationEndExplained('2027-02-28')).toMatchObject({ clause: '§6.2' });
  });
});

describe('liabilityCapCents (§7.3)', () => {
  const payments = [
    { date: '2026-03-15', amountCents: 10_000 }, // exactly 12 months before: outside
    { date: '2026-03-16', amountCents: 20_001 },
    { date: '2027-03-15', amountCents: 5_000 }, // on the event day: inside
    { date: '2027-03-16', amountCents: 99_999 }, // after the event
  ];

  it('takes 50 % of the payments in (event − 12 months, event], half a cent away from zero', () => {
    expect(liabilityCapCents(payments, '2027-03-15')).toBe(12_501);
    expect(liabilityCapCents([], '2027-03-15')).toBe(0);
    expect(liabilityCapCents([{ date: '2027-03-01', amountCents: 1 }], '2027-03-15')).toBe(1);
  });

  it('clamps the window start at month ends (event 29 Feb 2028 → from 1 March 2027)', () => {
    const leap = [
      { date: '2027-02-28', amountCents: 1_000 },
      { date: '2027-03-01', amountCents: 2_000 },
    ];
    expect(liabilityCapCents(leap, '2028-02-29')).toBe(1_000);
    expect(liabilityCapExplained(leap, '2028-02-29').rule).toContain('du 01/03/2027 au 29/02/2028');
  });

  it('explains the window', () => {
    const e = liabilityCapExplained(payments, '2027-03-15');
    expect(e.clause).toBe('§7.3');
    expect(e.rule).toContain('du 16/03/2026 au 15/03/2027');
  });

  it('refuses a negative or fractional amount and a bad date', () => {
    expectDomainError(() => liabilityCapCents([{ date: '2027-01-01', amountCents: -1 }], '2027-03-15'), 'INVALID_AMOUNT');
    expectDomainError(() => liabilityCapCents([{ date: '2027-01-01', amountCents: 12.5 }], '2027-03-15'), 'INVALID_AMOUNT');
    expectDomainError(() => liabilityCapCents([{ date: '2027-02-30', amountCents: 1 }], '2027-03-15'), 'INVALID_DATE');
    expectDomainError(() => liabilityCapCents([], '2027-13-01'), 'INVALID_DATE');
  });

  const amount = fc.integer({ min: 0, max: 10_000_000 });

  it('is half the sum, rounded up on an odd cent, for payments inside the window', () => {
    fc.assert(
      fc.property(fc.array(amount, { maxLength: 30 }), anyDate, fc.integer({ min: 0, max: 364 }), (amounts, event, back) => {
        const date = addDays(event, -back);
        const sum = amounts.reduce((s, a) => s + a, 0);
        expect(liabilityCapCents(amounts.map((amountCents) => ({ date, amountCents })), event)).toBe(Math.ceil(sum / 2));
      }),
    );
  });

  it('ignores payments after the event or a year or more before it', () => {
    fc.assert(
      fc.property(amount, anyDate, fc.integer({ min: 1, max: 2000 }), (amountCents, event, days) => {
        expect(liabilityCapCents([{ date: addDays(event, days), amountCents }], event)).toBe(0);
        expect(liabilityCapCents([{ date: addDays(event, -365 - days), amountCents }], event)).toBe(0);
      }),
    );
  });

  it('never decreases when a payment is added', () => {
    const payment = fc.record({ date: anyDate, amountCents: amount });
    fc.assert(
      fc.property(fc.array(payment, { maxLength: 20 }), payment, anyDate, (list, extra, event) => {
        expect(liabilityCapCents([...list, extra], event)).toBeGreaterThanOrEqual(liabilityCapCents(list, event));
      }),
    );
  });
});

describe('dunning (§6.6)', () => {
  it('gives reminder at due + 7, formal notice at due + 15, termination from due + 30', () => {
    const schedule = dunningSchedule('2026-12-31');
    expect(schedule.map((d) => [d.step, d.value])).toEqual([
      ['reminder', '2027-01-07'],
      ['formal_notice', '2027-01-15'],
      ['termination_possible', '2027-01-30'], // a Saturday: the company acts from then, nothing moves
    ]);
    expect(schedule.every((d) => d.clause === '§6.6')).toBe(true);
    expect(schedule[2]?.rule).toContain('effet à la date de la lettre');
    expect(nonPaymentTerminationOpensOn('2026-12-31')).toBe('2027-01-30');
  });

  it('follows the settings', () => {
    const settings = { dunningReminderDays: 3, dunningFormalNoticeDays: 10, dunningTerminationDays: 45 };
    expect(dunningSchedule('2026-12-31', settings).map((d) => d.value)).toEqual(['2027-01-03', '2027-01-10', '2027-02-14']);
    expect(nonPaymentTerminationOpensOn('2026-12-31', settings)).toBe('2027-02-14');
  });

  it('tells the step reached on a day', () => {
    expect(dunningStepOn('2026-12-31', '2027-01-06')).toBeNull();
    expect(dunningStepOn('2026-12-31', '2027-01-07')).toBe('reminder');
    expect(dunningStepOn('2026-12-31', '2027-01-14')).toBe('reminder');
    expect(dunningStepOn('2026-12-31', '2027-01-15')).toBe('formal_notice');
    expect(dunningStepOn('2026-12-31', '2027-01-30')).toBe('termination_possible');
    expect(dunningStepOn('2026-12-31', '2028-01-01')).toBe('termination_possible');
  });

  it('refuses incoherent settings and bad dates', () => {
    expectDomainError(() => dunningSchedule('2026-12-31', { dunningReminderDays: 15, dunningFormalNoticeDays: 7, dunningTerminationDays: 30 }), 'INVALID_INPUT');
    expectDomainError(() => dunningSchedule('2026-12-31', { dunningReminderDays: 7, dunningFormalNoticeDays: 15, dunningTerminationDays: 15 }), 'INVALID_INPUT');
    expectDomainError(() => dunningSchedule('2026-12-31', { dunningReminderDays: -7, dunningFormalNoticeDays: 15, dunningTerminationDays: 30 }), 'INVALID_NUMBER');
    expectDomainError(() => dunningSchedule('2026-12-32'), 'INVALID_DATE');
    expectDomainError(() => dunningStepOn('2026-12-31', '2027-02-29'), 'INVALID_DATE');
  });
});
