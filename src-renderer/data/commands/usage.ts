import { acceptedUsageMonth, countFr, message, refusalError, parseEntity, usageDocumentSchema, usageMonthSchema, type Contract, type UsageDocument, type UsageMonth } from '../../../src-core';
import { changeTransaction, localWrite, writeChange } from '../change';
import type { DataContext } from '../context';
import { readPortfolio } from '../read-model/portfolio-chunks';
import type { WriteProgress } from '../invoicing/bulk-write';
import { applyRecordWrites, localChange, type RecordWrite } from '../writes/gateway';

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

/** Contracts read, merged and written per step of an import: large, since an import runs in a worker (data/usage-import). */
const IMPORT_CHUNK = 1000;

const sameMonth = (a: UsageMonth, b: UsageMonth) => a.cpuHours === b.cpuHours && a.databaseGB === b.databaseGB && a.storageGB === b.storageGB;

/**
 * `months` with each of `entries` added or replacing the same month, sorted
 * (a later entry wins), and whether that changes them: told from the entries
 * alone, without comparing the whole history.
 */
function withUsageMonths(months: readonly UsageMonth[], entries: readonly UsageMonth[]): { months: UsageMonth[]; changed: boolean } {
  const byMonth = new Map(months.map((m) => [m.month, m]));
  let changed = false;
  for (const e of entries) {
    const stored = byMonth.get(e.month);
    if (!stored || !sameMonth(stored, e)) changed = true;
    byMonth.set(e.month, e);
  }
  return { months: [...byMonth.values()].sort((a, b) => (a.month < b.month ? -1 : 1)), changed };
}

