import { randomUUID } from 'node:crypto';
import { frenchVatNumberFromSiren, sirenCheckDigit } from '../../../src-core/model';
import { pullResponseSchema, type PullResponse } from '../../../src-core/sync';
import { startPlatformSimulator, type PlatformSimulator, type SimulatorOptions } from '../../../src-server/einvoicing/simulator';
import type { ApiClient } from './api';

/**
 * E-invoicing tests (issue 18): the platform simulator runs in the test
 * process, on loopback, so it outlives the server process's restarts and the
 * test can count what it received; the server reaches it like a real
 * platform (--platform-url, token in the environment).
 */
export async function simulatorForServer(options: Omit<SimulatorOptions, 'token'> = {}): Promise<{ simulator: PlatformSimulator; args: string[]; env: NodeJS.ProcessEnv }> {
  const simulator = await startPlatformSimulator({ approveAfterMs: 300, ...options, token: randomUUID() });
  return {
    simulator,
    args: ['--platform-url', simulator.url, '--platform-interval', '0.2', '--platform-retry', '0.2', '--platform-lease', '2', '--ereporting-interval', '0.5'],
    env: { CONTRATS_PLATFORM_TOKEN: simulator.token },
  };
}

/** A valid SIREN built from its first eight digits (Luhn key computed). */
export const siren = (firstEight: string) => firstEight + sirenCheckDigit(firstEight);

const NOW = '2026-03-01T09:00:00+01:00';

/** A French business client: SIREN and VAT number, as e-invoicing requires. */
export function frenchClientRecord(legalName: string, clientSiren: string) {
  return {
    createdAt: NOW,
    updatedAt: NOW,
    version: 0,
    legalName,
    siren: clientSiren,
    vatNumber: frenchVatNumberFromSiren(clientSiren),
    country: 'FR',
    billingAddress: { lines: ['3 place Stanislas'], postalCode: '54000', city: 'Nancy' },
    contact: { name: 'Claire Martin', email: 'claire@example.fr', phone: '03 83 00 00 01' },
    hostingMode: 'cloud',
  };
}

/** Polls the pull route until `found` accepts the record (the platform's statuses come over time). */
export async function waitForRecord<T extends Record<string, unknown>>(
  api: ApiClient,
  token: string,
  entity: 'invoices' | 'payments',
  id: string,
  found: (record: T) => boolean,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  while (Date.now() < deadline) {
    let cursor = '0';
    for (;;) {
      const answer = await api.post<PullResponse>('/sync/pull', token, { cursor, limit: 500, entities: [entity] });
      const page = pullResponseSchema.parse(answer.body);
      const change = page.changes.find((c) => c.recordId === id);
      if (change?.record) last = change.record as T;
      cursor = page.nextCursor;
      if (!page.hasMore) break;
    }
    if (last && found(last)) return last;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${entity}/${id} n’a pas atteint l’état attendu en ${timeoutMs} ms ; dernier état : ${JSON.stringify(last?.platform ?? last)}`);
}

/** The flows the simulator received under a tracking id (the document number, or number~212 for "encaissée"). */
export const receivedUnder = (simulator: PlatformSimulator, trackingId: string) => simulator.received().filter((flow) => flow.info.trackingId === trackingId);
