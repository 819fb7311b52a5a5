import { describe, expect, it } from 'vitest';
import * as core from '../../src-core';

describe('public API of the calendar and lifecycle (src-core/index.ts)', () => {
  it.each([
    'frenchPublicHolidays',
    'isBusinessDay',
    'actionDeadline',
    'terminationEffectiveDate',
    'priceChangeDates',
    'breachCureDeadline',
    'forceMajeureTerminationOpensOn',
    'forceMajeureTerminationEffectiveDate',
    'nonSolicitationEnd',
    'liabilityCapCents',
    'supportDeadline',
    'securityUpdateDeadline',
    'presumedReceiptDate',
    'priceChangeObjectionTerminationDate',
    'applyLifecycleEvent',
    'dunningSchedule',
    'contractDeadlines',
    'formatDeadline',
  ])('exports %s', (name) => {
    expect(typeof (core as Record<string, unknown>)[name]).toBe('function');
  });

  it('answers the DOMAIN.md examples through the index', () => {
    expect(core.terminationEffectiveDate('2027-01-31')).toBe('2027-02-28');
    expect(core.actionDeadline('2027-03-10', 30)).toBe('2027-04-09');
    expect(core.supportDeadline('2026-11-27T17:00:00+01:00', 4)).toBe('2026-11-30T12:00:00+01:00');
  });
});
