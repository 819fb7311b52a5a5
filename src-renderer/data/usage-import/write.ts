import { DomainError, formatMonthFr, parseEntity, usageDocumentSchema, type UsageDocument, type UsageMonth } from '../../../src-core';
import { writeBulkChanges, type BulkChange, type WriteProgress } from '../bulk-change';
import { changeTransaction } from '../change';
import type { DataContext } from '../context';
import { withContractUsage, type ClientSummary } from '../read-model/client-summary';
import { DELTA_LIMIT, readPortfolio, replacePortfolio, updateSummaries } from '../read-model/portfolio-chunks';

/** One imported row: a month of one contract's usage (other fields a row carries, like its CSV line, are ignored). */
export interface UsageImportRow extends UsageMonth {
  contractId: string;
}

/** Options of a usage import. */
export interface UsageImportOptions {
  onProgress?: (progress: WriteProgress) => void;
  /** Checked between two chunks: once aborted, the transaction is abandoned and nothing is written. */
  signal?: AbortSignal;
}

/**
 * Contracts read, merged and written per step of an import: large, since an
 * import runs in a worker; small enough for the progress and the cancel button
 * to answer within a second at 10,000 contracts.
 */
const IMPORT_CHUNK = 1000;

/** `months` with each of `entries` added or replacing the same month, sorted (a later entry wins). */
function withUsageMonths(months: readonly UsageMonth[], entries: readonly UsageMonth[]): UsageMonth[] {
  const byMonth = new Map(months.map((m) => [m.month, m]));
  for (const e of entries) byMonth.set(e.month, e);
  return [...byMonth.values()].sort((a, b) => (a.month < b.month ? -1 : 1));
}

const sameMonth = (a: UsageMonth, b: UsageMonth) => a.month === b.month && a.cpuHours === b.cpuHours && a.databaseGB === b.databaseGB && a.storageGB === b.storageGB;

/** Whether `entries` would change nothing in `months` (each month already stored with the values it would get): the document is left as it is. */
function changesNothing(months: readonly UsageMonth[], entries: readonly UsageMonth[]): boolean {
  const stored = new Map(months.map((m) => [m.month, m]));
  const incoming = new Map(entries.map((e) => [e.month, e]));
  for (const [month, entry] of incoming) {
    const before = stored.get(month);
    if (!before || !sameMonth(before, entry)) return false;
  }
  return true;
}

/** The months of each contract, grouped; only the month's own fields (a row may carry more, the CSV line; a stored month is strict). */
function monthsByContract(rows: readonly UsageImportRow[]): Map<string, UsageMonth[]> {
  const byContract = new Map<string, UsageMonth[]>();
  for (const { contractId, month, cpuHours, databaseGB, storageGB } of rows) {
    const entry = { month, cpuHours, databaseGB, storageGB };
    const list = byContract.get(contractId);
    if (list) list.push(entry);
    else byContract.set(contractId, [entry]);
  }
  return byContract;
}

/**
 * Imports many months at once (the platform's CSV export), all or nothing:
 * ONE read-write transaction merges each contract's months into its usage
 * document (validated whole, new months included), writes one audit entry
 * and one outbox mutation per changed document — whatever the number of its
 * months — and refreshes the clients' summaries once at the end from the
 * summaries in hand (the contracts are found in the read model, whose
 * usage-derived part is recomputed from the new documents: no client file is
 * read). A document the rows would not change is not written: a second import
 * of the same file writes nothing. A refused row (unknown contract, invalid
 * month) or an aborted `signal` throws before anything is committed.
 *
 * The chunks are pipelined: while IndexedDB stores one chunk's documents,
 * audit entries and mutations, the next chunk is merged here (IndexedDB runs
 * the requests of one transaction in the order they were made). The screen
 * runs it in a worker (worker.ts). Returns the number of usage documents changed.
 */
