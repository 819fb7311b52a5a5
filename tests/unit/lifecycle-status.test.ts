import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../src-core/errors';
import { toDayNumber } from '../../src-core/dates';
import { CONTRACT_STATUSES } from '../../src-core/model/contract';
import {
  CONTRACT_STATUS_LABELS,
  INITIAL_CONTRACT_LIFECYCLE,
  LIFECYCLE_EVENT_LABELS,
  TERMINATION_CAUSE_LABELS,
  NOTICE_CHANNEL_LABELS,
  applyLifecycleEvent,
  replayLifecycleEvents,
  type ContractLifecycle,
  type LifecycleEvent,
} from '../../src-core/lifecycle';

const active = replayLifecycleEvents([{ type: 'activate', date: '2026-11-16' }]);
const noticed = applyLifecycleEvent(active, { type: 'termination_notice_received', date: '2027-03-15', channel: 'email' });

function refused(state: ContractLifecycle, event: LifecycleEvent, message?: RegExp): void {
  try {
    applyLifecycleEvent(state, event);
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    expect((e as DomainError).code).toBe('INVALID_TRANSITION');
    if (message) expect((e as DomainError).message).toMatch(message);
    return;
  }
  throw new Error(`${event.type} aurait dû être refusé`);
}

describe('labels', () => {
  it('names every status, event, cause and channel in French', () => {
    for (const status of CONTRACT_STATUSES) expect(CONTRACT_STATUS_LABELS[status]).toMatch(/^[A-ZÉ]/);
    expect(CONTRACT_STATUS_LABELS.terminated).toBe('Résilié');
    expect(Object.keys(LIFECYCLE_EVENT_LABELS)).toHaveLength(9);
    expect(TERMINATION_CAUSE_LABELS.force_majeure).toBe('Force majeure');
    expect(NOTICE_CHANNEL_LABELS.registered_letter).toContain('recommandée');
  });
});

describe('activation', () => {
  it('moves a draft to active on its start date, once', () => {
    expect(INITIAL_CONTRACT_LIFECYCLE).toEqual({ status: 'draft' });
    expect(active).toEqual({ status: 'active', startDate: '2026-11-16' });
    refused(active, { type: 'activate', date: '2026-12-01' }, /Activation.*Actif/);
  });

  it('refuses anything else on a draft', () => {
    refused(INITIAL_CONTRACT_LIFECYCLE, { type: 'termination_notice_received', date: '2026-12-01', channel: 'email' }, /Brouillon/);
    refused(INITIAL_CONTRACT_LIFECYCLE, { type: 'suspend', date: '2026-12-01' });
  });

  it('refuses an impossible date', () => {
    expect(() => applyLifecycleEvent(INITIAL_CONTRACT_LIFECYCLE, { type: 'activate', date: '2026-02-30' })).toThrow(/Date impossible/);
  });
});

describe('client termination notice (§1)', () => {
  it('is pending until the end of the month after receipt', () => {
    expect(noticed).toMatchObject({
      status: 'notice_received',
      termination: { cause: 'client_notice', noticeDate: '2027-03-15', effectiveDate: '2027-04-30', clause: '§1', channel: 'email' },
    });
    refused(noticed, { type: 'effective_date_reached', date: '2027-04-29' }, /30\/04\/2027/);
    expect(applyLifecycleEvent(noticed, { type: 'effective_date_reached', date: '2027-04-30' }).status).toBe('terminated');
  });

  it('refuses a notice dated before the start, and a second notice that would not bring the date forward', () => {
    refused(active, { type: 'termination_notice_received', date: '2026-11-01', channel: 'registered_letter' }, /16\/11\/2026/);
    refused(noticed, { type: 'termination_notice_received', date: '2027-03-20', channel: 'registered_letter' }, /déjà effet le 30\/04\/2027/);
  });
});

