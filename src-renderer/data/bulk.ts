import Dexie from 'dexie';
import { acceptEntity, demoPortfolioParts, demoPriceListRecord, ENTITY_LABELS, entitySchemas, listsOrBuiltIn, type DemoPortfolioOptions, type EntityRecords, type EntityType, type PriceListRecord, type UsageDocument } from '../../src-core';
import type { ContratsDb } from './db';
import { allReadModelTables, alwaysFollowedChanges, READ_MODEL, type ComputedReadModel, type ReadModelMaintainer, type ReadModelSources } from './read-model/maintainers';
import type { BookKey } from './invoice-books';
import { partsOf } from './invoice-directory';
import { recordTables } from './record-store';
import { applyRecordWrites, clearRecords, FIRST_LOAD, followAlways, FROM_SERVER, READ_MODEL_PENDING, rebuildPendingReadModel, recordsAndReadModel, writeScope, type RecordWrite, type WriteOrigin } from './writes/gateway';

/** Progress of a bulk load: records written so far out of the total, per entity (a client's contracts ride with it). */
export type BulkProgress = (progress: { entity: EntityType; written: number; total: number }) => void;

export interface BulkLoadOptions {
  /** Records per step (default 2,000; the first steps of a load smaller, see RAMP): the next step is validated while IndexedDB stores this one; progress is told per step. */
  chunkSize?: number;
  /** Validates every record with its schema (default true); a refused record aborts the load: nothing is written. */
  validate?: boolean;
  onProgress?: BulkProgress;
}

/** Records of several entities loaded together (a whole portfolio from the server, the demo data). */
export type BulkRecords = { readonly [E in EntityType]?: readonly EntityRecords[E][] };

/**
 * Writes records that came from elsewhere — the server — through the write
 * gateway, in ONE transaction: a refused record (schema) writes nothing. No
 * audit entry and no outbox mutation: these are not local changes and must
 * not be pushed back. See `bulkLoadRecords` for how.
 */
export function bulkLoad<E extends EntityType>(db: ContratsDb, entity: E, records: readonly EntityRecords[E][], options: BulkLoadOptions = {}): Promise<number> {
  return bulkLoadRecords(db, { [entity]: records } as BulkRecords, options);
}

/**
 * Writes the records of several entities from the server in one transaction,
 * as close as it can to the pace of a bare bulkPut of the same rows (the
 * storage bench compares them), answering how many records it wrote:
 * - each client with its contracts and each client's invoices in one step, so
 *   that their row and books are written once; a store empty when the load
 *   begins is not read at all (nothing of it can be stored but what this load
 *   wrote, in earlier steps, of other clients), and such steps are issued
 *   without waiting for the one before;
 * - each step is validated while IndexedDB stores the one before (the
 *   gateway's `whileWriting`), on the page's thread while the storage works;
 * - the reconciliation digests and the invoiced months are folded as each step is
 *   stored, and their few rows written once, at the end; so is the directory
 *   of the invoices' books, into books none of which was stored;
 * - into a laptop holding no client, contract or usage yet, it is a first
 *   load for the gateway: each part of the read model is computed once from
 *   the records in hand as soon as the last step of its sources is made, and
 *   written while the steps after are stored (the summaries while the
 *   invoices are, the overrun facts before the last step is); otherwise the
 *   records are merged by id and the read model follows each step (`FROM_SERVER`).
 */
export async function bulkLoadRecords(db: ContratsDb, records: BulkRecords, options: BulkLoadOptions = {}): Promise<number> {
  const entities = LOAD_ORDER.filter((e) => (records[e]?.length ?? 0) > 0);
  const size = options.chunkSize ?? DEFAULT_STEP;
  let made = 0;
  // The first steps smaller: IndexedDB waits for the first one to be validated, not for a whole step of 2,000 clients.
  const limit = () => Math.max(1, size >> Math.max(0, RAMP - made++));
  const steps = phasesOf(records, entities).flatMap(({ entity, entities: held, groups }) => {
    const total = groups.reduce((n, g) => n + g.size, 0);
    return chunked(groups, limit).map((chunk): Step => ({ entity, entities: held, total, size: chunk.reduce((n, g) => n + g.size, 0), records: () => chunk.flatMap((g) => g.records) }));
  });
  await loadSteps(db, entities, steps, { ...options, origin: (whole) => (whole ? FIRST_LOAD : FROM_SERVER) });
  return entities.reduce((n, e) => n + records[e]!.length, 0);
}

const DEFAULT_STEP = 2000;

/** The steps of a load start at an eighth of their size, and double (a quarter, a half) up to it. */
const RAMP = 3;

