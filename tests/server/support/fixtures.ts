import { randomUUID } from 'node:crypto';
import type { EntityType, Mutation } from '../../../src-core/sync';

const NOW = '2026-03-01T09:00:00+01:00';
const meta = { createdAt: NOW, updatedAt: NOW, version: 0 };

/** Records that pass the src-core/model schemas. */
export function clientRecord(legalName = 'Acme GmbH') {
  return {
    ...meta,
    legalName,
    country: 'DE',
    billingAddress: { lines: ['Hauptstraße 1'], postalCode: '10115', city: 'Berlin' },
    contact: { name: 'Anna Schmidt', email: 'anna@acme.de', phone: '+49 30 1234567' },
    hostingMode: 'cloud',
  };
}

export function contractRecord(clientId: string, reference = 'CT-2026-0001') {
  return { ...meta, clientId, reference, tier: 'T99', priceListId: 'PL-2024-09-01', startDate: '2026-01-01', status: 'active', history: [] };
}

export function draftInvoice(clientId: string, contractId: string, issueDate = '2026-03-01') {
  return {
    ...meta,
    kind: 'invoice',
    status: 'draft',
    number: null,
    clientId,
    contractId,
    period: issueDate.slice(0, 7),
    issueDate,
    dueDate: '2026-12-31',
    lines: [{ label: 'Hébergement T99', quantity: 1, unitPriceCents: 9900, netCents: 9900, vatRatePercent: 20 }],
    totals: { netCents: 9900, vatCents: 1980, totalCents: 11880, byRate: [{ ratePercent: 20, baseCents: 9900, vatCents: 1980 }] },
    vatMention: null,
  };
}

export function mutation(deviceId: string, entity: EntityType, recordId: string, changes: Record<string, unknown>, baseVersion = 0, op: Mutation['op'] = 'upsert'): Mutation {
  return { mutationId: randomUUID(), deviceId, entity, recordId, op, baseVersion, changes, madeAt: NOW };
}
