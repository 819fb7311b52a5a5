import type { ClientInput, InvoiceInput } from '../../../src-core';
import type { Laptop } from './laptop';

export const ACTOR = 'Test synchro';

/** A French client complete enough for an EN 16931 invoice (SIREN, VAT number): the data tests' own. */
export { CLIENT_INPUT as FRENCH_CLIENT } from '../../data/helpers';

export function clientInput(legalName: string): ClientInput {
  return {
    legalName,
    country: 'DE',
    billingAddress: { lines: ['Hauptstraße 1'], postalCode: '10115', city: 'Berlin' },
    contact: { name: 'Anna Schmidt', email: 'anna@acme.de', phone: '+49 30 1234567' },
    hostingMode: 'cloud',
  };
}

export function draftInput(clientId: string, dueDate: string): InvoiceInput {
  return {
    kind: 'invoice',
    clientId,
    contractId: 'ct-1',
    period: '2026-03',
    issueDate: '2026-03-01',
    dueDate,
    lines: [{ label: 'Hébergement T99', quantity: 1, unitPriceCents: 9900, netCents: 9900, vatRatePercent: 20 }],
    totals: { netCents: 9900, vatCents: 1980, totalCents: 11880, byRate: [{ ratePercent: 20, baseCents: 9900, vatCents: 1980 }] },
    vatMention: null,
  } as unknown as InvoiceInput;
}

/** Ids of every mutation the laptop has queued so far (to check later that each was applied exactly once). */
export async function queuedIds(laptop: Laptop): Promise<string[]> {
  return (await laptop.data.repos.outbox.pending(100_000)).map((m) => m.mutationId);
}
