import { DomainError, enforce, letterChangeRefusal, letterInputSchema, letterSchema, parseEntity, type Letter, type LetterInput } from '../../../src-core';
import { parisToday } from '../context';
import { changeTransaction, writeChange } from '../change';
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

export function lettersRepository(ctx: DataContext) {
  const { db } = ctx;
  return {
    get: (id: string) => db.letters.get(id),
    query: (filter?: LetterFilter) => queryLetters(ctx, filter),

    async create(input: LetterInput, actor: string): Promise<Letter> {
      const fields = parseEntity(letterInputSchema, input, 'Lettre');
      const at = ctx.now();
      const letter = parseEntity(letterSchema, { ...fields, id: ctx.newId(), createdAt: at, updatedAt: at, version: 0 }, 'Lettre');
      await changeTransaction(ctx, ['letters'], () =>
        writeChange(ctx, { entity: 'letters', before: undefined, after: letter, actor, action: 'create', summary: `Lettre « ${letter.kind} » préparée.`, clientId: letter.clientId }),
      );
      return letter;
    },

    /**
     * Status, sending date, registered number, receipt date…: the merged letter is validated as a whole, and
     * its status moves only along its states (src-core `letterChangeRefusal`, as on the central API).
     */
    update(id: string, patch: Partial<LetterInput>, actor: string): Promise<Letter> {
      return changeTransaction(ctx, ['letters'], async () => {
        const before = await db.letters.get(id);
        if (!before) throw new DomainError('INVALID_INPUT', `Lettre introuvable : ${id}.`);
        const after = parseEntity(letterSchema, { ...before, ...patch, updatedAt: ctx.now() }, 'Lettre');
        enforce(letterChangeRefusal(before, after, parisToday(ctx)));
        await writeChange(ctx, { entity: 'letters', before, after, actor, action: 'update', summary: `Lettre « ${after.kind} » : statut ${after.status}.`, clientId: after.clientId });
        return after;
      });
    },
  };
}
