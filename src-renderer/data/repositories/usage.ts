import { DomainError, formatMonthFr, parseEntity, usageDocumentSchema, usageMonthSchema, withUsageMonth, type Contract, type UsageDocument, type UsageMonth } from '../../../src-core';
import { BULK_CHUNK, writeBulkChanges, type BulkChange, type WriteProgress } from '../bulk-change';
import { changeTransaction, writeChange } from '../change';
import { refreshSummaries } from '../read-model/upkeep';
import type { DataContext } from '../context';

/** One imported row: a month of one contract's usage. */
export interface UsageImportRow extends UsageMonth {
  contractId: string;
  /** The contract's client when the caller knows it (the CSV parser does): its file is then read by key. */
  clientId?: string;
}

/** Rows checked between two pauses of an import's validation. */
const VALIDATION_SLICE = 5000;

export function usageRepository(ctx: DataContext) {
  const { db } = ctx;

  /** The contract's usage document with `months` merged in (same month replaced), validated as a whole. */
  function merged(contract: Contract, before: UsageDocument | undefined, months: readonly UsageMonth[], at: string): UsageDocument {
    const base = before ?? { id: contract.id, contractId: contract.id, clientId: contract.clientId, months: [], createdAt: at, updatedAt: at, version: 0 };
    return parseEntity(usageDocumentSchema, { ...base, months: months.reduce(withUsageMonth, base.months), updatedAt: at }, 'Relevé de consommation');
  }

  /**
   * The contracts of `ids`, each in `ids`' order: read through their clients' files by key when the client
   * is known (one request each), the others through the contract index.
   */
  async function contractsOf(ids: readonly string[], clientOf: ReadonlyMap<string, string>): Promise<(Contract | undefined)[]> {
    const found = new Map<string, Contract>();
    for (const file of await db.clientFiles.bulkGet([...new Set(ids.flatMap((id) => clientOf.get(id) ?? []))])) {
      for (const c of file?.contracts ?? []) found.set(c.id, c);
    }
    const missing = ids.filter((id) => !found.has(id));
    if (missing.length > 0) (await db.contracts.bulkGet(missing)).forEach((c) => c && found.set(c.id, c));
    return ids.map((id) => found.get(id));
  }

  return {
    /** The contract's usage document (all its months), or undefined before the first month. */
    ofContract: (contractId: string) => db.usage.get(contractId),

    /** Adds or replaces one month of a contract's usage (manual entry or correction). */
    async recordMonth(contractId: string, entry: UsageMonth, actor: string): Promise<UsageDocument> {
      const month = parseEntity(usageMonthSchema, entry, 'Consommation');
      return changeTransaction(ctx, ['usage', 'contracts'], async () => {
        const contract = await db.contracts.get(contractId);
        if (!contract) throw new DomainError('INVALID_INPUT', `Contrat introuvable : ${contractId}.`);
        const before = await db.usage.get(contractId);
        const after = merged(contract, before, [month], ctx.now());
        const summary = `Consommation de ${formatMonthFr(month.month)} enregistrée pour le contrat ${contract.reference}.`;
        await writeChange(ctx, { entity: 'usage', before, after, actor, action: 'usage_month', summary, clientId: contract.clientId });
        return after;
      });
    },

    /**
     * Imports many months at once (the platform's CSV export), all or nothing:
     * ONE read-write transaction merges each contract's months into its usage
     * document, writes one audit entry and one outbox mutation per changed
     * document and refreshes the clients' summaries. A refused row (unknown
     * contract, invalid month) throws before anything is committed. Contracts
     * are read, merged and written BULK_CHUNK at a time, so that no step of a
     * 10,000-contract file holds the main thread long.
     * Returns the number of usage documents changed.
     */
    async importMonths(rows: readonly UsageImportRow[], actor: string, onProgress?: (progress: WriteProgress) => void): Promise<number> {
      // Validated before the transaction (inside it only IndexedDB is awaited), a slice at a time with a pause
      // between slices: 145,000 rows checked in one go would hold the main thread for seconds.
      const byContract = new Map<string, UsageMonth[]>();
      const clientOf = new Map<string, string>();
      for (let start = 0; start < rows.length; start += VALIDATION_SLICE) {
        if (start > 0) await new Promise((resolve) => setTimeout(resolve, 0));
        rows.slice(start, start + VALIDATION_SLICE).forEach(({ contractId, clientId, ...entry }, i) => {
          if (clientId) clientOf.set(contractId, clientId);
          const month = parseEntity(usageMonthSchema, entry, `Consommation (ligne ${start + i + 1})`);
          const list = byContract.get(contractId);
          if (list) list.push(month);
          else byContract.set(contractId, [month]);
        });
      }
      const ids = [...byContract.keys()];
      return changeTransaction(ctx, ['usage', 'contracts'], async () => {
        const at = ctx.now();
        const clientIds = new Set<string>();
        let changed = 0;
        for (let start = 0; start < ids.length; start += BULK_CHUNK) {
          const chunk = ids.slice(start, start + BULK_CHUNK);
          const [contracts, docs] = await Promise.all([contractsOf(chunk, clientOf), db.usage.bulkGet(chunk)]);
          const changes: BulkChange<UsageDocument>[] = [];
          chunk.forEach((id, i) => {
            const contract = contracts[i];
            if (!contract) throw new DomainError('INVALID_INPUT', `Contrat introuvable : ${id}.`);
            const months = byContract.get(id)!;
            const before = docs[i];
            const after = merged(contract, before, months, at);
            if (JSON.stringify(before?.months) === JSON.stringify(after.months)) return;
            const list = months.map((m) => formatMonthFr(m.month)).join(', ');
            changes.push({ before, after, action: 'usage_import', summary: `Consommation importée pour le contrat ${contract.reference} : ${list}.`, clientId: contract.clientId });
            clientIds.add(contract.clientId);
          });
          await writeBulkChanges(ctx, 'usage', changes, actor);
          changed += changes.length;
          onProgress?.({ written: Math.min(start + BULK_CHUNK, ids.length), total: ids.length });
        }
        await refreshSummaries(db, clientIds);
        return changed;
      });
    },

    /** The months already stored for each of these contracts (what an import would replace), read a chunk at a time. */
    async storedMonths(contractIds: readonly string[]): Promise<Map<string, Set<string>>> {
      const stored = new Map<string, Set<string>>();
      for (let start = 0; start < contractIds.length; start += BULK_CHUNK) {
        for (const doc of await db.usage.bulkGet(contractIds.slice(start, start + BULK_CHUNK))) {
          if (doc) stored.set(doc.contractId, new Set(doc.months.map((m) => m.month)));
        }
      }
      return stored;
    },
  };
}