/** The order of a load: the price lists and the client rows first, what the clients list needs. */
const LOAD_ORDER: readonly EntityType[] = ['priceLists', 'clients', 'contracts', 'usage', 'invoices', 'payments', 'letters'];

interface LoadOptions extends Pick<BulkLoadOptions, 'validate' | 'onProgress'> {
  /** The gateway origin, given whether the read model's sources (clients, contracts, usage) were empty. */
  origin: (whole: boolean) => WriteOrigin;
}

type Loaded = { entity: EntityType; record: object };

/** Records of one entity or of a client (with its contracts or its invoices): written in one step. */
interface Group {
  records: readonly Loaded[];
  /** Its weight in progress and chunking (records, or 1 for a client row). */
  size: number;
}

/** The groups of one entity (its progress is told as it). */
interface Phase {
  entity: EntityType;
  /** The entities its records may be of (a client's contracts ride with it). */
  entities: readonly EntityType[];
  groups: Group[];
}

/** One step of a load: its records (made when the step before is being stored), told in progress as `size` more of `entity`'s `total`. */
interface Step {
  entity: EntityType;
  /** The entities its records may be of. */
  entities: readonly EntityType[];
  size: number;
  total: number;
  records: () => readonly Loaded[];
}

/**
 * Writes `steps` through the gateway in one transaction, each step's records
 * made (validated, generated) while IndexedDB stores the step before; a
 * store empty when it begins is not read (see bulkLoadRecords).
 */
async function loadSteps(db: ContratsDb, entities: readonly EntityType[], steps: readonly Step[], { validate = true, onProgress, origin: originOf }: LoadOptions): Promise<void> {
  if (steps.length === 0) return;
  const sources = [db.clientRows, db.usage, db.priceLists];
  // Both origins' scopes: whether this is a first load is read inside the transaction.
  const tables = new Set([...writeScope(db, entities, FIRST_LOAD), ...writeScope(db, entities, FROM_SERVER), ...allReadModelTables(db), ...sources, db.syncState, db.outbox]);
  await db.transaction('rw', [...tables], async () => {
    const [rows, usage, books, lists, ...others] = await Promise.all([
      db.clientRows.count(),
      db.usage.count(),
      db.invoiceBooks.count(),
      db.priceLists.toArray(),
      ...entities.map((e) => recordTables(db, [e])[0]!.count()),
    ]);
    const whole = rows === 0 && usage === 0;
    const origin = originOf(whole);
    const stored = new Set(entities.filter((_, i) => others[i]! > 0));
    const kept: { [E in EntityType]?: EntityRecords[E][] } = {};
    const prepare = (step: Step): RecordWrite[] =>
      step.records().map(({ entity, record }) => {
        const after = validate ? acceptEntity(entitySchemas[entity], record, ENTITY_LABELS[entity]) : record;
        if (whole) ((kept[entity] ??= []) as object[]).push(after);
        // Into an empty store nothing is stored: `before` is known, and not read.
        return (stored.has(entity) ? { entity, after } : { entity, before: undefined, after }) as RecordWrite;
      });
    const written = new Map<EntityType, number>();
    let refused: unknown;
    // Each step's digests and invoiced months, folded as it is stored (while IndexedDB stores the steps after it), stored once at the end.
    const followed = alwaysFollowedChanges();
    // Into books none of which is stored, each document's book, for the directory written once at the end (invoice-books.ts).
    const directoryLater = new Map<string, BookKey>();
    /** Steps issued and not yet stored, and the parts of the read model being written. */
    const inFlight: Promise<void>[] = [];
    const settled = () => Dexie.Promise.all(inFlight.splice(0)).then(() => undefined);
    // A whole first load writes each part of the read model from the records in hand as soon as the last step of its
    // sources is issued (the summaries before the invoices are), its work done while IndexedDB stores the steps after.
    const fromMemory = whole && origin.kind === 'first-load';
    const parts = fromMemory ? sourcedBy(steps) : [];
    const computed: ComputedReadModel = new Map();
    /** Writes the parts whose sources are all made once step `made` is. */
    const writeParts = (made: number) => {
      while (parts.length > 0 && parts[0]!.after <= made) {
        const { part } = parts.shift()!;
        computed.set(part.name, part.compute(sourcesOf(kept, lists, books === 0), computed));
        inFlight.push(Dexie.Promise.resolve(part.replace(db, computed.get(part.name))));
      }
    };
    let next = prepare(steps[0]!);
    for (const [i, step] of steps.entries()) {
      const writes = next;
      const following = steps[i + 1];
      // A step that reads stored records waits for the steps before, and the next one for it; the others are
      // issued at once: IndexedDB stores one step while the next is validated and serialized, as one bulkPut would.
      const reads = writes.some((w) => !('before' in w));
      if (reads) await settled();
      const storing = applyRecordWrites(db, writes, origin, {
        rowsStored: rows > 0,
        booksStored: books > 0,
        ...(books === 0 ? { directoryLater } : {}),
        followAlwaysLater: followed,
        // While IndexedDB stores this step: make the next one, then write the parts of the read model whose sources are all made.
        whileWriting: () => {
          try {
            if (following) next = prepare(following);
            writeParts(i + 1);
          } catch (error) {
            refused = error;
            throw error;
          }
        },
      });
      inFlight.push(
        storing.then(() => {
          written.set(step.entity, (written.get(step.entity) ?? 0) + step.size);
          onProgress?.({ entity: step.entity, written: written.get(step.entity)!, total: step.total });
        }),
      );
      // A refused record: nothing more is issued, and the transaction aborts.
      if (refused !== undefined || reads) await settled();
    }
    await settled();
    if (directoryLater.size > 0) await db.invoiceDirectory.bulkPut(partsOf(directoryLater));
    await followAlways(db, followed);
    if (origin.kind !== 'first-load') return;
    // Every part written from memory above: the mark the gateway set with the steps goes; otherwise the model is rebuilt from the stored records.
    if (fromMemory) await db.syncState.delete(READ_MODEL_PENDING);
    else await rebuildPendingReadModel(db);
  });
}

