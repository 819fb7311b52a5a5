import { DomainError, formatMonthFr, parseEntity, usageDocumentSchema, usageMonthSchema, withUsageMonth, type UsageDocument, type UsageMonth } from '../../../src-core';
import { changeTransaction, writeChange } from '../change';
import type { DataContext } from '../context';

export function usageRepository(ctx: DataContext) {
  const { db } = ctx;
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
        const at = ctx.now();
        const after = parseEntity(
          usageDocumentSchema,
          before
            ? { ...before, months: withUsageMonth(before.months, month), updatedAt: at }
            : { id: contractId, contractId, clientId: contract.clientId, months: [month], createdAt: at, updatedAt: at, version: 0 },
          'Relevé de consommation',
        );
        const summary = `Consommation de ${formatMonthFr(month.month)} enregistrée pour le contrat ${contract.reference}.`;
        await writeChange(ctx, { entity: 'usage', before, after, actor, action: 'usage_month', summary, clientId: contract.clientId });
        return after;
      });
    },
  };
}
