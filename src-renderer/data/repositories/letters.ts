import type { Letter } from '../../../src-core';
import type { DataContext } from '../context';

export interface LetterFilter {
  clientId?: string;
  contractId?: string;
  status?: Letter['status'];
}

export function queryLetters(ctx: DataContext, filter: LetterFilter = {}): Promise<Letter[]> {
  const { db } = ctx;
  const [key, value] = (['contractId', 'clientId', 'status'] as const).map((k) => [k, filter[k]] as const).find(([, v]) => v !== undefined) ?? [];
  const base = key ? db.letters.where(key).equals(value!) : db.letters.toCollection();
  return base
    .filter((l) => (Object.keys(filter) as (keyof LetterFilter)[]).every((k) => filter[k] === undefined || l[k] === filter[k]))
    .sortBy('createdAt');
}

/** Reads of letters (their writes are the letter commands, data/letters-flow). */
export function lettersRepository(ctx: DataContext) {
  const { db } = ctx;
  return {
    get: (id: string) => db.letters.get(id),
    query: (filter?: LetterFilter) => queryLetters(ctx, filter),
  };
}
