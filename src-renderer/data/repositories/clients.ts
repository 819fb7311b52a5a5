import { clientInputSchema, clientSchema, DomainError, parseEntity, type Client, type ClientInput } from '../../../src-core';
import { changeTransaction, writeChange } from '../change';
import type { DataContext } from '../context';

export function clientsRepository(ctx: DataContext) {
  const { db } = ctx;
  return {
    get: (id: string) => db.clients.get(id),
    /** Every client, by legal name. */
    all: () => db.clients.toArray().then((list) => list.sort((a, b) => a.legalName.localeCompare(b.legalName, 'fr'))),

    async create(input: ClientInput, actor: string): Promise<Client> {
      const fields = parseEntity(clientInputSchema, input, 'Client');
      const at = ctx.now();
      const client = parseEntity(clientSchema, { ...fields, id: ctx.newId(), createdAt: at, updatedAt: at, version: 0 }, 'Client');
      await changeTransaction(ctx, ['clients'], () =>
        writeChange(ctx, { entity: 'clients', before: undefined, after: client, actor, action: 'create', summary: `Création du client « ${client.legalName} ».`, clientId: client.id }),
      );
      return client;
    },

    /** Applies `patch` to the stored client; the merged record is validated as a whole. */
    update(id: string, patch: Partial<ClientInput>, actor: string): Promise<Client> {
      return changeTransaction(ctx, ['clients'], async () => {
        const before = await db.clients.get(id);
        if (!before) throw new DomainError('INVALID_INPUT', `Client introuvable : ${id}.`);
        const after = parseEntity(clientSchema, { ...before, ...patch, updatedAt: ctx.now() }, 'Client');
        await writeChange(ctx, { entity: 'clients', before, after, actor, action: 'update', summary: `Modification du client « ${after.legalName} ».`, clientId: id });
        return after;
      });
    },
  };
}
