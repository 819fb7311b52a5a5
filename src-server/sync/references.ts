import type { EntityType, WireRecord } from '../../src-core/sync';
import { message, type Message, type MessageCode } from '../../src-core/messages';
import type { Queryable } from '../storage/db';
import { loadRecord } from './record-store';

/** Records that make no sense without another one: a payment settles an invoice, a usage document measures a contract. */
const REFERENCES: Partial<Record<EntityType, { field: string; entity: EntityType; missing: MessageCode }>> = {
  payments: { field: 'invoiceId', entity: 'invoices', missing: 'sync.refusal.missingInvoice' },
  usage: { field: 'contractId', entity: 'contracts', missing: 'sync.refusal.missingContract' },
};

/**
 * The refusal (a message code, issue 19) when a record points to a record the server does not
 * have (or has deleted); a laptop pushes in creation order, so the target
 * arrives first. Inside the write transaction.
 */
export async function missingReference(tx: Queryable, entity: EntityType, record: WireRecord): Promise<Message | undefined> {
  const reference = REFERENCES[entity];
  if (!reference) return undefined;
  const id = String(record[reference.field]);
  const target = await loadRecord(tx, reference.entity, id);
  if (target && !target.deleted) return undefined;
  return message(reference.missing, { id: id.slice(0, 128) });
}