/**
 * The parts of the read model in the order they are written, each with the
 * step after which all its sources are made: the last step that may hold one
 * of them, and not before the part it derives from (READ_MODEL's order).
 */
function sourcedBy(steps: readonly Step[]): { part: ReadModelMaintainer; after: number }[] {
  let after = 0;
  return READ_MODEL.map((part) => {
    steps.forEach((step, i) => {
      if (step.entities.some((e) => part.feeds(e))) after = Math.max(after, i);
    });
    return { part, after };
  });
}

/**
 * The read model's sources: the records loaded (validated), judged against the price lists stored
 * before and loaded; the invoices too when the store held none (`allInvoices`): then they are all of them.
 */
function sourcesOf(kept: { [E in EntityType]?: EntityRecords[E][] }, stored: readonly PriceListRecord[], allInvoices: boolean): ReadModelSources {
  const lists = new Map(stored.map((l) => [l.id, l]));
  for (const l of kept.priceLists ?? []) lists.set(l.id, l);
  return { clients: kept.clients ?? [], contracts: kept.contracts ?? [], usage: kept.usage ?? [], priceLists: listsOrBuiltIn([...lists.values()]), ...(allInvoices ? { invoices: kept.invoices ?? [] } : {}) };
}

const single = (entity: EntityType, list: readonly object[] = []): Group[] => list.map((record) => ({ records: [{ entity, record }], size: 1 }));

/** Records grouped by their client, in the order their clients first come. */
function byClient(entity: EntityType, list: readonly (object & { clientId: string })[] = []): Group[] {
  const groups = new Map<string, { entity: EntityType; record: object }[]>();
  for (const record of list) (groups.get(record.clientId) ?? groups.set(record.clientId, []).get(record.clientId)!).push({ entity, record });
  return [...groups.values()].map((g) => ({ records: g, size: g.length }));
}

/**
 * What is written, in which steps: each client's row written once (with its
 * contracts when both come: progress then counts clients), each client's
 * invoices together (its books written once), the other records one by one.
 */
function phasesOf(records: BulkRecords, entities: readonly EntityType[]): Phase[] {
  const phases: Phase[] = [];
  const has = (e: EntityType) => entities.includes(e);
  if (has('priceLists')) phases.push({ entity: 'priceLists', entities: ['priceLists'], groups: single('priceLists', records.priceLists) });
  if (has('clients') && has('contracts')) {
    const contracts = new Map<string, object[]>();
    for (const c of records.contracts!) (contracts.get(c.clientId) ?? contracts.set(c.clientId, []).get(c.clientId)!).push(c);
    const groups: Group[] = records.clients!.map((client) => {
      const own = contracts.get(client.id) ?? [];
      contracts.delete(client.id);
      return { records: [{ entity: 'clients', record: client }, ...own.map((record) => ({ entity: 'contracts' as const, record }))], size: 1 };
    });
    // Contracts whose client does not come (a pull can bring a contract first): a row of their own each client.
    for (const own of contracts.values()) groups.push({ records: own.map((record) => ({ entity: 'contracts' as const, record })), size: 1 });
    phases.push({ entity: 'clients', entities: ['clients', 'contracts'], groups });
  } else if (has('clients')) phases.push({ entity: 'clients', entities: ['clients'], groups: single('clients', records.clients) });
  else if (has('contracts')) phases.push({ entity: 'contracts', entities: ['contracts'], groups: byClient('contracts', records.contracts) });
  if (has('usage')) phases.push({ entity: 'usage', entities: ['usage'], groups: single('usage', records.usage) });
  if (has('invoices')) phases.push({ entity: 'invoices', entities: ['invoices'], groups: byClient('invoices', records.invoices) });
  for (const entity of ['payments', 'letters'] as const) if (has(entity)) phases.push({ entity, entities: [entity], groups: single(entity, records[entity]) });
  return phases;
}

