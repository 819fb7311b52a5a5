import { nextContractReference, type ReferencedContract } from '../../../src-core';
import type { DataContext } from '../context';
import { parisToday } from '../context';

/** Every stored contract's id and reference (one pass over the client files, no contract kept whole). */
export async function contractReferences(ctx: DataContext): Promise<ReferencedContract[]> {
  const known: ReferencedContract[] = [];
  await ctx.db.contracts.each((c) => known.push({ id: c.id, reference: c.reference }));
  return known;
}

/** Reads of contracts (their writes are the contract commands, data/commands/contracts.ts). */
export function contractsRepository(ctx: DataContext) {
  const { db } = ctx;
  return {
    get: (id: string) => db.contracts.get(id),
    /** The reference a new contract would get now: the next free `CT-<year>-NNNNN` of this year. */
    nextReference: async () => nextContractReference(Number(parisToday(ctx).slice(0, 4)), (await contractReferences(ctx)).map((r) => r.reference)),
    ofClient: async (clientId: string) => (await db.contracts.ofClients([clientId])).sort((a, b) => a.startDate.localeCompare(b.startDate)),
  };
}