/** The usage aggregate's commands: a month entered by hand, a whole file imported. */
export function usageCommands(ctx: DataContext) {
  const { db } = ctx;

  /**
   * The contract's usage document with `months` merged in (same month
   * replaced), and whether they change it. Valid by construction when the
   * stored document and the months are: its id is its contract's, its months
   * sorted and unique.
   */
  function merged(contract: Pick<Contract, 'id' | 'clientId'>, before: UsageDocument | undefined, months: readonly UsageMonth[], at: string): { after: UsageDocument; changed: boolean } {
    const base = before ?? { id: contract.id, contractId: contract.id, clientId: contract.clientId, months: [], createdAt: at, updatedAt: at, version: 0 };
    const next = withUsageMonths(base.months, months);
    return { after: { ...base, months: next.months, updatedAt: at }, changed: !before || next.changed };
  }

  return {
    /** Adds or replaces one month of a contract's usage (manual entry or correction). */
    async recordMonth(contractId: string, entry: UsageMonth, actor: string): Promise<UsageDocument> {
      const month = parseEntity(usageMonthSchema, entry, 'Consommation');
      return changeTransaction(ctx, ['usage', 'contracts'], async () => {
        const contract = await db.contracts.get(contractId);
        if (!contract) throw refusalError('INVALID_INPUT', message('refusal.notFound.contract', { id: contractId }));
        const before = await db.usage.get(contractId);
        const after = parseEntity(usageDocumentSchema, merged(contract, before, [month], ctx.now()).after, 'Relevé de consommation');
        const summary = message('audit.usage.month', { month: { month: month.month }, reference: contract.reference });
        await writeChange(ctx, { entity: 'usage', before, after, actor, action: 'usage_month', summary, clientId: contract.clientId });
        return after;
      });
    },

    /**
     * Imports many months at once (the platform's CSV export), all or nothing:
     * ONE read-write transaction merges each contract's months into its usage
     * document and hands the changed documents to the write gateway a chunk at
     * a time (the next chunk is read while one is written): one outbox mutation
     * per document, and per chunk ONE grouped audit entry holding each
     * document's line (`localChange(ctx, grouped)`: 11,000 entries of their
     * own were a third of a 10,000-client import; its months in one `{ months }`
     * value, not a message each, which made the audit as heavy as the
     * documents). The gateway then updates
     * the clients' summaries from the read model itself
     * (read-model/maintainers.ts: no client file read). The contracts are found
     * in the read model too. A refused row (unknown contract, invalid month:
     * each new month is validated, and the documents stay valid by
     * construction, so the stored history is not validated again) or an
     * aborted `signal` throws before anything is committed. The screen runs it
     * in a worker (data/usage-import): 145,000 rows keep no thread but that
     * one busy. Returns the number of usage documents changed.
     */
    async importMonths(rows: readonly UsageImportRow[], actor: string, options: UsageImportOptions = {}): Promise<number> {
      const { onProgress, signal } = options;
      const byContract = new Map<string, UsageMonth[]>();
      // Only the month's own fields: a row may carry more (the CSV line number), a stored month is strict.
      for (const { contractId, month, cpuHours, databaseGB, storageGB } of rows) {
        const fields = { month, cpuHours, databaseGB, storageGB };
        // The schema's own checks, made without it; a refused row goes through it for its message.
        const entry = acceptedUsageMonth(fields) ?? parseEntity(usageMonthSchema, fields, 'Consommation importée');
        const list = byContract.get(contractId);
        if (list) list.push(entry);
        else byContract.set(contractId, [entry]);
      }
      const ids = [...byContract.keys()];
      const grouped = { id: ctx.newId(), summary: `Import de consommations : ${countFr(rows.length, 'mois', 'mois')} pour ${countFr(ids.length, 'contrat', 'contrats')}.` };
      return changeTransaction(ctx, ['usage', 'contracts'], async () => {
        const at = ctx.now();
        // The read model, read in this transaction, names every contract with its client: found there instead of in 10,000 client files.
        const known = new Map<string, { id: string; clientId: string; reference: string }>();
        for (const s of await readPortfolio(db)) for (const c of s.contracts) known.set(c.id, { id: c.id, clientId: s.id, reference: c.reference });
        const unsummarized = ids.filter((id) => !known.has(id));
        // A contract whose client is not stored yet (pulled first) has no summary: read it from its record.
        for (const c of unsummarized.length > 0 ? await db.contracts.bulkGet(unsummarized) : []) if (c) known.set(c.id, c);
        let changed = 0;
        // Read ahead; a read left pending when a row is refused fails with the transaction, and is not a second error.
        const read = (from: number) => {
          const pending = db.usage.bulkGet(ids.slice(from, from + IMPORT_CHUNK));
          pending.catch(() => undefined);
          return pending;
        };
        let next = read(0);
        let start = 0;
        // One chunk per call of the gateway (reported once the gateway asks for the next, i.e. this one is written).
        const nextChunk = (): Promise<RecordWrite[]> | undefined => {
          if (start > 0) onProgress?.({ written: Math.min(start, ids.length), total: ids.length });
          signal?.throwIfAborted();
          return start < ids.length ? chunkWrites() : undefined;
        };
        const chunkWrites = async (): Promise<RecordWrite[]> => {
          const chunk = ids.slice(start, start + IMPORT_CHUNK);
          const docs = await next;
          // The next chunk's documents are read while this one is merged and written.
          if (start + IMPORT_CHUNK < ids.length) next = read(start + IMPORT_CHUNK);
          const writes: RecordWrite[] = [];
          chunk.forEach((id, i) => {
            const contract = known.get(id);
            if (!contract) throw refusalError('INVALID_INPUT', message('refusal.notFound.contract', { id }));
            const months = byContract.get(id)!;
            const before = docs[i];
            const { after, changed: differs } = merged(contract, before, months, at);
            if (!differs) return;
            const said = message('audit.usage.import', { reference: contract.reference, months: { months: months.map((m) => m.month) } });
            writes.push(localWrite({ entity: 'usage', before, after, actor, action: 'usage_import', summary: said, clientId: contract.clientId }));
          });
          changed += writes.length;
          start += IMPORT_CHUNK;
          return writes;
        };
        await applyRecordWrites(db, nextChunk, localChange(ctx, grouped));
        return changed;
      });
    },
  };
}
