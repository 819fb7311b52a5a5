import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TODAY, demoPriceListRecord, generateDemoPortfolio, type EntityType, type PriceListRecord, type WireRecord } from '../../src-core';
import { openDataLayer, readPortfolio, summarizeClients } from '../../src-renderer/data';
import { createSyncEngine } from '../../src-renderer/sync/engine';
import { inlinePageReader } from '../../src-renderer/sync/page-reader';
import { createUser } from '../../src-server/auth/users';
import { seedRecords } from '../../src-server/seed';
import { startServer, type RunningServer } from '../../src-server/server';

/**
 * A price list that reaches the laptop after the contracts on it (issue 19):
 * the summaries judged without it (no limits, so no overrun) are judged again
 * when it is pulled, in the pull's transaction, and the overrun facts follow.
 * The real server over HTTP, seeded in two steps as an administrator would:
 * the portfolio first, its list afterwards.
 */
const LIST_ID = 'PL-TEST-2024-09-01';

/** A list of its own with half the limits of the built-in one: more months over, none judged while it is missing. */
function tighterList(): PriceListRecord {
  const builtIn = demoPriceListRecord();
  return {
    ...builtIn,
    id: LIST_ID,
    label: 'Grille de test',
    tiers: builtIn.tiers.map((t) => ({ ...t, limits: { cpuHours: t.limits.cpuHours / 2, databaseGB: t.limits.databaseGB / 2, storageGB: t.limits.storageGB / 2 } })),
  };
}

describe('une grille tarifaire reçue après ses contrats', { timeout: 120_000 }, () => {
  let server: RunningServer;
  let token: string;
  let userId: string;
  const demo = generateDemoPortfolio({ seed: 7, clients: 40, today: DEMO_TODAY });
  const contracts = demo.contracts.map((c) => ({ ...c, priceListId: LIST_ID }));
  const list = tighterList();

  beforeAll(async () => {
    server = await startServer({ storage: { inMemory: true }, port: 0, rateLimitPerMinute: 100_000 });
    const created = await createUser(server.db, 'grilles', 'account_manager');
    token = created.token;
    userId = created.user.id;
    await seedRecords(server.db, userId, { clients: demo.clients, contracts, usage: demo.usage } as unknown as Record<EntityType, WireRecord[]>);
  }, 180_000);
  afterAll(() => server?.close());

  it('réécrit les résumés et les dépassements des clients dont un contrat est sur cette grille', async () => {
    const data = await openDataLayer({ name: 'grille-tardive', indexedDB: new IDBFactory(), IDBKeyRange });
    const engine = createSyncEngine({ dataLayer: data, baseUrl: server.url, token, pageReader: inlinePageReader });
    await engine.syncNow();
    expect(await data.db.contracts.count()).toBe(contracts.length);
    // Without its list, no contract can be judged: no overrun anywhere (and nothing thrown).
    const before = await readPortfolio(data.db);
    expect(before).toHaveLength(demo.clients.length);
    expect(before.flatMap((s) => s.contracts).every((c) => c.overruns.length === 0)).toBe(true);
    expect(await data.db.overrunFacts.count()).toBe(0);

    await seedRecords(server.db, userId, { priceLists: [list] } as unknown as Record<EntityType, WireRecord[]>);
    await engine.syncNow();
    expect((await data.db.priceLists.toArray()).map((l) => l.id)).toEqual([LIST_ID]);

    // The summaries are now those of the records judged with the list, as a rebuild would make them.
    const expected = summarizeClients(demo.clients, contracts, demo.usage, [list]);
    const overrunsOf = (rows: typeof expected) => new Map(rows.flatMap((s) => s.contracts).map((c) => [c.id, c.overruns]));
    const after = await readPortfolio(data.db);
    expect(overrunsOf(after)).toEqual(overrunsOf(expected));
    const over = [...overrunsOf(after).values()].filter((o) => o.length > 0).length;
    expect(over).toBeGreaterThan(0);
    expect(await data.db.overrunFacts.count()).toBe(over);
    data.db.close();
  });
});
