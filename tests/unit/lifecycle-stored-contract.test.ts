import { describe, expect, it } from 'vitest';
import { applyLifecycleEvent, lifecycleOfContract, monthsOverLimit, type Contract } from '../../src-core';
import { PRICE_LIST_2024_09_01 as BUILT_IN_LIST } from '../../src-core/pricing';

/** The stored lists of these tests: the built-in list, as an empty laptop reads it. */
const LISTS = [BUILT_IN_LIST];

const base = { status: 'active', startDate: '2026-03-16' } as const;

describe('lifecycleOfContract (stored contract → lifecycle state)', () => {
  it('a contract without notice is its status and start', () => {
    expect(lifecycleOfContract(base)).toEqual({ status: 'active', startDate: '2026-03-16' });
  });

  it('a notice is re-explained by the §1 rule; the stored effective date wins', () => {
    const lifecycle = lifecycleOfContract({ ...base, status: 'notice_received', terminationNotice: { receivedOn: '2027-01-31', channel: 'email' }, terminationEffectiveDate: '2027-02-28' });
    expect(lifecycle.termination).toMatchObject({ cause: 'client_notice', noticeDate: '2027-01-31', effectiveDate: '2027-02-28', clause: '§1', rule: 'Fin du mois suivant la réception du préavis.', channel: 'email' });
    // The state machine accepts it: a later notice would not bring the end forward.
    expect(() => applyLifecycleEvent(lifecycle, { type: 'termination_notice_received', date: '2027-02-10', channel: 'email' })).toThrow(/Transition impossible/);
  });

});

describe('monthsOverLimit', () => {
  it('judges each month against the tier billed then, with the covering tier', () => {
    const contract = { tier: 'T199', priceListId: 'PL-2024-09-01', history: [{ kind: 'tier_change', at: '2026-11-27T10:00:00+01:00', actor: 'a', fromMonth: '2026-11', fromTier: 'T99', toTier: 'T199' }] } as Pick<Contract, 'tier' | 'history' | 'priceListId'>;
    const months = [
      { month: '2026-09', cpuHours: 1.5, databaseGB: 1, storageGB: 10 },
      { month: '2026-10', cpuHours: 1.8, databaseGB: 0.5, storageGB: 5 },
      { month: '2026-11', cpuHours: 1.8, databaseGB: 0.5, storageGB: 5 },
      { month: '2026-12', cpuHours: 7, databaseGB: 0.5, storageGB: 5 },
    ];
    expect(monthsOverLimit(contract, months, LISTS)).toEqual([
      { month: '2026-10', coveringTierId: 'T199' },
      { month: '2026-12', coveringTierId: null },
    ]);
  });
});
