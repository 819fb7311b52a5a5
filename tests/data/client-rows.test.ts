import { describe, expect, it } from 'vitest';
import { generateDemoPortfolio, type Contract } from '../../src-core';
import { readPortfolio } from '../../src-renderer/data';
import { writeClientRows } from '../../src-renderer/data/client-rows';
import { commitPulledPage } from '../../src-renderer/data/sync-state';
import { openTestData } from './helpers';

const demo = generateDemoPortfolio({ seed: 5, clients: 6 });
const [first, second] = demo.clients as [(typeof demo.clients)[0], (typeof demo.clients)[0]];
const contractOf = (clientId: string) => demo.contracts.find((c) => c.clientId === clientId)!;
const change = (entity: 'clients' | 'contracts', record: { id: string; version: number }) => ({ entity, recordId: record.id, version: record.version, deleted: false, record, changedAt: '2026-11-27T10:00:00Z' });

describe('client rows: a client and its contracts in one row', () => {
  it('a contract pulled before its client waits in a row of its own, which the client then joins', async () => {
    const { db } = await openTestData();
    const contract = contractOf(first.id);
    await commitPulledPage(db, 'core', { changes: [change('contracts', contract)], nextCursor: '1' });
    expect(await db.clientRows.get(first.id)).toEqual({ id: first.id, contracts: [contract], contractIds: [contract.id] });
    expect(await db.clients.get(first.id)).toBeUndefined();
    expect(await readPortfolio(db)).toEqual([]);

    await commitPulledPage(db, 'core', { changes: [change('clients', first)], nextCursor: '2' });
    expect(await db.clientRows.count()).toBe(1);
    expect(await db.clients.get(first.id)).toEqual(first);
    expect(await db.contracts.get(contract.id)).toEqual(contract);
    expect((await readPortfolio(db)).map((s) => [s.id, s.contracts.map((c) => c.status)])).toEqual([[first.id, [contract.status]]]);
  });

  it('a contract that changes client leaves its old row; a row with nothing left is deleted', async () => {
    const { db } = await openTestData();
    const contract = contractOf(first.id);
    await writeClientRows(db.clientRows, { clients: { puts: [second] }, contracts: { puts: [contract] } });
    expect((await db.clientRows.toArray()).map((f) => f.id).sort()).toEqual([first.id, second.id].sort());

    const moved: Contract = { ...contract, clientId: second.id, version: contract.version + 1 };
    await db.contracts.put(moved);
    expect(await db.clientRows.get(first.id)).toBeUndefined();
    expect(await db.clientRows.get(second.id)).toMatchObject({ client: second, contractIds: [contract.id] });
    expect(await db.contracts.ofClients([second.id])).toEqual([moved]);

    await db.clients.delete(second.id);
    expect(await db.clientRows.get(second.id)).toEqual({ id: second.id, contracts: [moved], contractIds: [contract.id] });
    await db.contracts.delete(contract.id);
    expect(await db.clientRows.count()).toBe(0);
  });

  it('reads many clients and contracts at once, in the order asked, undefined for the unknown', async () => {
    const { db } = await openTestData();
    await db.clients.bulkPut(demo.clients);
    await db.contracts.bulkPut(demo.contracts);
    expect(await db.clientRows.count()).toBe(demo.clients.length);
    const ids = [demo.contracts[2]!.id, 'inconnu', demo.contracts[0]!.id];
    expect(await db.contracts.bulkGet(ids)).toEqual([demo.contracts[2], undefined, demo.contracts[0]]);
    expect(await db.clients.bulkGet([second.id, 'inconnu'])).toEqual([second, undefined]);
    expect(await db.contracts.count()).toBe(demo.contracts.length);
    const seen: string[] = [];
    await db.contracts.each((c) => seen.push(c.id));
    expect(seen.sort()).toEqual(demo.contracts.map((c) => c.id).sort());
  });
});
