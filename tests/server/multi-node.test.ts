import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkContinuity } from '../../src-core/billing';
import { invoiceIssueResponseSchema, pullResponseSchema, pushResponseSchema, type RecordChange } from '../../src-core/sync';
import { createUser } from '../../src-server/auth/users';
import { openStorage } from '../../src-server/storage/open-storage';
import { apiClient, type ApiClient } from './support/api';
import { clientRecord, contractRecord, draftInvoice, mutation } from './support/fixtures';
import { startServerProcess, type ServerProcess } from './support/server-process';
import { postgresStorage, type TestStorage } from './support/storages';

const STARTUP_TIMEOUT = 180_000;
const ISSUES = 200;
const databaseUrl = process.env.TEST_DATABASE_URL;
if (!databaseUrl) console.log('TEST_DATABASE_URL non défini : test de l’API centrale sur deux nœuds ignoré (il lui faut PostgreSQL ; le stockage embarqué appartient à un seul processus).');

/**
 * The central API on more than one node (src-server/README.md, « Plusieurs
 * nœuds ») : two server processes on one PostgreSQL database, requests
 * alternating between them as a load balancer would send them. Only
 * PostgreSQL: an embedded data folder belongs to one process.
 */
describe.skipIf(!databaseUrl)('API centrale sur deux nœuds, une base PostgreSQL', () => {
  let storage: TestStorage;
  const nodes: ServerProcess[] = [];
  let apis: ApiClient[] = [];
  let alice = '';
  let bob = '';
  /** The node of the i-th request: round robin, like a load balancer. */
  const node = (i: number) => apis[i % apis.length]!;

  beforeAll(async () => {
    storage = await postgresStorage(databaseUrl!);
    const db = await openStorage(storage.config);
    alice = (await createUser(db, 'alice', 'account_manager')).token;
    bob = (await createUser(db, 'bob', 'account_manager')).token;
    await db.close();
    // Started together: the migrations' advisory lock lets one of them migrate, the other wait.
    const started = await Promise.all([0, 1].map(() => startServerProcess([...storage.cliArgs, '--rate-limit', '100000'], storage.cliEnv)));
    nodes.push(...started);
    apis = nodes.map((n) => apiClient(n.url));
  }, STARTUP_TIMEOUT);

  afterAll(async () => {
    await Promise.all(nodes.map((n) => n.stop()));
    await storage?.dispose();
  }, STARTUP_TIMEOUT);

  const push = async (i: number, deviceId: string, mutations: ReturnType<typeof mutation>[]) => {
    const answer = await node(i).post('/sync/push', i % 2 ? bob : alice, { deviceId, mutations });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    return pushResponseSchema.parse(answer.body).results;
  };

  /** Every record from the start; `pick` chooses the node of each page (a cursor must be valid on any node). */
  async function pullAll(pick: (page: number) => ApiClient, limit = 1000): Promise<RecordChange[]> {
    const changes: RecordChange[] = [];
    let cursor = '0';
    for (let n = 0; ; n++) {
      const page = pullResponseSchema.parse((await pick(n).post('/sync/pull', alice, { cursor, limit })).body);
      changes.push(...page.changes);
      cursor = page.nextCursor;
      if (!page.hasMore) return changes;
    }
  }

  it(`${ISSUES} émissions concurrentes par deux nœuds : numéros continus, aucune modification perdue`, { timeout: 300_000 }, async () => {
    await push(0, 'laptop-a', [mutation('laptop-a', 'clients', 'c-multi', clientRecord('Deux Nœuds SAS'))]);
    await push(1, 'laptop-b', [mutation('laptop-b', 'contracts', 'k-multi', contractRecord('c-multi', 'CT-MULTI-1'))]);
    const ids = Array.from({ length: ISSUES }, (_, i) => `inv-multi-${String(i).padStart(3, '0')}`);
    // Drafts pushed through both nodes at once, in batches of 20.
    const batches = Array.from({ length: ISSUES / 20 }, (_, b) => ids.slice(b * 20, b * 20 + 20));
    const pushed = await Promise.all(batches.map((batch, b) => push(b, b % 2 ? 'laptop-b' : 'laptop-a', batch.map((id) => mutation(b % 2 ? 'laptop-b' : 'laptop-a', 'invoices', id, draftInvoice('c-multi', 'k-multi'))))));
    expect(pushed.flat().every((r) => r.status === 'applied')).toBe(true);

    // Every issue at once, alternating nodes, while both nodes also take other changes (new clients) and serve pulls.
    const [answers, clientPushes] = await Promise.all([
      Promise.all(ids.map((invoiceId, i) => node(i).post('/invoices/issue', i % 2 ? bob : alice, { invoiceId }))),
      Promise.all(Array.from({ length: 20 }, (_, i) => push(i, 'laptop-c', [mutation('laptop-c', 'clients', `c-during-${i}`, clientRecord(`Pendant ${i}`))]))),
      Promise.all(apis.map((api) => pullAll(() => api))),
    ]);
    expect(answers.filter((a) => a.status !== 200).map((a) => JSON.stringify(a.body))).toEqual([]);
    expect(clientPushes.flat().every((r) => r.status === 'applied')).toBe(true);
    const numbers = answers.map((a) => invoiceIssueResponseSchema.parse(a.body).number);
    expect(new Set(numbers).size).toBe(ISSUES);
    expect(checkContinuity(numbers)).toEqual([]);
    expect([...numbers].sort()).toEqual(ids.map((_, i) => `F-2026-${String(i + 1).padStart(6, '0')}`));

    // Each node serves the same, complete state: every change made through either one.
    const [seenByA = [], seenByB] = await Promise.all(apis.map((api) => pullAll(() => api)));
    expect(seenByA).toEqual(seenByB);
    const invoices = new Map(seenByA.filter((c) => c.entity === 'invoices').map((c) => [c.recordId, c.record!]));
    expect(invoices.size).toBe(ISSUES);
    const numberOf = new Map(answers.map((a, i) => [ids[i]!, invoiceIssueResponseSchema.parse(a.body).number]));
    for (const [id, record] of invoices) expect(record).toMatchObject({ status: 'issued', number: numberOf.get(id) });
    expect(seenByA.filter((c) => c.entity === 'clients')).toHaveLength(21);
    // A laptop whose pages go to one node then the other (small pages, alternating) misses nothing and sees nothing twice.
    expect(await pullAll(node, 7)).toEqual(seenByA);
  });
});