describe('price change objection (§5.2)', () => {
  const objection = (date: string, newPricesFrom = '2027-02-01'): Extract<LifecycleEvent, { type: 'price_change_objection_received' }> => ({
    type: 'price_change_objection_received',
    date,
    priceChangeReceived: '2026-11-03',
    newPricesFrom,
  });

  it('terminates the day before the new prices apply when the objection is on time', () => {
    const state = applyLifecycleEvent(active, objection('2026-12-03'));
    expect(state).toMatchObject({ status: 'notice_received', termination: { cause: 'price_change_objection', effectiveDate: '2027-01-31', clause: '§5.2' } });
  });

  it('refuses a late objection, one before the notice, and an unlawful new-prices date', () => {
    refused(active, objection('2026-12-04'), /tardive.*03\/12\/2026/);
    refused(active, objection('2026-11-02'));
    expect(() => applyLifecycleEvent(active, objection('2026-12-01', '2027-01-15'))).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
  });

  it('does not replace a pending termination that takes effect on the same day', () => {
    // Received 20 Feb 2027: new prices from 1 May at the earliest, so the objection ends the contract on 30 April too.
    refused(noticed, { ...objection('2027-03-16'), priceChangeReceived: '2027-02-20', newPricesFrom: '2027-05-01' }, /ne l’avancerait pas/);
  });
});

describe('several terminations', () => {
  it('lets an earlier one replace a pending one', () => {
    const state = applyLifecycleEvent(noticed, { type: 'force_majeure_termination_sent', date: '2027-03-16', eventStart: '2027-02-01' });
    expect(state.termination).toMatchObject({ cause: 'force_majeure', effectiveDate: '2027-03-24' });
    expect(state.termination?.channel).toBeUndefined();
  });
});

describe('termination for non-payment (§6.6)', () => {
  it('is possible from due + 30 days, with immediate effect', () => {
    const event = (date: string): LifecycleEvent => ({ type: 'terminate_for_non_payment', date, invoiceDueDate: '2027-01-31' });
    refused(active, event('2027-03-01'), /02\/03\/2027/);
    const state = applyLifecycleEvent(noticed, event('2027-03-02'));
    expect(state).toMatchObject({ status: 'terminated', termination: { cause: 'non_payment', effectiveDate: '2027-03-02', clause: '§6.6' } });
  });

  it('follows the dunning settings', () => {
    const settings = { alsaceMoselle: false, dunningReminderDays: 7, dunningFormalNoticeDays: 15, dunningTerminationDays: 45 };
    expect(() => applyLifecycleEvent(active, { type: 'terminate_for_non_payment', date: '2027-03-02', invoiceDueDate: '2027-01-31' }, settings)).toThrow(DomainError);
  });
});

describe('termination after an uncured breach (§6.6)', () => {
  it('is possible the day after the cure deadline, with immediate effect', () => {
    const event = (date: string): LifecycleEvent => ({ type: 'terminate_after_breach', date, breachNoticeReceived: '2026-11-05' });
    refused(active, event('2026-12-07'), /08\/12\/2026/);
    expect(applyLifecycleEvent(active, event('2026-12-08'))).toMatchObject({ status: 'terminated', termination: { cause: 'uncured_breach', effectiveDate: '2026-12-08' } });
  });
});

describe('force majeure termination (§7.4)', () => {
  it('is possible from start + 30 days and takes effect 8 days after the letter', () => {
    const event = (date: string): LifecycleEvent => ({ type: 'force_majeure_termination_sent', date, eventStart: '2026-11-17' });
    refused(active, event('2026-12-16'), /17\/12\/2026/);
    const state = applyLifecycleEvent(active, event('2026-12-17'));
    expect(state).toMatchObject({ status: 'notice_received', termination: { cause: 'force_majeure', effectiveDate: '2026-12-25', clause: '§7.4' } });
    expect(applyLifecycleEvent(state, { type: 'effective_date_reached', date: '2026-12-25' }).status).toBe('terminated');
  });
});