/** Consecutive groups of at most `limit()` in all, asked as each chunk begins (a larger group alone): a group is never split. */
function chunked(groups: readonly Group[], limit: () => number): Group[][] {
  const chunks: Group[][] = [];
  let chunk: Group[] = [];
  let n = 0;
  let size = limit();
  for (const group of groups) {
    if (chunk.length > 0 && n + group.size > size) {
      chunks.push(chunk);
      chunk = [];
      n = 0;
      size = limit();
    }
    chunk.push(group);
    n += group.size;
  }
  if (chunk.length > 0) chunks.push(chunk);
  return chunks;
}

export interface DemoLoadOptions extends DemoPortfolioOptions, Omit<BulkLoadOptions, 'validate'> {
  /** Empties the entity tables, the audit and the outbox first (default false: records are merged by id). */
  replace?: boolean;
}

const DEMO_ENTITIES: readonly EntityType[] = ['clients', 'contracts', 'usage', 'invoices', 'payments', 'letters', 'priceLists'];

/**
 * Loads a generated demo portfolio. Demo data is local-only: it writes no
 * outbox mutations, so nothing is pushed to a central API by accident. To
 * send it to an empty server later, an explicit "upload the portfolio" action
 * can enqueue one create mutation per record. Always a first load for the
 * gateway, written as `bulkLoadRecords` writes (one transaction, each client
 * row once, nothing read from an empty store); generated records are valid by
 * construction (tests/unit/demo), so they are not validated again. The read
 * model is computed from the portfolio in hand when the laptop held no
 * client, contract or usage (or `replace` emptied them), else rebuilt from
 * the stored records.
 */
export async function loadDemoPortfolio(db: ContratsDb, options: DemoLoadOptions): Promise<{ clients: number; contracts: number; usage: number }> {
  const { replace = false, chunkSize = DEFAULT_STEP, onProgress, ...generator } = options;
  // Checked now (a refused size writes nothing), made a part at a time while the part before is stored.
  const parts = demoPortfolioParts(generator, chunkSize);
  if (replace) {
    const tables = [...recordsAndReadModel(db, DEMO_ENTITIES), db.audit, db.outbox];
    await db.transaction('rw', tables, () => Promise.all([clearRecords(db, DEMO_ENTITIES), db.audit.clear(), db.outbox.clear()]));
  }
  const made = { clients: 0, contracts: 0, usage: 0 };
  const part = (): Loaded[] => {
    const { value, done } = parts.next();
    if (done) return [];
    made.clients += value.clients.length;
    made.contracts += value.contracts.length;
    made.usage += value.usage.length;
    // Each client with its contracts (its row written once, not read when none can be stored), then their usage.
    const rows = phasesOf(value, ['clients', 'contracts'])[0]!.groups.flatMap((g) => g.records);
    return [...rows, ...value.usage.map((record: UsageDocument) => ({ entity: 'usage' as const, record }))];
  };
  const clients = generator.clients;
  const steps: Step[] = [
    { entity: 'priceLists', entities: ['priceLists'], size: 1, total: 1, records: () => [{ entity: 'priceLists', record: demoPriceListRecord() }] },
    // A part's contracts and usage ride with its clients: progress is told in clients.
    ...Array.from({ length: Math.ceil(clients / chunkSize) }, (_, i): Step => ({ entity: 'clients', entities: ['clients', 'contracts', 'usage'], size: Math.min(chunkSize, clients - i * chunkSize), total: clients, records: part })),
  ];
  await loadSteps(db, DEMO_ENTITIES.filter((e) => e !== 'invoices' && e !== 'payments' && e !== 'letters'), steps, { validate: false, ...(onProgress ? { onProgress } : {}), origin: () => FIRST_LOAD });
  return made;
}
