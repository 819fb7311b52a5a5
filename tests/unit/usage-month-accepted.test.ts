import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { acceptedUsageMonth, usageMonthSchema } from '../../src-core';

// The usage import checks its rows without the schema (acceptedUsageMonth): it must take exactly what the schema takes, as the schema makes it.

const month = fc.oneof(
  fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: -1, max: 14 })).map(([y, m]) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}`),
  fc.constantFrom('2026-11', '2026-1', '2026-11 ', ' 2026-11', '2026-00', '2026-13', '26-11', '2026/11', '2026-11\n', ''),
  fc.string(),
  fc.anything(),
);
const quantity = fc.oneof(
  fc.double(),
  fc.integer(),
  fc.constantFrom(0, -0, -1e-9, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.MAX_VALUE, '1', '1,5', null, undefined, true, 10n),
  fc.anything(),
);

describe('acceptedUsageMonth', () => {
  it('takes a month exactly when usageMonthSchema does, and makes the same month', () => {
    fc.assert(
      fc.property(month, quantity, quantity, quantity, (m, cpuHours, databaseGB, storageGB) => {
        const fields = { month: m, cpuHours, databaseGB, storageGB };
        const parsed = usageMonthSchema.safeParse(fields);
        const accepted = acceptedUsageMonth(fields);
        expect(accepted).toEqual(parsed.success ? parsed.data : null);
      }),
      { numRuns: 20_000 },
    );
  });

  it('refuses what the import must refuse, as the schema does', () => {
    const valid = { month: '2026-11', cpuHours: 1.5, databaseGB: 0, storageGB: 3 };
    expect(acceptedUsageMonth(valid)).toEqual(valid);
    for (const wrong of [{ month: '2026-13' }, { month: '2026-11-01' }, { cpuHours: -1 }, { databaseGB: Number.NaN }, { storageGB: Number.POSITIVE_INFINITY }, { cpuHours: '1' }]) {
      expect(acceptedUsageMonth({ ...valid, ...wrong })).toBeNull();
      expect(usageMonthSchema.safeParse({ ...valid, ...wrong }).success).toBe(false);
    }
  });
});