export async function importUsageMonths(ctx: DataContext, rows: readonly UsageImportRow[], actor: string, options: UsageImportOptions = {}): Promise<number> {
  const { db } = ctx;
  const { onProgress, signal } = options;
  const byContract = monthsByContract(rows);
  const ids = [...byContract.keys()];
  return changeTransaction(ctx, ['usage', 'contracts'], async () => {
    const at = ctx.now();
    // Read together: the read model (it names every contract with its client and terms, instead of 10,000 client
    // files, and its summaries are updated from the new months) and the first chunk's documents.
    const read = (from: number) => {
      const pending = db.usage.bulkGet(ids.slice(from, from + IMPORT_CHUNK));
      // A read left pending when a row is refused fails with the transaction, and is not a second error.
      pending.catch(() => undefined);
      return pending;
    };
    let next = read(0);
    const summaries = new Map((await readPortfolio(db)).map((s) => [s.id, s]));
    const known = new Map<string, { id: string; clientId: string; reference: string }>();
    for (const s of summaries.values()) for (const c of s.contracts) known.set(c.id, { id: c.id, clientId: s.id, reference: c.reference });
    const unsummarized = ids.filter((id) => !known.has(id));
    // A contract whose client is not stored yet (pulled first) has no summary: read it from its record.
    for (const c of unsummarized.length > 0 ? await db.contracts.bulkGet(unsummarized) : []) if (c) known.set(c.id, c);
    const changedSummaries = new Map<string, ClientSummary>();
    let changed = 0;
    // The chunk being stored, and how many contracts are done once it is.
    let writing: { stored: Promise<void>; done: number } | null = null;
    const stored = async () => {
      if (!writing) return;
      await writing.stored;
      onProgress?.({ written: writing.done, total: ids.length });
      writing = null;
    };
    for (let start = 0; start < ids.length; start += IMPORT_CHUNK) {
      signal?.throwIfAborted();
      const chunk = ids.slice(start, start + IMPORT_CHUNK);
      const docs = await next;
      // The next chunk's documents are read while this one is merged and the previous one stored.
      if (start + IMPORT_CHUNK < ids.length) next = read(start + IMPORT_CHUNK);
      const changes: BulkChange<UsageDocument>[] = [];
      chunk.forEach((id, i) => {
        const contract = known.get(id);
        if (!contract) throw new DomainError('INVALID_INPUT', `Contrat introuvable : ${id}.`);
        const months = byContract.get(id)!;
        const before = docs[i];
        if (before && changesNothing(before.months, months)) return;
        const base = before ?? { id, contractId: id, clientId: contract.clientId, months: [], createdAt: at, updatedAt: at, version: 0 };
        const after = parseEntity(usageDocumentSchema, { ...base, months: withUsageMonths(base.months, months), updatedAt: at }, `Consommation importée du contrat ${contract.reference}`);
        const list = months.map((m) => formatMonthFr(m.month)).join(', ');
        changes.push({ before, after, action: 'usage_import', summary: `Consommation importée pour le contrat ${contract.reference} : ${list}.`, clientId: contract.clientId });
        const summary = changedSummaries.get(contract.clientId) ?? summaries.get(contract.clientId);
        if (summary) changedSummaries.set(contract.clientId, withContractUsage(summary, after));
      });
      // One chunk's writes at a time are in flight: this one is issued once the previous one is stored.
      await stored();
      const done = Math.min(start + IMPORT_CHUNK, ids.length);
      if (changes.length === 0) {
        onProgress?.({ written: done, total: ids.length });
        continue;
      }
      writing = { stored: writeBulkChanges(ctx, 'usage', changes, actor), done };
      // Failing once the transaction is abandoned (a refused row, a cancel): the error that abandoned it is the one reported.
      writing.stored.catch(() => undefined);
      changed += changes.length;
    }
    await stored();
    signal?.throwIfAborted();
    // Most of the portfolio changed: its documents are rewritten from the summaries in hand, not read again.
    if (changedSummaries.size > DELTA_LIMIT) await replacePortfolio(db, [...summaries.values()].map((s) => changedSummaries.get(s.id) ?? s));
    else await updateSummaries(db, [...changedSummaries.values()]);
    return changed;
  });
}
