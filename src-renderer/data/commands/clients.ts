import {
  message, refusalError, clientArchiveProblem, clientInputSchema, clientRemovalProblem, clientSchema, contractStateAt, contractTerms, parseEntity, type Client, type ClientInput, type EntityType, type Message,
} from '../../../src-core';
import { changeTransaction, writeChange, writeChanges, type Change } from '../change';
import type { DataContext } from '../context';
import { parisToday } from '../context';

/** The client aggregate's commands: each checks its rules and writes through the gateway with its audit and outbox. */
export function clientCommands(ctx: DataContext) {
  const { db } = ctx;
  return {
    /**
     * `commandId` (one per opened form) becomes the new client's id: a second
     * submit of the same intent returns the client the first one created.
     */
    async create(input: ClientInput, actor: string, commandId?: string): Promise<Client> {
      const fields = parseEntity(clientInputSchema, input, 'Client');
      const at = ctx.now();
      const client = parseEntity(clientSchema, { ...fields, id: commandId ?? ctx.newId(), createdAt: at, updatedAt: at, version: 0 }, 'Client');
      return changeTransaction(ctx, ['clients'], async () => {
        const done = commandId ? await db.clients.get(commandId) : undefined;
        if (done) return done;
        await writeChange(ctx, { entity: 'clients', before: undefined, after: client, actor, action: 'create', summary: message('audit.client.create', { name: client.legalName }), clientId: client.id });
        return client;
      });
    },

    /** Applies `patch` to the stored client; the merged record is validated as a whole. */
    update(id: string, patch: Partial<ClientInput>, actor: string): Promise<Client> {
      return changeTransaction(ctx, ['clients'], async () => {
        const before = await db.clients.get(id);
        if (!before) throw refusalError('INVALID_INPUT', message('refusal.notFound.client', { id }));
        const after = parseEntity(clientSchema, { ...before, ...patch, updatedAt: ctx.now() }, 'Client');
        await writeChange(ctx, { entity: 'clients', before, after, actor, action: 'update', summary: message('audit.client.update', { name: after.legalName }), clientId: id });
        return after;
      });
    },

    /** Hides a client with no running contract from the list (src-core `clientArchiveProblem`); its records stay. */
    archive(id: string, actor: string): Promise<Client> {
      return changeTransaction(ctx, ['clients', 'contracts'], async () => {
        const before = await stored(id);
        // Still running as the contract's state says today (a termination past its date is over; one starting later is not), not as a stored status.
        const today = parisToday(ctx);
        const running = (await db.contracts.ofClients([id]))
          .filter((c) => !['draft', 'terminated'].includes(contractStateAt(contractTerms(c), today).status))
          .map((c) => c.reference);
        const problem = clientArchiveProblem(running);
        if (problem) throw refusalError('INVALID_TRANSITION', problem);
        const after = parseEntity(clientSchema, { ...before, archivedAt: ctx.now(), updatedAt: ctx.now() }, 'Client');
        await writeChange(ctx, { entity: 'clients', before, after, actor, action: 'archive', summary: message('audit.client.archive', { name: after.legalName }), clientId: id });
        return after;
      });
    },

    /** Shows an archived client again. */
    restore(id: string, actor: string): Promise<Client> {
      return changeTransaction(ctx, ['clients'], async () => {
        const before = await stored(id);
        const { archivedAt: _archivedAt, ...rest } = before;
        const after = parseEntity(clientSchema, { ...rest, updatedAt: ctx.now() }, 'Client');
        await writeChange(ctx, { entity: 'clients', before, after, actor, action: 'restore', summary: message('audit.client.restore', { name: after.legalName }), clientId: id });
        return after;
      });
    },

    /**
     * Deletes a client created by mistake with its contracts, usage, draft
     * invoices and draft letters, in one transaction (src-core
     * `clientRemovalProblem`: refused once an invoice was issued or a letter
     * sent). Each deletion is audited and sent to the central API; the audit
     * entries of the client stay readable (audit.ofClient).
     */
    remove(id: string, actor: string): Promise<void> {
      return changeTransaction(ctx, ['clients', 'contracts', 'usage', 'invoices', 'letters'], async () => {
        const before = await stored(id);
        const [contracts, invoices, letters] = await Promise.all([
          db.contracts.ofClients([id]),
          db.invoices.ofClient(id),
          db.letters.where('clientId').equals(id).toArray(),
        ]);
        const issued = invoices.filter((i) => i.status !== 'draft').map((i) => i.number ?? i.id);
        const problem = clientRemovalProblem(issued, letters.filter((l) => l.status !== 'draft' && l.status !== 'printed').length);
        if (problem) throw refusalError('INVALID_TRANSITION', problem);
        const usage = (await db.usage.bulkGet(contracts.map((c) => c.id))).filter((u) => u !== undefined);
        const gone = <E extends EntityType>(entity: E, record: Change<E>['before'], summary: Message): Change<EntityType> =>
          ({ entity, before: record, after: null, actor, action: 'delete', summary, clientId: id }) as Change<EntityType>;
        await writeChanges(ctx, [
          ...letters.map((l) => gone('letters', l, message('audit.removal.letter'))),
          ...invoices.map((i) => gone('invoices', i, message('audit.removal.invoice', { period: i.period ?? '' }))),
          ...usage.map((u) => gone('usage', u, message('audit.removal.usage'))),
          ...contracts.map((c) => gone('contracts', c, message('audit.removal.contract', { reference: c.reference }))),
          gone('clients', before, message('audit.removal.client', { name: before.legalName })),
        ]);
      });
    },
  };

  async function stored(id: string): Promise<Client> {
    const client = await db.clients.get(id);
    if (!client) throw refusalError('INVALID_INPUT', message('refusal.notFound.client', { id }));
    return client;
  }
}