describe('suspension', () => {
  it('suspends and resumes an active contract', () => {
    const suspended = applyLifecycleEvent(active, { type: 'suspend', date: '2027-01-10' });
    expect(suspended).toEqual({ status: 'suspended', startDate: '2026-11-16', suspendedOn: '2027-01-10' });
    expect(applyLifecycleEvent(suspended, { type: 'resume', date: '2027-01-20' })).toEqual(active);
    refused(active, { type: 'resume', date: '2027-01-20' }, /Reprise/);
    refused(suspended, { type: 'effective_date_reached', date: '2027-01-20' }, /aucune résiliation/);
  });

  it('keeps a pending termination through a suspension', () => {
    const suspended = applyLifecycleEvent(noticed, { type: 'suspend', date: '2027-04-01' });
    expect(suspended.status).toBe('suspended');
    expect(applyLifecycleEvent(suspended, { type: 'resume', date: '2027-04-10' }).status).toBe('notice_received');
    expect(applyLifecycleEvent(suspended, { type: 'effective_date_reached', date: '2027-04-30' }).status).toBe('terminated');
    const notice = applyLifecycleEvent(applyLifecycleEvent(active, { type: 'suspend', date: '2027-01-10' }), { type: 'termination_notice_received', date: '2027-01-12', channel: 'registered_letter' });
    expect(notice).toMatchObject({ status: 'suspended', termination: { effectiveDate: '2027-02-28', channel: 'registered_letter' } });
  });
});

describe('terminated contracts', () => {
  const terminated = applyLifecycleEvent(noticed, { type: 'effective_date_reached', date: '2027-05-02' });
  const anyEvent = fc.constantFrom<LifecycleEvent>(
    { type: 'activate', date: '2027-06-01' },
    { type: 'termination_notice_received', date: '2027-06-01', channel: 'email' },
    { type: 'price_change_objection_received', date: '2027-06-01', priceChangeReceived: '2027-05-20', newPricesFrom: '2027-08-01' },
    { type: 'terminate_for_non_payment', date: '2027-06-01', invoiceDueDate: '2027-04-01' },
    { type: 'terminate_after_breach', date: '2027-06-01', breachNoticeReceived: '2027-04-01' },
    { type: 'force_majeure_termination_sent', date: '2027-06-01', eventStart: '2027-04-01' },
    { type: 'suspend', date: '2027-06-01' },
    { type: 'resume', date: '2027-06-01' },
    { type: 'effective_date_reached', date: '2027-06-01' },
  );

  it('accept no further event', () => {
    fc.assert(fc.property(anyEvent, (event) => refused(terminated, event, /Résilié/)));
  });
});

describe('any history', () => {
  const day = fc.integer({ min: toDayNumber('2026-01-01'), max: toDayNumber('2028-12-31') });
  const iso = (n: number) => new Date(n * 86_400_000).toISOString().slice(0, 10);
  const event: fc.Arbitrary<LifecycleEvent> = fc.oneof(
    day.map((d) => ({ type: 'activate', date: iso(d) }) as const),
    fc.tuple(day, fc.constantFrom('email', 'registered_letter' as const)).map(([d, channel]) => ({ type: 'termination_notice_received', date: iso(d), channel }) as const),
    fc.tuple(day, fc.integer({ min: 0, max: 90 })).map(([d, back]) => ({ type: 'terminate_for_non_payment', date: iso(d), invoiceDueDate: iso(d - back) }) as const),
    fc.tuple(day, fc.integer({ min: 0, max: 90 })).map(([d, back]) => ({ type: 'terminate_after_breach', date: iso(d), breachNoticeReceived: iso(d - back) }) as const),
    fc.tuple(day, fc.integer({ min: 0, max: 90 })).map(([d, back]) => ({ type: 'force_majeure_termination_sent', date: iso(d), eventStart: iso(d - back) }) as const),
    day.map((d) => ({ type: 'suspend', date: iso(d) }) as const),
    day.map((d) => ({ type: 'resume', date: iso(d) }) as const),
    day.map((d) => ({ type: 'effective_date_reached', date: iso(d) }) as const),
  );

  it('keeps the invariants, whatever is accepted or refused', () => {
    fc.assert(
      fc.property(fc.array(event, { maxLength: 15 }), (events) => {
        let state = INITIAL_CONTRACT_LIFECYCLE;
        for (const e of events) {
          try {
            state = applyLifecycleEvent(state, e);
          } catch (error) {
            expect(error).toBeInstanceOf(DomainError);
            expect((error as DomainError).code).toBe('INVALID_TRANSITION');
          }
          if (state.status !== 'draft') expect(state.startDate).toBeDefined();
          if (state.status === 'terminated' || state.status === 'notice_received') expect(state.termination).toBeDefined();
          if (state.status === 'notice_received') {
            expect(toDayNumber(state.termination!.effectiveDate)).toBeGreaterThan(toDayNumber(state.termination!.noticeDate));
          }
        }
      }),
    );
  });
});
