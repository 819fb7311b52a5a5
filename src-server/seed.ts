import { isValidDocumentNumber, parseDocumentNumber, type DocumentNumber } from '../src-core/billing';
import { digestsOf, ENTITY_TYPES, mergeUpsert, type EntityType, type WireRecord } from '../src-core/sync';
import { loadSeries, saveSeries } from './invoices/series-store';
import type { Db, Queryable } from './storage/db';
import { validateRecord } from './sync/entity-validation';
import { applyDigestChange } from './sync/record-digests';
import { actorNameSql, lockWrites } from './sync/record-store';

/** Records to seed, by entity; written in the pull streams' order (clients and contracts first). */
export type SeedTables = Partial<Record<EntityType, readonly WireRecord[]>>;

export interface SeedResult {
  byEntity: Partial<Record<EntityType, number>>;
  records: number;
  /** The change counter after the seed: a pull from "0" ends there. */
  lastSeq: number;
}

export class SeedError extends Error {}

const SEED_ORDER: readonly EntityType[] = ['priceLists', 'clients', 'contracts', 'usage', 'invoices', 'payments', 'letters'];
/** Rows per INSERT: one jsonb parameter each, a few MB at most with usage documents. */
const DEFAULT_BATCH = 2_000;

interface Row {
  entity: EntityType;
  id: string;
  data: WireRecord;
  version: number;
  field_versions: Record<string, number>;
  seq: number;
}

/**
 * Bulk seed of the record store (demo portfolio, benchmarks): each record is
 * created exactly as a pushed creation would be (src-core/sync/merge
 * `mergeUpsert` on base version 0, then entity validation: version 1, every
 * field at version 1, the server's `updatedAt`), with consecutive change
 * sequences and an audit line per record — but written by large INSERTs,
 * one transaction per entity, instead of one transaction per mutation. The
 * central numbering series advance to the seeded invoices' numbers, as
 * issuing them would have. Seeding a record the store already holds fails
 * and rolls its entity back. One code path for PGlite and PostgreSQL.
 */
export async function seedRecords(db: Db, userId: string, tables: SeedTables, options: { batchSize?: number; now?: string } = {}): Promise<SeedResult> {
  const batchSize = options.batchSize ?? DEFAULT_BATCH;
  const now = options.now ?? new Date().toISOString();
  const unknown = Object.keys(tables).filter((e) => !(ENTITY_TYPES as readonly string[]).includes(e));
  if (unknown.length > 0) throw new SeedError(`Type d’enregistrement inconnu : ${unknown.join(', ')}.`);
  const byEntity: Partial<Record<EntityType, number>> = {};
  let records = 0;
  let lastSeq = 0;
  for (const entity of SEED_ORDER) {
    const list = tables[entity];
    if (!list || list.length === 0) continue;
    // Merged and validated before the transaction: a refused record stops the seed with nothing of its entity written.
    const created = list.map((record) => createdRecord(entity, record, now));
    lastSeq = await db.transaction(async (tx) => {
      await lockWrites(tx);
      const [counter] = await tx.query<{ last_seq: number }>('select last_seq from change_counter where id = 1');
      if (!counter) throw new Error('change_counter row missing: migrations not applied');
      let seq = counter.last_seq;
      for (let start = 0; start < created.length; start += batchSize) {
        const rows: Row[] = created.slice(start, start + batchSize).map((r) => ({ entity, ...r, seq: ++seq }));
        await insertBatch(tx, userId, rows);
        // New records only (a seeded one the store held fails the batch): each adds its part to the digests.
        await applyDigestChange(tx, entity, digestsOf(rows));
      }
      await tx.query('update change_counter set last_seq = $1 where id = 1', [seq]);
      if (entity === 'invoices') await advanceSeries(tx, created.map((r) => r.data));
      return seq;
    });
    byEntity[entity] = created.length;
    records += created.length;
  }
  return { byEntity, records, lastSeq };
}

function createdRecord(entity: EntityType, record: WireRecord, now: string): Omit<Row, 'entity' | 'seq'> {
  const id = record.id;
  if (typeof id !== 'string' || id === '') throw new SeedError(`${entity} : enregistrement sans id.`);
  const outcome = mergeUpsert(undefined, id, 0, record, now);
  if (outcome.kind !== 'apply') throw new SeedError(`${entity}/${id} : ${outcome.kind === 'reject' ? outcome.reason : 'conflit'}.`);
  const validated = validateRecord(entity, outcome.next.data);
  if (!validated.ok) throw new SeedError(`${entity}/${id} : ${validated.reason}`);
  return { id, data: validated.record, version: outcome.next.version, field_versions: outcome.next.fieldVersions };
}

/** One INSERT for the records and one for their audit lines, each from a single jsonb parameter. */
async function insertBatch(tx: Queryable, userId: string, rows: readonly Row[]): Promise<void> {
  try {
    await tx.query(
      `insert into records (entity, id, data, version, field_versions, deleted, seq, changed_at, changed_by)
       select r.entity, r.id, r.data, r.version, r.field_versions, false, r.seq, now(), ${actorNameSql('$2')}
       from jsonb_to_recordset($1::jsonb) as r(entity text, id text, data jsonb, version integer, field_versions jsonb, seq bigint)`,
      [JSON.stringify(rows), userId],
    );
  } catch (error) {
    if (error instanceof Error && /duplicate key|records_pkey/.test(error.message)) {
      throw new SeedError(`${rows[0]?.entity ?? ''} : un enregistrement à semer existe déjà sur le serveur.`);
    }
    throw error;
  }
  const audit = rows.map((r) => ({ entity: r.entity, record_id: r.id, fields: Object.keys(r.field_versions), version: r.version }));
  await tx.query(
    `insert into audit_log (user_id, device_id, action, entity, record_id, mutation_id, fields, version, actor_name)
     select $1, null, 'seed', a.entity, a.record_id, null, a.fields, a.version, ${actorNameSql('$1')}
     from jsonb_to_recordset($2::jsonb) as a(entity text, record_id text, fields jsonb, version integer)`,
    [userId, JSON.stringify(audit)],
  );
}

/** The central series (F-2026-000123…) end at the highest seeded number and its date, as if the server had issued them. */
async function advanceSeries(tx: Queryable, invoices: readonly WireRecord[]): Promise<void> {
  const last = new Map<string, { parsed: DocumentNumber; issueDate: string }>();
  for (const invoice of invoices) {
    const { number, issueDate } = invoice;
    if (typeof number !== 'string' || !isValidDocumentNumber(number) || typeof issueDate !== 'string') continue;
    const parsed = parseDocumentNumber(number);
    if (parsed.deviceCode !== undefined) continue; // a device series advances when its laptop pushes
    const key = `${parsed.prefix}-${parsed.year}`;
    const known = last.get(key);
    if (!known || known.parsed.number < parsed.number) last.set(key, { parsed, issueDate });
  }
  for (const { parsed, issueDate } of last.values()) {
    const current = await loadSeries(tx, parsed.prefix, parsed.year);
    if (current.lastNumber < parsed.number) await saveSeries(tx, { ...current, lastNumber: parsed.number, lastIssueDate: issueDate });
  }
}
