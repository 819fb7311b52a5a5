import { describe, expect, it } from 'vitest';
import { createDataContext } from '../../src-renderer/data';
import { createMonthlyDrafts, planMonthlyRun } from '../../src-renderer/data/invoicing';
import { ACTOR, CLIENT_INPUT, openTestData } from './helpers';

describe('past overruns on the next run (DOMAIN.md: every month over the limits not yet regularised)', () => {
  it('proposes each unregularised month once, one line per month, and never again once a stored invoice carries it', async () => {
    const data = await openTestData();
    const ctx = createDataContext(data.db, 'device-test', { now: () => '2026-12-04T10:00:00+01:00', newId: data.ctx.newId });
    const client = await data.commands.clients.create(CLIENT_INPUT, ACTOR);
    const contract = await data.commands.contracts.create({ clientId: client.id, reference: 'CT-1', tier: 'T49', priceListId: 'PL-2024-09-01', startDate: '2026-06-01' }, ACTOR);
    const over = { cpuHours: 1.2, databaseGB: 0.5, storageGB: 1 };
    await data.commands.usage.importMonths(
      [
        { contractId: contract.id, month: '2026-08', ...over },
        { contractId: contract.id, month: '2026-09', ...over },
        { contractId: contract.id, month: '2026-10', ...over },
        { contractId: contract.id, month: '2026-11', cpuHours: 0.5, databaseGB: 0.5, storageGB: 1 },
      ],
      ACTOR,
    );

    // No invoice held yet: the three months before November's run (August … October).
    const november = await planMonthlyRun(ctx, '2026-11');
    expect(november.items[0]!.draft.lines.map((l) => l.label).slice(1)).toEqual([
      'Régularisation dépassement août 2026',
      'Régularisation dépassement septembre 2026',
      'Régularisation dépassement octobre 2026',
    ]);
    await createMonthlyDrafts(ctx, november, ACTOR);

    // December's run finds them on November's invoice: nothing is billed twice.
    const december = await planMonthlyRun(ctx, '2026-12');
    expect(december.items[0]!.draft.lines.map((l) => l.label)).toEqual([expect.stringMatching(/^Abonnement Dokos, formule T49 – décembre 2026/)]);
  });
});
