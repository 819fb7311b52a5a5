import type { DataContext } from '../context';
import { WRITE_STEP } from '../writes/gateway';

export type { UsageImportOptions, UsageImportRow } from '../commands/usage';

/** Reads of usage documents (their writes are the usage commands, data/commands/usage.ts). */
export function usageRepository(ctx: DataContext) {
  const { db } = ctx;
  return {
    /** The contract's usage document (all its months), or undefined before the first month. */
    ofContract: (contractId: string) => db.usage.get(contractId),

    /** The months already stored for each of these contracts (what an import would replace), read a chunk at a time. */
    async storedMonths(contractIds: readonly string[]): Promise<Map<string, Set<string>>> {
      const stored = new Map<string, Set<string>>();
      for (let start = 0; start < contractIds.length; start += WRITE_STEP) {
        for (const doc of await db.usage.bulkGet(contractIds.slice(start, start + WRITE_STEP))) {
          if (doc) stored.set(doc.contractId, new Set(doc.months.map((m) => m.month)));
        }
      }
      return stored;
    },
  };
}
