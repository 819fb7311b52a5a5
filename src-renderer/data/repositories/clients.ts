import type { DataContext } from '../context';

/** Reads of clients (their writes are the client commands, data/commands/clients.ts). */
export function clientsRepository(ctx: DataContext) {
  const { db } = ctx;
  return {
    get: (id: string) => db.clients.get(id),
    /** Every client, by legal name. */
    all: () => db.clients.toArray().then((list) => list.sort((a, b) => a.legalName.localeCompare(b.legalName, 'fr'))),
  };
}
