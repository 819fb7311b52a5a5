import type { EntityType } from '../../../src-core';
import { href } from '../../components/router';

/** Where a record is edited, for a person correcting a change the server refused (undefined: no screen of its own). */
export function recordHref(entity: EntityType, recordId: string, changes: Record<string, unknown>): string | undefined {
  const clientId = typeof changes.clientId === 'string' ? changes.clientId : undefined;
  switch (entity) {
    case 'clients':
      return href(`/clients/${encodeURIComponent(recordId)}`);
    case 'invoices':
      return href(`/factures/${encodeURIComponent(recordId)}`);
    case 'letters':
      return href(`/courriers/${encodeURIComponent(recordId)}`);
    default:
      return clientId ? href(`/clients/${encodeURIComponent(clientId)}`) : undefined;
  }
}

const show = (value: unknown) => (value === null || value === undefined ? '' : String(value));

/** A record as a person recognises it: its name, reference or number, else its id. */
export function recordTitle(record: Record<string, unknown> | null | undefined, id: string): string {
  return show(record?.legalName) || show(record?.reference) || show(record?.number) || show(record?.name) || id;
}
