import { DomainError, formatMonthFr, parseEntity, usageDocumentSchema, usageMonthSchema, withUsageMonth, type Contract, type UsageDocument, type UsageMonth } from '../../../src-core';
import { changeTransaction, writeChange } from '../change';
import type { DataContext } from '../context';
import { importUsageMonths, type UsageImportOptions, type UsageImportRow } from '../usage-import/write';

export type { UsageImportOptions, UsageImportRow };

export function usageRepository(ctx: DataContext) {
  const { db } = ctx;

  /** The contract's usage document with `months` merged in (same month replaced), validated as a whole. */
  function merged(contract: Pick<Contract, 'id' | 'clientId'>, before: UsageDocument | undefined, months: readonly UsageMonth[], at: string, what = 'Relevé de consommation'): UsageDocument {
    const base = before ?? { id: contract.id, contractId: contract.id, clientId: contract.clientId, months: [], createdAt: at, updatedAt: at, version: 0 };
    return parseEntity(usageDocumentSchema, { ...base, months: months.reduce(withUsageMonth, base.months), updatedAt: at }, what);
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

    /** Imports many months at once (the platform's CSV export), all or nothing: see usage-import/write.ts. Returns the number of usage documents changed. */
    importMonths: (rows: readonly UsageImportRow[], actor: string, options: UsageImportOptions = {}): Promise<number> => importUsageMonths(ctx, rows, actor, options),
  };
}
