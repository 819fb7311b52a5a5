import { describe, expect, it } from 'vitest';
import { generateDemoPortfolio } from '../../src-core';
import { PRICE_LIST_2024_09_01 as BUILT_IN_LIST } from '../../src-core/pricing';
import { runningAt, summarizeClients, tiersAt, unpricedAt } from '../../src-renderer/data';
import { buildClientRows, filterRows, narrowingFilter, type ClientFilters } from '../../src-renderer/features/clients/client-rows';

const LISTS = [BUILT_IN_LIST];
const TODAY = '2026-11-27';
const { clients, contracts, usage } = generateDemoPortfolio({ seed: 31, clients: 400 });
const summaries = summarizeClients(clients, contracts, usage, LISTS);
const NONE: ClientFilters = { tier: '', status: '', mode: '', partner: '', over: false, archived: false };

describe('clients list rows', () => {
  it('lists the tiers of the contracts running today, priced or not, as the priced and unpriced readings do', () => {
    for (const lists of [LISTS, []]) {
      for (const s of summaries) {
        const expected = new Set([...runningAt(s, TODAY, lists).map((r) => r.inForce.tier), ...unpricedAt(s, TODAY, lists).map((u) => u.tier)]);
        expect(new Set(tiersAt(s, TODAY))).toEqual(expected);
      }
    }
    // Ended contracts are not running: some clients show no tier.
    expect(buildClientRows(summaries, TODAY, null, LISTS).some((r) => r.tiers.length === 0)).toBe(true);
  });

  it('filters each keystroke as the whole list would, narrowing from the last answer only when the new words contain the old', () => {
    const rows = buildClientRows(summaries, TODAY, '2026-10', LISTS);
    const filter = narrowingFilter();
    const city = rows[7]!.city.toLowerCase();
    const siren = rows.find((r) => r.siren)!.siren;
    const typed = [
      ...[1, 2, 3, 4].map((n) => city.slice(0, n)),
      city.slice(0, 3), // a letter erased: wider again
      `${city.slice(0, 3)} `,
      `${city.slice(0, 3)} s`,
      `${city.slice(0, 3)} sa`,
      'x',
      '',
      siren.slice(0, 3),
      `${siren.slice(0, 3)} ${siren.slice(3, 6)}`, // a SIREN typed with spaces is one word
      siren,
    ];
    let narrowed = 0;
    for (const search of typed) {
      const expected = filterRows(rows, NONE, search);
      expect(filter(rows, NONE, search)).toEqual(expected);
      if (expected.length < rows.length) narrowed++;
    }
    expect(narrowed).toBeGreaterThan(8);
    // The same words under another filter, or other rows: the whole list again.
    expect(filter(rows, { ...NONE, mode: 'cloud' }, siren)).toEqual(filterRows(rows, { ...NONE, mode: 'cloud' }, siren));
    const fewer = rows.slice(10);
    expect(filter(fewer, NONE, city.slice(0, 2))).toEqual(filterRows(fewer, NONE, city.slice(0, 2)));
    expect(filter(rows, NONE, city.slice(0, 3))).toEqual(filterRows(rows, NONE, city.slice(0, 3)));
  });
});
