import { DomainError, formatMonthFr, parseEntity, usageDocumentSchema, usageMonthSchema, withUsageMonth, type Contract, type UsageDocument, type UsageMonth } from '../../../src-core';
import { changeTransaction, writeChange, writeChanges, type Change } from '../change';
import type { DataContext } from '../context';

/** One imported row: a month of one contract's usage. */
export interface UsageImportRow extends UsageMonth {
  contractId: string;
}

export function usageRepository(ctx: DataContext) {
  const { db } = ctx;

  /** The contract's usage document with `months` merged in (same month replaced), validated as a whole. */
  function merged(contract: Contract, before: UsageDocument | undefined, months: readonly UsageMonth[], at: string): UsageDocument {
    const base = before ?? { id: contract.id, contractId: contract.id, clientId: contract.clientId, months: [], createdAt: at, updatedAt: at, version: 0 };
    return parseEntity(usageDocumentSchema, { ...base, months: months.reduce(withUsageMonth, base.months), updatedAt: at }, 'Relevé de consommation');
  }

  return {
    /** The contract's usage document (all its months), or undefined before the first month. */
    ofContract: (contractId: string) => db.usage.get(contractId),

    /** The months already stored for each of these contracts (what an import would replace). */
    async storedMonths(contractIds: readonly string[]): Promise<Map<string, Set<string>>> {
      const docs = await db.usage.bulkGet([...contractIds]);
      return new Map(docs.flatMap((d) => (d ? [[d.contractId, new Set(d.months.map((m) => m.month))] as const] : [])));
    },

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
     * contract, invalid month) throws before anything is committed.
     * Returns the number of usage documents changed.
     */
    async importMonths(rows: readonly UsageImportRow[], actor: string): Promise<number> {
      // Validated before the transaction: inside it only IndexedDB is awaited.
      const byContract = new Map<string, UsageMonth[]>();
      rows.forEach(({ contractId, ...entry }, i) => {
        const month = parseEntity(usageMonthSchema, entry, `Consommation (ligne ${i + 1})`);
        byContract.set(contractId, [...(byContract.get(contractId) ?? []), month]);
      });
      const ids = [...byContract.keys()];
      return changeTransaction(ctx, ['usage', 'contracts'], async () => {
        const [contracts, docs] = await Promise.all([db.contracts.bulkGet(ids), db.usage.bulkGet(ids)]);
        const at = ctx.now();
        const changes: Change<'usage'>[] = [];
        ids.forEach((id, i) => {
          const contract = contracts[i];
          if (!contract) throw new DomainError('INVALID_INPUT', `Contrat introuvable : ${id}.`);
          const months = byContract.get(id)!;
          const before = docs[i];
          const after = merged(contract, before, months, at);
          if (JSON.stringify(before?.months) === JSON.stringify(after.months)) return;
          const list = months.map((m) => formatMonthFr(m.month)).join(', ');
          changes.push({ entity: 'usage', before, after, actor, action: 'usage_import', summary: `Consommation importée pour le contrat ${contract.reference} : ${list}.`, clientId: contract.clientId });
        });
        await writeChanges(ctx, changes);
        return changes.length;
      });
    },
  };
}
